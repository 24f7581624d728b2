"""Writes of the partner register: partners and their units, contacts, rankings and YÖK checks; imports.

Every write checks the same rules whether it comes from the form, the API, a table
import or a command, saves, and leaves an audit entry in the same transaction.
"""

import re
from collections.abc import Collection
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.partners.errors import PartnerError
from core.partners.models import Partner, PartnerContact, PartnerUnit, RankingEntry, Recognition, RecognitionCheck
from core.partners.selectors import CITY_COLUMNS, TABLE_COLUMNS
from core.partners.validators import normalise_ror
from i18n.countries import country_choices
from kopru.errors import ServiceError, invalid
from kopru.spreadsheets import ImportResult, Row, RowInvalid, import_rows, read_table
from kopru.translated import NAME_FIELDS, set_names, set_texts, set_translations
from kopru.uploads import JPEG, PDF, PNG, check_upload, stored_upload

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
# A partner's translated texts besides its names, each given as {language: text}.
PARTNER_TEXTS = ("letter_addressee", "city")
# The texts whose other languages an editor may say still read the same after one was reworded.
PARTNER_TRANSLATED = ("name", *PARTNER_TEXTS)
TEXT_COLUMNS = tuple(f"{field}_{code}" for field in PARTNER_TEXTS for code in LANGUAGES)
PARTNER_DETAILS = ("short_name", "country", "website", "erasmus_code", "pic", "oid", "schac", "ror", "notes")
# A contact's position is given apart, as "positions": {language: text}.
CONTACT_FIELDS = ("name", "email", "phone", "is_primary")
RANKING_FIELDS = ("system", "year", "rank", "band")
IDENTIFIER_FORMS = {
    "erasmus_code": lambda value: value.strip().upper(),
    "pic": lambda value: re.sub(r"\s", "", value),
    "oid": lambda value: value.strip().upper(),
    "schac": lambda value: value.strip().lower().rstrip("."),
    "ror": normalise_ror,
}
# Evidence of a YÖK check: the okultanima.yok.gov.tr result or YÖK's letter, saved or scanned.
EVIDENCE_KINDS = {PDF, PNG, JPEG}
EVIDENCE_MAX_MB = 10
# "501-600", "501 – 600" and "1001+" as the rankings publish their bands.
BAND = re.compile(r"^(\d+)\s*[-–—]\s*(\d+)$|^(\d+)\s*\+$")
FIRST_RANKING_YEAR = 2003  # ARWU's first edition


def _set_names(instance, names: dict[str, str | None], *, checked: bool = False) -> None:
    set_names(instance, names, missing=gettext("Give a name in at least one language."), checked=checked)


def _set_partner_texts(partner: Partner, *, names: dict | None, texts: dict | None, checked: Collection[str]) -> None:
    """The names and PARTNER_TEXTS given, each {language: text}. A field `checked` (its other languages still say
    the same) is not marked out of date by a rewording, and loses its earlier marks even when not given."""
    unknown = set(checked) - set(PARTNER_TRANSLATED)
    if unknown:
        raise TypeError(f"Not translated partner fields: {sorted(unknown)}")
    _set_names(partner, names or {}, checked="name" in checked)
    set_texts(partner, texts or {}, fields=PARTNER_TEXTS, checked=[field for field in checked if field != "name"])


