"""Writes of agreements: the record with its partners, units, signatories and conditions, and its documents.

A new agreement starts as a draft; moving it through its approval workflow is
core.agreements.workflow.services's business, which attaches step documents through
`document_add_version` here.
"""

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import get_language, gettext

from core.agreements.errors import AgreementError
from core.agreements.models import (
    Agreement,
    AgreementDocument,
    CooperationCondition,
    DocumentVersion,
    Signatory,
    WorkflowStep,
)
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.documents.context import current_university
from kopru.errors import NotFound, ServiceError, full_clean_or_refuse, invalid
from kopru.translated import in_each_language, set_translations, translations
from kopru.uploads import DOC, DOCX, JPEG, ODT, PDF, PNG, check_upload, stored_upload

AGREEMENT_FIELDS = frozenset({
    "kind", "reference", "scopes", "origin", "starts_on", "ends_on", "first_academic_year", "last_academic_year",
    "renewal", "text_languages",
})
CONDITION_FIELDS = ("direction", "mobility_type", "isced", "eqf_level", "places_per_year", "months_per_person",
                    "days_per_person", "language", "cefr_level")
TEXT_CONDITION_FIELDS = ("language", "cefr_level")
# A signatory row also carries "titles", the signatory's title in each language.
SIGNATORY_FIELDS = ("side", "name", "signed_on")
LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
COUNTED_IN_MONTHS = {CooperationCondition.MobilityType.SMS, CooperationCondition.MobilityType.SMT}
COUNTED_IN_DAYS = {CooperationCondition.MobilityType.STA, CooperationCondition.MobilityType.STT}
# Texts, decisions and letters as offices keep them: Word (DOC from older offices), OpenDocument, PDF, scans.
DOCUMENT_KINDS = {PDF, DOCX, DOC, ODT, PNG, JPEG}


class _Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(str(message))

    def merge(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add(field, message)


def check_document_file(upload, *, field: str = "file") -> str:
    """The content type of a file kept with an agreement or a request under it; a ServiceError naming `field`."""
    return check_upload(upload, allowed=DOCUMENT_KINDS, max_mb=settings.KOPRU_MAX_UPLOAD_MB, field=field,
                        refusal=gettext("Upload a PDF, DOCX, DOC, ODT, PNG or JPEG file; this file is none of them."))


@transaction.atomic
def agreement_create(*, acting_user, titles: dict[str, str], partners: Sequence, units: Iterable = (),
                     signatories: Sequence[dict] = (), conditions: Sequence[dict] = (), **fields) -> Agreement:
    """A new draft agreement with its partners, our units, signatories and cooperation conditions.

    `fields` are the agreement's own fields (AGREEMENT_FIELDS); `titles` maps languages to titles, and a language
    left without one gets a title composed from the partners and the type (composed_title); conditions and
    signatories are dicts of CONDITION_FIELDS and SIGNATORY_FIELDS.
    """
    agreement = Agreement(created_by=acting_user, status=Agreement.Status.DRAFT)
    _save(agreement, titles=titles, partners=partners, units=units, signatories=signatories,
          conditions=conditions, fields=fields)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_CREATED, target=agreement,
                 details={"partners": [partner.pk for partner in partners]})
    return agreement


@transaction.atomic(durable=True)
def agreement_update(*, agreement: Agreement, acting_user, titles: dict[str, str] | None = None,
                     partners: Sequence | None = None, units: Iterable | None = None,
                     signatories: Sequence[dict] | None = None, conditions: Sequence[dict] | None = None,
                     titles_checked: bool = False, **fields) -> Agreement:
    """Change what is given; None leaves a part as it is.

    Conditions carrying the "id" of one of the agreement's rows change that row (calls keep
    their quotas' link to it); rows without an id are added, rows left out are removed.
    Rewording a title marks the other languages' titles out of date unless `titles_checked`.
    The status is the workflow's and cannot be changed here.
    """
    _save(agreement, titles=titles, partners=partners, units=units, signatories=signatories,
          conditions=conditions, fields=fields, titles_checked=titles_checked)
    parts = {"titles": titles, "partners": partners, "units": units, "signatories": signatories,
             "conditions": conditions}
    changed = sorted(fields) + [name for name, value in parts.items() if value is not None]
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_UPDATED,
                 target=agreement, details={"changed": changed})
    return agreement


