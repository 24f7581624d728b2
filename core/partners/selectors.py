"""Reads of the partner register: lists, one partner, what the agreement workflow and the info note need.

Every reader of the office sees every partner (partners are not tied to our academic
units); who may read at all is the permission table's VIEW_PARTNERS.
"""

from collections.abc import Collection

from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language, gettext, override

from core.partners.models import Partner, PartnerContact, PartnerUnit, RankingEntry, Recognition, RecognitionCheck
from core.partners.recognition import recognition_policy
from i18n.countries import country_name
from i18n.text import collation_key, matches, sort_by_language
from kopru.errors import NotFound
from kopru.lists import Ordering, reader_languages, translated, translated_value
from kopru.spreadsheets import write_table
from kopru.translated import LANGUAGES, NAME_FIELDS

IDENTIFIER_FIELDS = ("erasmus_code", "pic", "oid", "schac", "ror")
CITY_COLUMNS = tuple(f"city_{code}" for code in LANGUAGES)
# Statuses that keep an agreement from passing the recognition step, and lists flag.
NEEDS_ATTENTION = (Recognition.UNCHECKED, Recognition.NOT_RECOGNISED, Recognition.ASKED_YOK)


def partners_for_user(user) -> QuerySet[Partner]:
    return Partner.objects.all()


def _by_id(queryset: QuerySet, object_id):
    found = queryset.filter(pk=object_id).first() if str(object_id).isdigit() else None
    if found is None:
        raise NotFound()
    return found


def partner_get_for_user(user, partner_id) -> Partner:
    """One partner the user may see; missing and out of reach both answer 404."""
    return _by_id(partners_for_user(user), partner_id)


def partner_detail_for_user(user, partner_id) -> Partner:
    """One partner with its units, contacts, rankings and checks, in a fixed number of queries."""
    partners = partners_for_user(user).prefetch_related(
        "units", "contacts", "rankings",
        Prefetch("recognition_checks", RecognitionCheck.objects.select_related("checked_by")),
    )
    return _by_id(partners, partner_id)


def partner_unit_get(partner: Partner, unit_id) -> PartnerUnit:
    return _by_id(PartnerUnit.objects.filter(partner=partner).select_related("partner"), unit_id)


def partner_contact_get(partner: Partner, contact_id) -> PartnerContact:
    return _by_id(PartnerContact.objects.filter(partner=partner), contact_id)


def ranking_get(partner: Partner, entry_id) -> RankingEntry:
    return _by_id(RankingEntry.objects.filter(partner=partner), entry_id)


def recognition_check_get(partner: Partner, check_id) -> RecognitionCheck:
    return _by_id(RecognitionCheck.objects.filter(partner=partner), check_id)


# "name" sorts in the reader's alphabet, in Python (PostgreSQL here has no ICU collations); the rest in the database,
# the city as the reader sees it (their language, then the fallbacks).
PARTNER_ORDERING = Ordering(keys={
    "name": (), "country": ("country",), "city": (translated("city"),), "erasmus_code": ("erasmus_code",),
    "recognition": ("recognition",),
}, default="name")
# What a search reads besides the names: the city in every language too ("Vienna" finds "Viyana").
OTHER_SEARCHED_FIELDS = ("short_name", *CITY_COLUMNS, "erasmus_code")


def partner_ids(user, *, query: str = "", country: str = "", recognition: str = "", ordering: str = "",
                language: str | None = None) -> list[int]:
    """The ids of the partners matching a search, sorted as asked (by name in the reader's language unless told
    otherwise); one query of the columns the search and the sort read. partner_rows reads a page of them.

    The search matches every word against the names and cities in all four languages, the
    short name and the Erasmus code, across scripts ("Osh" finds "Ош"). It runs in
    Python over the office's partners (hundreds, not millions), like the sorting by name.
    """
    partners = partners_for_user(user)
    if country:
        partners = partners.filter(country=country.upper())
    if recognition == "attention":
        partners = partners.filter(recognition__in=NEEDS_ATTENTION)
    elif recognition:
        partners = partners.filter(recognition=recognition)
    key = PARTNER_ORDERING.key(ordering)
    by_name, searching = key.removeprefix("-") == "name", bool(query.strip())
    if not by_name:
        partners = PARTNER_ORDERING.apply(partners, key)
    # Tuples of the columns the search and the sort read, nothing more: this reads every partner of the office.
    columns = ("id", *(NAME_FIELDS if by_name or searching else ()), *(OTHER_SEARCHED_FIELDS if searching else ()))
    found = partners.values_list(*columns)
    if searching:
        found = [row for row in found if matches(query, " ".join(value or "" for value in row[1:]))]
    if by_name:
        language = language or get_language()
        with override(language):
            name_at = [columns.index(f"name_{code}") for code in reader_languages()]
        found = sorted(found, key=lambda row: collation_key(next((row[at] for at in name_at if row[at]), ""), language),
                       reverse=key.startswith("-"))
    return [row[0] for row in found]


