"""What every document's context holds besides its own subject: the letterhead, the date, the signatory."""

from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.translation import override

from core.documents.letterhead import letterhead_get
from core.documents.texts import STATE_LINES, TEXTS
from core.office.permissions import membership_of
from i18n.text import upper
from tenants.models import University


@dataclass(frozen=True)
class Signatory:
    """Who signs: a person with a title, or the office itself; `on_behalf` names the authority signed for."""

    name: str
    title: str = ""
    on_behalf: str = ""


def current_university() -> University:
    """The university whose schema is in use (a request's tenant, or the one a task or test selected)."""
    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, University):
        return tenant
    return University.objects.get(schema_name=connection.schema_name)


def format_date(value) -> str:
    """Dates as official letters write them in all four languages: 23.11.2026."""
    return value.strftime("%d.%m.%Y") if value else ""


# Month names as each country's official documents write a date in words: Kyrgyz in the possessive ("2-марты"),
# Russian in the genitive ("2 марта").
MONTHS = {
    "ky": ("январы", "февралы", "марты", "апрели", "майы", "июну", "июлу", "августу", "сентябры", "октябры",
           "ноябры", "декабры"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "tr": ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
           "Aralık"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
DATE_IN_WORDS = {
    "ky": "{year}-жылдын {day}-{month}",
    "ru": "{day} {month} {year} г.",
    "tr": "{day} {month} {year}",
    "en": "{day} {month} {year}",
}


def format_date_in_words(value, language: str) -> str:
    """A date in words, as an approval head writes it: 2026-жылдын 2-марты, 2 марта 2026 г., 2 Mart 2026,
    2 March 2026."""
    if not value:
        return ""
    return DATE_IN_WORDS[language].format(year=value.year, day=value.day, month=MONTHS[language][value.month - 1])


def signatory_name(name: str, language: str) -> str:
    """A signatory's name as Turkish official letters write it, the surname in capitals ("Ayşe YILMAZ");
    elsewhere as given."""
    *given, surname = name.split() or [""]
    if language != "tr" or not given:
        return name.strip()
    return " ".join([*given, upper(surname, language)])


def user_signatory(user, language: str) -> Signatory:
    """The person acting, by their full name and their role in the office; the office itself when the person has
    no full name (a letter is never signed with a login name)."""
    full_name = user.get_full_name().strip() if user is not None else ""
    if not full_name:
        return office_signatory(language)
    membership = membership_of(user)
    with override(language):
        title = str(membership.get_role_display()) if membership is not None else ""
    return Signatory(name=signatory_name(full_name, language), title=title)


def office_signatory(language: str) -> Signatory:
    return Signatory(name=_unit_name(language))


def _unit_name(language: str) -> str:
    with override(language):
        return str(letterhead_get().unit_name or TEXTS[language]["office"])


def document_frame(language: str, *, subject: str, number: str = "", reference: str = "",
                   signatory: Signatory | None = None) -> dict:
    """The frame of a document of the university in use: letterhead, number, date, subject and signature."""
    university = current_university()
    name = university_name(language)
    return {
        **frame(language, university_name=name, city=university.city, subject=subject, number=number,
                reference=reference, signatory=signatory or office_signatory(language)),
        "letterhead": letterhead_frame(language, university=university, university_name=name),
    }


def letterhead_frame(language: str, *, university: University, university_name: str) -> dict:
    """The head and foot of a letter in `language`: the state line, the institution and the unit in capitals,
    the office's address and contacts, and whom to ask."""
    head, texts = letterhead_get(), TEXTS[language]
    with override(language):
        unit, address, contact_title = str(head.unit_name or texts["office"]), head.address, head.contact_title
    # A name missing in the letter's language is the one the university goes by (modeltranslation's fallback),
    # put in capitals by the rules of the university's own language: "KASTAMONU ÜNİVERSİTESİ", not "ÜNIVERSITESI".
    name_language = language if getattr(university, f"name_{language}", None) else university.default_language
    contacts = [address, *(f"{texts[label]}: {value}" for label, value in
                           (("phone", head.phone), ("email", head.email), ("kep", head.kep_address)) if value)]
    contact = ", ".join(part for part in (head.contact_name, contact_title) if part)
    return {
        "state": STATE_LINES.get((university.country, language), ""),
        "institution": upper(university_name, name_language),
        "unit": upper(unit, language),
        "contacts": " · ".join(part for part in contacts if part),
        "ask": texts["ask"].format(contact=contact) if contact else "",
    }


def sample_signatory(language: str) -> Signatory:
    texts = TEXTS[language]
    return Signatory(name=signatory_name(texts["sample_person"], language), title=texts["office"])


def sample_frame(language: str, *, subject: str) -> dict:
    """The frame of a template's sample document: numbered and signed as a real letter is."""
    return document_frame(language, subject=subject, number="E-12345678-010.06.02-1",
                          signatory=sample_signatory(language))


def university_name(language: str) -> str:
    """The name of the university in use as a document in `language` writes it."""
    with override(language):
        return str(current_university().name)


def frame(language: str, *, university_name: str, city: str = "", subject: str, number: str = "",
          reference: str = "", signatory: Signatory | None = None) -> dict:
    """The frame from plain values, for when no university's schema is at hand (benchmarks)."""
    signatory = signatory or Signatory(name=TEXTS[language]["office"])
    return {
        "university": {"name": university_name, "city": city},
        "letterhead": {"state": "", "institution": upper(university_name, language),
                       "unit": upper(TEXTS[language]["office"], language), "contacts": "", "ask": ""},
        "document": {
            "number": number, "date": format_date(timezone.localdate()), "subject": subject,
            "reference": reference,
        },
        "signatory": {
            "name": signatory.name, "title": signatory.title,
            "on_behalf": TEXTS[language]["on_behalf"].format(authority=signatory.on_behalf)
            if signatory.on_behalf else "",
        },
    }
