"""The public partner list of seed 000 7.9: the partners of in-force agreements the office chose to show.

Anyone may read it, so it is built from an explicit short list of public facts
(names, country, website, Erasmus code, programmes) and never from a partner's
whole record: notes, contacts and the other identifiers stay inside the office.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from core.agreements.models import Agreement
from core.office.selectors import scope_to_units
from core.partners.models import Partner
from core.partners.selectors import CITY_COLUMNS
from i18n.countries import country_name
from i18n.text import matches, sort_by_language
from kopru.errors import NotFound
from kopru.translated import NAME_FIELDS

# Agreements the office may choose to show: in force now, or on their way there.
PUBLISHABLE_STATUSES = (Agreement.Status.IN_FORCE, Agreement.Status.IN_APPROVAL)


@dataclass(frozen=True)
class PublicPartner:
    name: str
    country: str
    country_name: str
    website: str
    erasmus_code: str
    programmes: tuple[tuple[str, str], ...]  # (agreement type, its label in the reader's language)


def publicly_listed_agreements(today: date | None = None) -> QuerySet[Agreement]:
    """Agreements in force today that the office has published; nothing else is ever shown."""
    today = today or timezone.localdate()
    return Agreement.objects.filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=today),
        Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        status=Agreement.Status.IN_FORCE, published=True,
    )


def not_listed_because(agreement: Agreement, today: date | None = None) -> list[str]:
    """Why the public list does not show the agreement today, in the reader's language: the same conditions as
    publicly_listed_agreements, one sentence each; empty when it is shown. Partners are read from
    `agreement.partners.all()` (prefetch them for a list)."""
    today = today or timezone.localdate()
    reasons = []
    if not agreement.published:
        reasons.append(gettext("Not chosen for the public list."))
    if agreement.status != Agreement.Status.IN_FORCE:
        reasons.append(gettext("Not in force yet; it appears once its approval is complete."))
    if agreement.starts_on and agreement.starts_on > today:
        reasons.append(gettext("Valid only from %(date)s; it appears on that day.")
                       % {"date": date_format(agreement.starts_on, "SHORT_DATE_FORMAT")})
    if agreement.ends_on and agreement.ends_on < today:
        reasons.append(gettext("Expired on %(date)s.") % {"date": date_format(agreement.ends_on, "SHORT_DATE_FORMAT")})
    if not agreement.partners.all():
        reasons.append(gettext("It has no partner to show."))
    return reasons


def _search_text(partner: Partner, country: str) -> str:
    """The names and the city in every language ("Vienna" finds "Viyana"), the short name and the country."""
    texts = [getattr(partner, field) or "" for field in (*NAME_FIELDS, *CITY_COLUMNS)]
    return " ".join([*texts, partner.short_name, country])


def public_partners(*, country: str = "", programme: str = "", query: str = "") -> list[PublicPartner]:
    """The public list in the active language, filtered and sorted as that language sorts names.

    Two queries whatever the length; the cross-script text search runs in Python
    (Ош finds Osh), on a list no longer than the office's partners.
    """
    language = get_language()
    listed = publicly_listed_agreements()
    partners = Partner.objects.filter(agreements__in=listed.filter(kind=programme) if programme else listed)
    if country:
        partners = partners.filter(country=country)
    partners = partners.distinct().prefetch_related(
        Prefetch("agreements", queryset=listed.only("pk", "kind").order_by(), to_attr="listed_agreements"))
    labels = dict(Agreement.Kind.choices)
    rows = []
    for partner in partners:
        name_of_country = country_name(partner.country, language)
        if not matches(query, _search_text(partner, name_of_country)):
            continue
        kinds = sorted({agreement.kind for agreement in partner.listed_agreements}, key=Agreement.Kind.values.index)
        rows.append(PublicPartner(
            name=str(partner.name), country=partner.country, country_name=name_of_country, website=partner.website,
            erasmus_code=partner.erasmus_code, programmes=tuple((kind, str(labels[kind])) for kind in kinds),
        ))
    return sort_by_language(rows, key=lambda row: row.name, language=language)


def public_list_choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The countries and programmes the public list has, for its filters: (code, label) in the active language."""
    language = get_language()
    listed = publicly_listed_agreements()
    codes = Partner.objects.filter(agreements__in=listed).values_list("country", flat=True).distinct()
    countries = sort_by_language([(code, country_name(code, language)) for code in codes],
                                 key=lambda choice: choice[1], language=language)
    kinds = set(listed.values_list("kind", flat=True).distinct())
    programmes = [(kind, str(label)) for kind, label in Agreement.Kind.choices if kind in kinds]
    return countries, programmes


def publishable_agreements(user) -> QuerySet[Agreement]:
    """What the office page lists to choose from: in force first, then those in approval."""
    agreements = Agreement.objects.filter(status__in=PUBLISHABLE_STATUSES).prefetch_related("partners")
    return scope_to_units(agreements, user, field="units").distinct().order_by("-status", "ends_on", "pk")


def publishable_agreement_get(user, agreement_id) -> Agreement:
    """One agreement the user may publish; missing, out of reach and not publishable all answer 404."""
    agreement = (
        publishable_agreements(user).filter(pk=agreement_id).first() if str(agreement_id).isdigit() else None
    )
    if agreement is None:
        raise NotFound()
    return agreement