def partner_list(user, *, selected: Collection[int] = (), **filters) -> list[Partner]:
    """The partners partner_ids finds, in its order, as model instances (for the exported table); only those among
    `selected` when some are given (the rows ticked in the list)."""
    ids = partner_ids(user, **filters)
    if selected:
        chosen = set(selected)
        ids = [pk for pk in ids if pk in chosen]
    found = partners_for_user(user).in_bulk(ids)
    return [found[pk] for pk in ids]


ROW_FIELDS = ("id", *NAME_FIELDS, "short_name", "country", *CITY_COLUMNS, "website", *IDENTIFIER_FIELDS,
              "recognition")


def partner_rows(ids: list[int]) -> list[dict]:
    """The partners of one page of partner_ids as plain dicts, in its order; one query whatever the page's size."""
    language = get_language()
    name, city, labels = translated_value(Partner, "name"), translated_value(Partner, "city"), dict(Recognition.choices)
    found = {row["id"]: row for row in Partner.objects.filter(pk__in=ids).values(*ROW_FIELDS)}
    return [{
        "id": row["id"], "name": name(row), "names": {field.removeprefix("name_"): row[field] for field in NAME_FIELDS},
        "short_name": row["short_name"], "country": row["country"],
        "country_name": country_name(row["country"], language), "city": city(row),
        "cities": {field.removeprefix("city_"): row[field] for field in CITY_COLUMNS}, "website": row["website"],
        **{field: row[field] for field in IDENTIFIER_FIELDS}, "recognition": row["recognition"],
        "recognition_label": labels.get(row["recognition"], row["recognition"]),
        "recognition_needs_attention": row["recognition"] in NEEDS_ATTENTION,
    } for row in (found[pk] for pk in ids)]


# The columns partners_import reads, in its order, then the recognition it does not import.
TABLE_COLUMNS = (*NAME_FIELDS, "short_name", "country", *CITY_COLUMNS, "website", *IDENTIFIER_FIELDS, "notes")


def partner_table(partners, file_format: str) -> bytes:
    """The partners as a CSV or XLSX table that partners_import reads back."""
    columns = [(column, column) for column in (*TABLE_COLUMNS, "recognition")]
    rows = ({column: getattr(partner, column) or "" for column, _heading in columns} for partner in partners)
    return write_table(columns, rows, file_format)


def partner_recognition_blocks(partner: Partner) -> str | None:
    """Why an agreement with this partner cannot pass the recognition step, or None when it may (always, where the
    university's country asks for no recognition)."""
    policy = recognition_policy()
    if partner.recognition == Recognition.RECOGNISED or policy is None:
        return None
    reasons = {
        Recognition.UNCHECKED: gettext("%(partner)s has not been checked against the list of institutions "
                                       "%(authority)s recognises yet."),
        Recognition.NOT_RECOGNISED: gettext("%(authority)s does not recognise %(partner)s."),
        Recognition.ASKED_YOK: gettext("%(authority)s has been asked about %(partner)s; its answer is not "
                                       "recorded yet."),
    }
    return reasons[partner.recognition] % {"partner": partner.name, "authority": policy.authority}


def _latest_rankings(partner: Partner) -> list[dict]:
    latest: dict[str, RankingEntry] = {}
    for entry in partner.rankings.all():
        if entry.system not in latest or entry.year > latest[entry.system].year:
            latest[entry.system] = entry
    return [
        {"system": entry.system, "system_name": str(entry.get_system_display()), "year": entry.year,
         "rank": entry.rank, "band": entry.band, "position": str(entry.rank) if entry.rank else entry.band}
        for system, entry in sorted(latest.items())
    ]


def partner_info_note_context(partner: Partner, language: str) -> dict:
    """Everything the info note of seed 000 7.4 says about a partner, as plain values in `language`."""
    with override(language):
        partner = Partner.objects.prefetch_related(
            "units", "rankings", "recognition_checks", Prefetch("agreements", to_attr="agreement_list"),
        ).get(pk=partner.pk)
        last_check = next(iter(partner.recognition_checks.all()), None)
        return {
            "language": language,
            "name": partner.name,
            "names": {field.removeprefix("name_"): getattr(partner, field) or "" for field in NAME_FIELDS},
            "short_name": partner.short_name,
            "country": partner.country,
            "country_name": country_name(partner.country, language),
            "city": partner.city or "",
            "website": partner.website,
            "identifiers": {field: getattr(partner, field) for field in IDENTIFIER_FIELDS},
            "units": sort_by_language([unit.name for unit in partner.units.all()], language=language),
            "rankings": _latest_rankings(partner),
            "recognition": {
                "status": partner.recognition,
                "label": str(partner.get_recognition_display()),
                "blocks": partner_recognition_blocks(partner),
                "last_check": None if last_check is None else {
                    "checked_on": last_check.checked_on,
                    "status_label": str(last_check.get_status_display()),
                    "method": last_check.method,
                    "method_label": str(last_check.get_method_display()),
                    "reference": last_check.reference,
                },
            },
            "agreements": [
                {"title": agreement.title, "kind": agreement.kind, "kind_label": str(agreement.get_kind_display()),
                 "status": agreement.status, "status_label": str(agreement.get_status_display()),
                 "starts_on": agreement.starts_on, "ends_on": agreement.ends_on}
                for agreement in partner.agreement_list
            ],
        }