def _save(agreement: Agreement, *, titles, partners, units, signatories, conditions, fields,
          titles_checked: bool = False) -> None:
    unknown = set(fields) - AGREEMENT_FIELDS
    if unknown:
        raise TypeError(f"not agreement fields: {', '.join(sorted(unknown))}")
    errors = _Errors()
    for name, value in fields.items():
        setattr(agreement, name, value.strip() if isinstance(value, str) else value)
    if partners is not None and not partners:
        errors.add("partners", gettext("Choose at least one partner."))
    set_translations(agreement, "title", titles or {}, checked=titles_checked)
    if not errors:
        _compose_missing_titles(agreement, partners if partners is not None else list(agreement.partners.all()))
    if not any(translations(agreement, "title").values()):
        errors.add("title", gettext("Give the agreement a title in at least one language."))
    _check_agreement(agreement, errors)
    condition_rows = _conditions(agreement, conditions) if conditions is not None else None
    signatory_rows = [_signatory(agreement, row) for row in signatories or ()]
    row_errors = {
        "conditions": [_condition_errors(row) for row in condition_rows or ()],
        "signatories": [_row_errors(row) for row in signatory_rows],
    }
    for name, rows in row_errors.items():
        if any(rows):
            errors[name] = rows
    if errors:
        raise invalid(dict(errors))

    agreement.save()
    if partners is not None:
        agreement.partners.set(partners)
    if units is not None:
        agreement.units.set(units)
    if signatories is not None:
        agreement.signatories.all().delete()
        Signatory.objects.bulk_create(signatory_rows)
    if condition_rows is not None:
        agreement.conditions.exclude(pk__in=[row.pk for row in condition_rows if row.pk]).delete()
        for row in condition_rows:
            row.save()


def composed_title(kind: str, partners: Sequence) -> str:
    """An agreement's title in the active language made of its partners' names and its type, for a language nobody
    wrote one in: "Kyrgyz-Turkish Manas University — Erasmus+ international agreement (KA171)"."""
    names = ", ".join(str(partner.name) for partner in partners)
    return (gettext("%(partners)s — %(kind)s") % {"partners": names, "kind": Agreement.Kind(kind).label})[:255]


def _compose_missing_titles(agreement: Agreement, partners: Sequence) -> None:
    """Every language the university uses gets a title: a composed one where nobody wrote one, so no reader of
    the office sees the agreement under another language's title."""
    if not partners or agreement.kind not in Agreement.Kind.values:
        return
    composed = in_each_language(lambda: composed_title(agreement.kind, partners))
    languages = current_university().languages
    set_translations(agreement, "title", {code: text for code, text in composed.items()
                                          if code in languages and not getattr(agreement, f"title_{code}")})


def _signatory(agreement: Agreement, row: dict) -> Signatory:
    signatory = Signatory(agreement=agreement, **_only(row, SIGNATORY_FIELDS))
    set_translations(signatory, "title", row.get("titles") or {})
    return signatory


def _only(row: dict, names: Sequence[str]) -> dict:
    return {name: row[name] for name in names if name in row and row[name] is not None}


def _check_agreement(agreement: Agreement, errors: _Errors) -> None:
    if agreement.starts_on and agreement.ends_on and agreement.ends_on < agreement.starts_on:
        errors.add("ends_on", gettext("The agreement cannot end before it starts: “valid until” must be on or "
                                      "after “valid from”."))
    first, last = agreement.first_academic_year, agreement.last_academic_year
    if first and last and last < first:
        errors.add("last_academic_year", gettext("The last academic year cannot come before the first one."))
    for code in agreement.text_languages or ():
        if not LANGUAGE_CODE.match(code):
            errors.add("text_languages", gettext("“%(code)s” is not a two-letter language code such as tr or en.")
                       % {"code": code})
    try:
        # The title is checked above in every language; the date order above says more than the constraint.
        agreement.full_clean(exclude=["title", "created_by", "workflow", "current_step"], validate_constraints=False)
    except ValidationError as error:
        errors.merge(error)


