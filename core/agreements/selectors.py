"""Reads of agreements, as far as the reader may see: unit staff see the agreements of their units and below."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from core.agreements.models import Agreement, AgreementDocument, CooperationCondition, DocumentVersion, IscedField
from core.office.selectors import unit_subtree_ids, visible_unit_ids
from core.partners.models import Recognition
from core.partners.recognition import recognition_policy
from i18n.text import matches
from kopru.errors import NotFound
from kopru.lists import (
    Ordering,
    reader_languages,
    related_rows,
    row_by_id,
    translated,
    translated_sql,
    translated_value,
)

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
AgreementUnit = Agreement.units.through


def _with_units(queryset: QuerySet[Agreement], unit_ids) -> QuerySet[Agreement]:
    """Agreements involving any of the units; a subquery rather than a join, so no row comes twice."""
    return queryset.filter(pk__in=AgreementUnit.objects.filter(academicunit_id__in=unit_ids).values("agreement_id"))


def agreements_for_user(user) -> QuerySet[Agreement]:
    unit_ids = visible_unit_ids(user)
    agreements = Agreement.objects.all()
    return agreements if unit_ids is None else _with_units(agreements, unit_ids)


def agreement_get_for_user(user, agreement_id) -> Agreement:
    """One agreement the user may see, with what its page shows; missing and out of reach both answer 404."""
    found = None
    if str(agreement_id).isdigit():
        found = with_related(agreements_for_user(user)).prefetch_related("signatories").filter(pk=agreement_id).first()
    if found is None:
        raise NotFound()
    return found


def with_related(agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """What lists and pages show of each agreement, in a fixed number of queries whatever their count."""
    return agreements.prefetch_related(
        "partners", "units",
        Prefetch("conditions", queryset=CooperationCondition.objects.select_related("isced")),
    )


@dataclass(frozen=True)
class AgreementFilters:
    kind: str = ""
    status: str = ""
    partner: int | None = None
    country: str = ""
    unit: int | None = None
    expiring_within: int | None = None  # days from today
    search: str = ""
    ordering: str = ""  # one of AGREEMENT_ORDERING's choices; the default otherwise


AGREEMENT_ORDERING = Ordering(keys={
    "title": (translated("title"),), "kind": ("kind",), "reference": ("reference",), "status": ("status",),
    "starts_on": ("starts_on",), "ends_on": ("ends_on",), "created_at": ("created_at",),
    "updated_at": ("updated_at",),
}, default="-created_at")
# What a list shows of each agreement, as columns of one query; agreement_rows finishes the rows.
LIST_COLUMNS = (
    "id", "kind", *(f"title_{code}" for code in LANGUAGES), "reference", "status", "scopes", "origin", "starts_on",
    "ends_on", "first_academic_year", "last_academic_year", "renewal", "text_languages", "created_at", "updated_at",
)
CONDITION_COLUMNS = ("id", "direction", "mobility_type", "eqf_level", "places_per_year", "days_per_person",
                     "language", "cefr_level")


def _list_relations() -> dict:
    """The partners, units and conditions of each agreement, built by the database in the page's own query
    (one query whatever the page's size), with names in the reader's language."""
    language = reader_languages()[0]
    condition_columns = ", ".join(f"'{column}', c.{column}" for column in CONDITION_COLUMNS)
    return {
        "partner_rows": related_rows(
            f"""json_build_object('id', p.id, 'name', {translated_sql('p.name')}, 'country', p.country,
                                  'recognition', p.recognition)""",
            f"""FROM agreements_agreement_partners l {row_by_id("partners_partner", "p", "l.partner_id")}
                WHERE l.agreement_id = agreements_agreement.id""", order=f"p.name_{language}, p.id"),
        "unit_rows": related_rows(
            f"json_build_object('id', u.id, 'name', {translated_sql('u.name')})",
            f"""FROM agreements_agreement_units l {row_by_id("office_academicunit", "u", "l.academicunit_id")}
               WHERE l.agreement_id = agreements_agreement.id""", order=f"u.name_{language}, u.id"),
        # months as text, so "5.0" keeps its decimal as the detail's serializer writes it
        "condition_rows": related_rows(
            f"""json_build_object({condition_columns}, 'months_per_person', c.months_per_person::text,
                                  'isced', CASE WHEN i.code IS NULL THEN NULL
                                           ELSE json_build_object('code', i.code, 'name', {translated_sql('i.name')})
                                           END)""",
            f"""FROM agreements_cooperationcondition c
               {row_by_id("agreements_iscedfield", "i", "c.isced_id", optional=True)}
               WHERE c.agreement_id = agreements_agreement.id""", order="c.direction, c.mobility_type, c.id"),
    }


def agreements_listed(user, filters: AgreementFilters, ids: list[int]) -> QuerySet[Agreement]:
    """The agreements agreement_list finds, as records, or only those of them among `ids` when some are given (the
    rows ticked in the list)."""
    listed = agreements_for_user(user).filter(pk__in=agreement_list(user, filters).values("id"))
    return listed.filter(pk__in=ids) if ids else listed


def agreement_list(user, filters: AgreementFilters = AgreementFilters()) -> QuerySet:
    """The agreements matching the filters, sorted, as `values()` of LIST_COLUMNS; agreement_rows completes a page."""
    agreements = agreements_for_user(user)
    if filters.kind:
        agreements = agreements.filter(kind=filters.kind)
    if filters.status:
        agreements = agreements.filter(status=filters.status)
    if filters.partner:
        agreements = agreements.filter(pk__in=Agreement.partners.through.objects.filter(
            partner_id=filters.partner).values("agreement_id"))
    if filters.country:
        agreements = agreements.filter(pk__in=Agreement.partners.through.objects.filter(
            partner__country=filters.country.upper()).values("agreement_id"))
    if filters.unit:
        agreements = _with_units(agreements, unit_subtree_ids(filters.unit))
    if filters.expiring_within is not None:
        today = timezone.localdate()
        agreements = agreements.filter(ends_on__gte=today, ends_on__lte=today + timedelta(days=filters.expiring_within))
    if filters.search.strip():
        agreements = agreements.filter(pk__in=_matching_ids(agreements, filters.search))
    return AGREEMENT_ORDERING.apply(agreements, filters.ordering).values(*LIST_COLUMNS, **_list_relations())


def agreement_rows(page) -> list[dict]:
    """One page of agreement_list as plain dicts: `titles` in every language, partners, units, conditions and
    whether a partner is not recognised."""
    rows, title = [], translated_value(Agreement, "title")
    checked = recognition_policy() is not None  # else the university's country asks for no recognition
    for row in page:
        row = dict(row, title=title(row), partners=row.pop("partner_rows"), units=row.pop("unit_rows"),
                   conditions=row.pop("condition_rows"))
        row["titles"] = {code: row.pop(f"title_{code}") for code in LANGUAGES}
        row["unrecognised_partner"] = checked and any(partner["recognition"] != Recognition.RECOGNISED
                                                      for partner in row["partners"])
        rows.append(row)
    return rows


def _matching_ids(agreements: QuerySet[Agreement], search: str) -> list[int]:
    """Ids whose title or partner names match in any language and script ("Ош", "Osh", "Oş").

    PostgreSQL here cannot fold scripts, so the texts are matched in Python: titles and
    partner names only, one query, a few hundred kilobytes for thousands of agreements.
    """
    columns = [f"title_{code}" for code in LANGUAGES] + [f"partners__name_{code}" for code in LANGUAGES]
    texts: dict[int, list[str]] = {}
    for pk, *values in agreements.order_by().values_list("pk", *columns, "partners__short_name"):
        texts.setdefault(pk, []).extend(value for value in values if value)
    return [pk for pk, parts in texts.items() if matches(search, " ".join(parts))]


def has_unrecognised_partner(agreement: Agreement) -> bool:
    """Whether a partner is not (yet) recognised, where the university's country asks for recognition; reads the
    prefetched partners.

    Lists ask this for every row, so it reads the status rather than composing the reasons.
    """
    return recognition_policy() is not None and any(
        partner.recognition != Recognition.RECOGNISED for partner in agreement.partners.all())


def agreement_documents(agreement: Agreement) -> QuerySet[AgreementDocument]:
    versions = DocumentVersion.objects.select_related("uploaded_by").order_by("-number")
    return agreement.documents.select_related("step").prefetch_related(Prefetch("versions", queryset=versions))


def document_get(agreement: Agreement, document_id) -> AgreementDocument:
    """A document of an agreement the caller already holds through agreement_get_for_user."""
    document = agreement.documents.filter(pk=document_id).first() if str(document_id).isdigit() else None
    if document is None:
        raise NotFound()
    return document


def version_get(agreement: Agreement, document_id, number) -> DocumentVersion:
    """One version of one of the agreement's documents; 404 when the agreement has no such thing."""
    version = DocumentVersion.objects.select_related("document").filter(
        document__agreement=agreement, document_id=document_id, number=number,
    ).first() if str(document_id).isdigit() and str(number).isdigit() else None
    if version is None:
        raise NotFound()
    return version


def isced_fields() -> QuerySet[IscedField]:
    return IscedField.objects.order_by("code")