def _full_clean(instance, errors: dict | None = None, *, exclude=()) -> None:
    """full_clean, with the caller's own errors on top, as one ServiceError naming every field."""
    errors = dict(errors or {})
    try:
        instance.full_clean(exclude=list(exclude), validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise invalid(errors)


def _unique_identifier_errors(partner: Partner) -> dict[str, list[str]]:
    messages = {
        "erasmus_code": gettext("Another partner already has this Erasmus code: %(partner)s."),
        "pic": gettext("Another partner already has this PIC: %(partner)s."),
    }
    errors = {}
    for field, message in messages.items():
        value = getattr(partner, field)
        other = Partner.objects.exclude(pk=partner.pk).filter(**{field: value}).first() if value else None
        if other is not None:
            errors[field] = [message % {"partner": other.name}]
    return errors


def _apply_details(partner: Partner, details: dict) -> None:
    unknown = set(details) - set(PARTNER_DETAILS)
    if unknown:
        raise TypeError(f"Unknown partner fields: {sorted(unknown)}")
    for field, value in details.items():
        value = (value or "").strip() if isinstance(value, str) or value is None else value
        if field in IDENTIFIER_FORMS and value:
            value = IDENTIFIER_FORMS[field](value)
        elif field == "country":
            value = value.upper()
        elif field == "website" and value and "://" not in value:
            value = f"https://{value}"
        setattr(partner, field, value)


def _save_partner(partner: Partner) -> None:
    errors = _unique_identifier_errors(partner)
    if partner.country not in dict(country_choices("en")):
        errors["country"] = [gettext("Choose a country from the list (an ISO 3166 code such as TR or KG).")]
    _full_clean(partner, errors, exclude=[field for field in NAME_FIELDS if not getattr(partner, field)])
    try:
        with transaction.atomic():
            partner.save()
    except IntegrityError as error:  # the same identifier saved by someone else a moment ago
        raise invalid(_unique_identifier_errors(partner) or {"erasmus_code": [str(error)]}) from error


@transaction.atomic
def partner_create(*, names: dict[str, str], acting_user, texts: dict[str, dict[str, str]] | None = None,
                   **details) -> Partner:
    """A new partner; `texts` are any of PARTNER_TEXTS by language ({"city": {"tr": "Viyana", "en": "Vienna"}}),
    `details` any of PARTNER_DETAILS (country is required)."""
    partner = Partner()
    _set_partner_texts(partner, names=names, texts=texts, checked=())
    _apply_details(partner, {"country": "", **details})
    _save_partner(partner)
    audit_record(actor=acting_user, action=AuditAction.PARTNER_CREATED, target=partner)
    return partner


@transaction.atomic
def partner_update(*, partner: Partner, acting_user, names: dict[str, str] | None = None,
                   texts: dict[str, dict[str, str]] | None = None, translations_checked: Collection[str] = (),
                   **details) -> Partner:
    """Change the names, texts (as partner_create takes them) and details given; the rest stays.

    Rewording one language of a name or text marks its other languages out of date, unless the field is among
    `translations_checked` (any of PARTNER_TRANSLATED).
    """
    before = {field: getattr(partner, field) for field in (*NAME_FIELDS, *TEXT_COLUMNS, *details)}
    _set_partner_texts(partner, names=names, texts=texts, checked=translations_checked)
    _apply_details(partner, details)
    _save_partner(partner)
    changed = {field: [old, getattr(partner, field)] for field, old in before.items() if old != getattr(partner, field)}
    audit_record(actor=acting_user, action=AuditAction.PARTNER_UPDATED, target=partner, details=changed)
    return partner


@transaction.atomic(durable=True)
def partner_delete(*, partner: Partner, acting_user) -> None:
    """Delete a partner no agreement names; agreements keep their partners for the record."""
    if partner.agreements.exists():
        raise ServiceError(
            PartnerError.PARTNER_IN_USE, gettext("Agreements name this partner; it cannot be deleted."),
        )
    audit_record(actor=acting_user, action=AuditAction.PARTNER_DELETED, target=partner)
    partner.delete()


@transaction.atomic
def partner_unit_create(*, partner: Partner, names: dict[str, str], acting_user) -> PartnerUnit:
    unit = PartnerUnit(partner=partner)
    _set_names(unit, names)
    _full_clean(unit, exclude=[field for field in NAME_FIELDS if not getattr(unit, field)])
    unit.save()
    audit_record(actor=acting_user, action=AuditAction.PARTNER_UNIT_CREATED,
                 target=unit, details={"partner": partner.pk})
    return unit


@transaction.atomic(durable=True)
def partner_unit_update(*, unit: PartnerUnit, names: dict[str, str], acting_user) -> PartnerUnit:
    _set_names(unit, names)
    _full_clean(unit, exclude=[field for field in NAME_FIELDS if not getattr(unit, field)])
    unit.save()
    audit_record(actor=acting_user, action=AuditAction.PARTNER_UNIT_UPDATED,
                 target=unit, details={"partner": unit.partner_id})
    return unit


@transaction.atomic(durable=True)
def partner_unit_delete(*, unit: PartnerUnit, acting_user) -> None:
    audit_record(actor=acting_user, action=AuditAction.PARTNER_UNIT_DELETED,
                 target=unit, details={"partner": unit.partner_id})
    unit.delete()


def _apply_contact(contact: PartnerContact, fields: dict, positions: dict[str, str] | None) -> None:
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown contact fields: {sorted(unknown)}")
    for field, value in fields.items():
        setattr(contact, field, value.strip() if isinstance(value, str) else value)
    set_translations(contact, "position", positions or {})
    _full_clean(contact)
    contact.save()
    if contact.is_primary:  # one primary contact per partner
        PartnerContact.objects.filter(partner=contact.partner_id, is_primary=True).exclude(pk=contact.pk).update(
            is_primary=False)


@transaction.atomic
def partner_contact_create(*, partner: Partner, acting_user, positions: dict[str, str] | None = None,
                           **fields) -> PartnerContact:
    """A contact person; `fields` are any of CONTACT_FIELDS, `positions` the position by language."""
    contact = PartnerContact(partner=partner)
    _apply_contact(contact, fields, positions)
    audit_record(actor=acting_user, action=AuditAction.PARTNER_CONTACT_CREATED, target=contact,
                 details={"partner": partner.pk})
    return contact


@transaction.atomic(durable=True)
def partner_contact_update(*, contact: PartnerContact, acting_user, positions: dict[str, str] | None = None,
                           **fields) -> PartnerContact:
    """Change the fields and the languages of the position given; the rest stays."""
    _apply_contact(contact, fields, positions)
    audit_record(actor=acting_user, action=AuditAction.PARTNER_CONTACT_UPDATED, target=contact,
                 details={"partner": contact.partner_id})
    return contact


@transaction.atomic(durable=True)
def partner_contact_delete(*, contact: PartnerContact, acting_user) -> None:
    audit_record(actor=acting_user, action=AuditAction.PARTNER_CONTACT_DELETED, target=contact,
                 details={"partner": contact.partner_id})
    contact.delete()


def _ranking_errors(*, system: str, year, rank, band: str) -> tuple[dict, str]:
    """The errors of a ranking entry's values, and the band in its published form ("501–600")."""
    errors = {}
    if system not in RankingEntry.System.values:
        errors["system"] = [gettext("Choose a ranking: %(systems)s.") % {
            "systems": ", ".join(RankingEntry.System.values)}]
    last_year = timezone.localdate().year + 1
    if not isinstance(year, int) or not FIRST_RANKING_YEAR <= year <= last_year:
        errors["year"] = [gettext("Give a year between %(first)d and %(last)d.") % {
            "first": FIRST_RANKING_YEAR, "last": last_year}]
    if rank is not None and (not isinstance(rank, int) or rank < 1):
        errors["rank"] = [gettext("A rank is a whole number from 1.")]
    band = (band or "").strip()
    if band:
        match = BAND.match(band)
        if match is None or (match[1] and int(match[1]) >= int(match[2])):
            errors["band"] = [gettext("Write a band as the ranking does, such as 501–600 or 1001+.")]
        else:
            band = f"{match[1]}–{match[2]}" if match[1] else f"{match[3]}+"
    if rank is None and not band and "rank" not in errors:
        errors["rank"] = [gettext("Give the rank or the band.")]
    if rank is not None and band:  # a ranking publishes one or the other; keeping both would drop one from view
        errors["band"] = [gettext("Give the rank or the band, not both.")]
    return errors, band


@transaction.atomic
def ranking_save(*, partner: Partner, system: str, year: int, rank: int | None = None, band: str = "",
                 acting_user, replace: bool = False) -> tuple[RankingEntry, bool]:
    """The partner's entry for this ranking and year; returns (entry, created).

    An entry the partner already has for that ranking and year is refused, with what it says, so a figure is never
    overwritten unseen; a table import (`replace`) replaces it and reports the row as updated.
    """
    errors, band = _ranking_errors(system=system, year=year, rank=rank, band=band)
    existing = RankingEntry.objects.select_for_update().filter(partner=partner, system=system, year=year).first()
    if existing is not None and not replace and not errors:
        errors["year"] = [gettext("The partner already has an entry of %(system)s for %(year)d (%(position)s); "
                                  "change that entry instead.") % {
            "system": system, "year": year, "position": existing.rank or existing.band}]
    if errors:
        raise invalid(errors)
    entry, created = RankingEntry.objects.update_or_create(
        partner=partner, system=system, year=year, defaults={"rank": rank, "band": band},
    )
    audit_record(actor=acting_user, action=AuditAction.RANKING_SAVED, target=entry, details={"partner": partner.pk})
    return entry, created


@transaction.atomic(durable=True)
def ranking_update(*, entry: RankingEntry, acting_user, **changes) -> RankingEntry:
    """Change the values given (any of RANKING_FIELDS); the others stay as they are, except that a rank given alone
    replaces the band and a band given alone the rank."""
    unknown = set(changes) - set(RANKING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown ranking fields: {sorted(unknown)}")
    values = {field: getattr(entry, field) for field in RANKING_FIELDS} | changes
    # A new rank takes the band's place and the other way round, unless both are given (and refused together).
    if "rank" in changes and "band" not in changes:
        values["band"] = ""
    if "band" in changes and "rank" not in changes:
        values["rank"] = None
    system, year, rank = values["system"], values["year"], values["rank"]
    errors, band = _ranking_errors(**values)
    clash = RankingEntry.objects.filter(partner=entry.partner_id, system=system, year=year).exclude(pk=entry.pk)
    if not errors and clash.exists():
        errors["year"] = [gettext("The partner already has an entry of this ranking for this year.")]
    if errors:
        raise invalid(errors)
    entry.system, entry.year, entry.rank, entry.band = system, year, rank, band
    entry.save()
    audit_record(actor=acting_user, action=AuditAction.RANKING_SAVED,
                 target=entry, details={"partner": entry.partner_id})
    return entry


@transaction.atomic(durable=True)
def ranking_delete(*, entry: RankingEntry, acting_user) -> None:
    audit_record(actor=acting_user, action=AuditAction.RANKING_DELETED,
                 target=entry, details={"partner": entry.partner_id})
    entry.delete()


def _partner_finder():
    """Find a partner by Erasmus code, PIC, ROR id or exact name (any language), as a table names it."""
    by_key: dict[str, set[int]] = {}
    partners = {}
    for partner in Partner.objects.all():
        partners[partner.pk] = partner
        keys = [partner.erasmus_code, partner.pic, partner.ror,
                *(getattr(partner, field) for field in NAME_FIELDS)]
        for key in keys:
            if key:
                by_key.setdefault(" ".join(key.split()).casefold(), set()).add(partner.pk)

    def find(text: str) -> Partner:
        if not text:
            raise RowInvalid("partner", gettext("Name the partner: Erasmus code, PIC, ROR id or exact name."))
        found = by_key.get(" ".join(normalise_ror(text).split()).casefold()) or by_key.get(
            " ".join(text.split()).casefold(), set())
        if not found:
            raise RowInvalid("partner", gettext("No partner has the code or name “%(text)s”.") % {"text": text})
        if len(found) > 1:
            raise RowInvalid("partner", gettext(
                "Several partners are called “%(text)s”; use the Erasmus code or PIC instead.") % {"text": text})
        return partners[next(iter(found))]

    return find


def _whole_number(row: Row, column: str) -> int | None:
    text = row[column]
    if not text:
        return None
    if not text.isdigit():
        raise RowInvalid(column, gettext("“%(text)s” is not a whole number.") % {"text": text})
    return int(text)


@transaction.atomic(durable=True)
def rankings_import(*, upload, acting_user) -> ImportResult:
    """A ranking table: columns partner, system, year, and rank or band; all rows or none.

    A rank column holding a band ("501-600") is read as the band. Importing a year
    again replaces that year's entries.
    """
    table = read_table(upload)
    table.require_columns({"partner", "system", "year"})
    if not {"rank", "band"} & set(table.columns):
        table.require_columns({"rank"})
    find = _partner_finder()

    def save_row(row: Row) -> str:
        partner = find(row["partner"])
        rank_text, band = row["rank"], row["band"]
        if rank_text and not rank_text.isdigit():
            rank_text, band = "", band or rank_text
        _entry, created = ranking_save(
            partner=partner, system=row["system"].upper(), year=_whole_number(row, "year"),
            rank=int(rank_text) if rank_text else None, band=band, acting_user=acting_user, replace=True,
        )
        return "created" if created else "updated"

    result = import_rows(table, save_row)
    audit_record(actor=acting_user, action=AuditAction.RANKINGS_IMPORTED, details=result.as_dict())
    return result


@transaction.atomic
def recognition_check_record(*, partner: Partner, status: str, checked_on: date, method: str, reference: str = "",
                             evidence=None, acting_user) -> RecognitionCheck:
    """Record one check against YÖK's list; the partner takes the status of its latest check."""
    errors = {}
    if status not in Recognition.values or status == Recognition.UNCHECKED:
        errors["status"] = [gettext("Choose what the check found.")]
    if checked_on and checked_on > timezone.localdate():
        errors["checked_on"] = [gettext("A check cannot be dated in the future.")]
    reference = (reference or "").strip()
    if method == RecognitionCheck.Method.YOK_LETTER and not reference:
        errors["reference"] = [gettext("Give the number of YÖK's letter.")]
    if evidence:
        try:
            content_type = check_upload(evidence, allowed=EVIDENCE_KINDS, max_mb=EVIDENCE_MAX_MB, field="evidence",
                                        refusal=gettext("Upload the evidence as a PDF, PNG or JPEG file; this file "
                                                        "is none of them."))
        except ServiceError as error:
            errors.update(error.fields)
    check = RecognitionCheck(partner=partner, status=status, checked_on=checked_on, method=method,
                             reference=reference, checked_by=acting_user if acting_user else None)
    _full_clean(check, errors, exclude=["evidence"])
    if evidence:
        check.evidence = stored_upload(evidence, content_type)
    check.save()
    latest = partner.recognition_checks.order_by("-checked_on", "-id").first()
    partner.recognition = latest.status
    partner.save(update_fields=["recognition", "updated_at"])
    audit_record(actor=acting_user, action=AuditAction.RECOGNITION_CHECKED, target=partner,
                 details={"status": status, "checked_on": checked_on.isoformat(), "method": method})
    return check


def _existing_partner(row: Row) -> Partner | None:
    """The partner a row is about, by its Erasmus code or else its PIC."""
    matches = {}
    for field in ("erasmus_code", "pic"):
        if row[field]:
            found = Partner.objects.filter(**{field: IDENTIFIER_FORMS[field](row[field])}).first()
            if found is not None:
                matches[field] = found
    if len({partner.pk for partner in matches.values()}) > 1:
        raise RowInvalid("pic", gettext("The Erasmus code and the PIC belong to two different partners."))
    return next(iter(matches.values()), None)


@transaction.atomic(durable=True)
def partners_import(*, upload, acting_user) -> ImportResult:
    """A partner table as partners_export writes it; all rows or none.

    A row whose Erasmus code or PIC is already known updates that partner; columns the
    table does not have stay as they are. Recognition is not imported: it is recorded
    by a check with its evidence.
    """
    table = read_table(upload)
    table.require_columns({"country"})
    if not set(NAME_FIELDS) & set(table.columns):
        table.require_columns({"name_en"})
    present = [column for column in TABLE_COLUMNS if column in table.columns]

    def save_row(row: Row) -> str:
        names = {field.removeprefix("name_"): row[field] for field in present if field in NAME_FIELDS}
        cities = {field.removeprefix("city_"): row[field] for field in present if field in CITY_COLUMNS}
        details = {field: row[field] for field in present if field in PARTNER_DETAILS}
        texts = {"city": cities} if cities else {}
        existing = _existing_partner(row)
        if existing is None:
            partner_create(names=names, texts=texts, acting_user=acting_user, **details)
            return "created"
        partner_update(partner=existing, names=names, texts=texts, acting_user=acting_user, **details)
        return "updated"

    result = import_rows(table, save_row)
    audit_record(actor=acting_user, action=AuditAction.PARTNERS_IMPORTED, details=result.as_dict())
    return result