def _conditions(agreement: Agreement, rows: Sequence[dict]) -> list[CooperationCondition]:
    existing = {condition.pk: condition for condition in agreement.conditions.all()} if agreement.pk else {}
    built = []
    for row in rows:
        # An id that is not one of this agreement's rows makes a new row: never a way to move another's.
        condition = existing.get(row.get("id")) or CooperationCondition(agreement=agreement)
        for name in CONDITION_FIELDS:
            value = row.get(name)
            if isinstance(value, str):
                value = value.strip()
            setattr(condition, name, "" if value is None and name in TEXT_CONDITION_FIELDS else value)
        built.append(condition)
    return built


def _row_errors(row) -> dict[str, list[str]]:
    try:
        row.full_clean(exclude=["agreement"])
    except ValidationError as error:
        return error.message_dict
    return {}


def _condition_errors(condition: CooperationCondition) -> dict[str, list[str]]:
    """The model's own checks and the office's rules for one row of conditions."""
    errors = _Errors(_row_errors(condition))
    if condition.places_per_year is not None and condition.places_per_year < 1:
        errors.add("places_per_year", gettext("Give at least one place per year."))
    months, days = condition.months_per_person, condition.days_per_person
    if months is not None and Decimal(months) <= 0:
        errors.add("months_per_person", gettext("The months per person must be more than zero."))
    if days is not None and days < 1:
        errors.add("days_per_person", gettext("The days per person must be more than zero."))
    if months is not None and days is not None:
        errors.add("days_per_person", gettext("Give months or days per person, not both."))
    elif condition.mobility_type in COUNTED_IN_MONTHS and months is None:
        errors.add("months_per_person", gettext("Student mobility is counted in months: give the months per "
                                                "person."))
    elif condition.mobility_type in COUNTED_IN_DAYS and days is None:
        errors.add("days_per_person", gettext("Staff mobility is counted in days: give the days per person."))
    if condition.language and not LANGUAGE_CODE.match(condition.language):
        errors.add("language", gettext("“%(code)s” is not a two-letter language code such as tr or en.")
                   % {"code": condition.language})
    if condition.cefr_level and not condition.language:
        errors.add("language", gettext("Name the language the CEFR level is asked in."))
    return dict(errors)


@transaction.atomic(durable=True)
def agreement_delete(*, agreement: Agreement, acting_user) -> None:
    """Delete a draft; an agreement that has entered its workflow is kept for the record."""
    if agreement.status != Agreement.Status.DRAFT:
        raise ServiceError(AgreementError.NOT_A_DRAFT, gettext("Only a draft agreement can be deleted."))
    if agreement.requests.exists():
        raise ServiceError(AgreementError.AGREEMENT_IN_USE,
                           gettext("Requests are registered under this agreement; it cannot be deleted."))
    files = [version.file for version in DocumentVersion.objects.filter(document__agreement=agreement)]
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_DELETED, target=agreement)
    agreement.delete()
    # The files go only once the rows are gone for good.
    transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])


def document_next_number(document: AgreementDocument) -> int:
    """The number of the document's next version; the document stays locked to the end of the transaction.

    So two uploads at the same moment never both become the same version.
    """
    AgreementDocument.objects.select_for_update().filter(pk=document.pk).first()
    return (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1


@transaction.atomic
def document_add_version(*, agreement: Agreement, kind: str, titles: dict[str, str], uploaded_file, acting_user,
                         step: WorkflowStep | None = None, document: AgreementDocument | None = None
                         ) -> DocumentVersion:
    """Store an uploaded file as version 1 of a new document, or as the next version of `document`.

    The file is checked by its content and size (check_document_file); `kind`, `titles` (by language; none given,
    the file's name) and `step` name a new document and are ignored for a new version of an existing one.
    """
    content_type = check_document_file(uploaded_file)
    if document is None:
        document = AgreementDocument(agreement=agreement, kind=kind, step=step)
        if not set_translations(document, "title", titles):
            set_translations(document, "title", {get_language(): uploaded_file.name[:255]})
        full_clean_or_refuse(document)
        document.save()
        number = 1
    else:
        if document.agreement_id != agreement.pk:
            raise NotFound(gettext("This agreement has no such document."))
        number = document_next_number(document)
    version = DocumentVersion(document=document, number=number, file=stored_upload(uploaded_file, content_type),
                              content_type=content_type, size=uploaded_file.size, uploaded_by=acting_user)
    version.save()
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_DOCUMENT_UPLOADED, target=agreement,
                 details={"document": document.pk, "kind": document.kind, "version": number})
    return version
