"""Letters about a visiting student or staff member (seed 000 7.13–7.15), from plain data.

The invitation letter, the certificate of attendance and the cover letter to the provincial
migration office take the person and the stay as dataclasses, so whatever keeps mobility
records can hand them over; the same context builder serves the samples and the real letters.
"""

from dataclasses import dataclass, field
from datetime import date

from core.documents.context import Signatory, document_frame, format_date, sample_signatory
from core.documents.layout import Block, Fields, Items, Paragraph, footer, letterhead, signature
from core.documents.texts import TEXTS
from i18n.countries import country_name

STUDENT, STAFF = "student", "staff"


@dataclass(frozen=True)
class MobilityPerson:
    name: str
    passport_number: str
    nationality: str  # ISO 3166 code: "DE"
    home_institution: str
    role: str = STUDENT  # STUDENT or STAFF
    date_of_birth: date | None = None


@dataclass(frozen=True)
class MobilityStay:
    programme: str  # "Erasmus+ KA131", "Mevlana"
    starts_on: date
    ends_on: date
    host_unit: str  # the faculty or department that receives the person
    # What the migration office receives with the letter (seed 000 7.14).
    enclosures: tuple[str, ...] = field(default_factory=tuple)


def mobility_context(person: MobilityPerson, stay: MobilityStay, language: str) -> dict:
    """The person and the stay as the letters' templates name them, in the letter's language."""
    texts = TEXTS[language]
    return {
        "person": {
            "name": person.name, "passport_number": person.passport_number,
            "nationality": country_name(person.nationality, language),
            "date_of_birth": format_date(person.date_of_birth), "home_institution": person.home_institution,
            "role": texts[f"role_{person.role}"],
        },
        "mobility": {
            "programme": stay.programme, "starts_on": format_date(stay.starts_on),
            "ends_on": format_date(stay.ends_on), "host_unit": stay.host_unit,
            "activity": texts[f"activity_{person.role}"],
        },
    }


def _person_fields(language: str) -> Fields:
    texts = TEXTS[language]
    return Fields((
        (texts["person_name"], "{{ person.name }}"),
        (texts["passport"], "{{ person.passport_number }}"),
        (texts["nationality"], "{{ person.nationality }}"),
        (texts["birth_date"], "{{ person.date_of_birth }}"),
        (texts["home_institution"], "{{ person.home_institution }}"),
        (texts["programme"], "{{ mobility.programme }}"),
        (texts["period"], "{{ mobility.starts_on }} – {{ mobility.ends_on }}"),
        (texts["host_unit"], "{{ mobility.host_unit }}"),
    ))


def _distribution(language: str) -> list[Block]:
    return [Paragraph(TEXTS[language]["distribution"], space_before=True), Items("distribution")]


def invitation_letter_layout(language: str) -> list[Block]:
    texts = TEXTS[language]
    return [
        *letterhead(language, numbered=True),
        Paragraph(texts["invitation_title"], align="center", bold=True, space_before=True),
        Paragraph(texts["dear"], space_before=True),
        Paragraph(texts["invitation_body"], align="justify", space_before=True),
        _person_fields(language),
        Paragraph(texts["invitation_support"], align="justify", space_before=True),
        Paragraph(texts["regards"], space_before=True),
        *signature(),
        *_distribution(language),
        *footer(),
    ]


def attendance_certificate_layout(language: str) -> list[Block]:
    texts = TEXTS[language]
    return [
        *letterhead(language, numbered=True),
        Paragraph(texts["certificate_title"], align="center", bold=True, space_before=True),
        Paragraph(texts["to_whom"], align="center", bold=True, space_before=True),
        Paragraph(texts["certificate_body"], align="justify", space_before=True),
        _person_fields(language),
        Paragraph(texts["certificate_use"], align="justify", space_before=True),
        *signature(),
        *footer(),
    ]


def residence_permit_letter_layout(language: str) -> list[Block]:
    texts = TEXTS[language]
    return [
        *letterhead(language, numbered=True),
        Paragraph("{{ addressee.name }}", align="center", bold=True, space_before=True),
        Paragraph(texts["residence_body"], align="justify", space_before=True),
        _person_fields(language),
        Paragraph(texts["residence_request"], align="justify", space_before=True),
        *signature(),
        Paragraph(texts["attachments"], when="attachments", space_before=True),
        Items("attachments", "{{ loop.index }}. {{ item }}"),
        *_distribution(language),
        *footer(),
    ]


def invitation_letter_context(person: MobilityPerson, stay: MobilityStay, language: str, *, number: str,
                              signatory: Signatory | None = None) -> dict:
    texts = TEXTS[language]
    subject = texts["invitation_subject"].format(person=person.name)
    return {
        **document_frame(language, subject=subject, number=number, signatory=signatory),
        **mobility_context(person, stay, language),
        "distribution": [texts["for_action"].format(addressee=person.name),
                         texts["for_information"].format(office=texts["office"])],
    }


def attendance_certificate_context(person: MobilityPerson, stay: MobilityStay, language: str, *, number: str,
                                   signatory: Signatory | None = None) -> dict:
    subject = TEXTS[language]["certificate_subject"].format(person=person.name)
    return {
        **document_frame(language, subject=subject, number=number, signatory=signatory),
        **mobility_context(person, stay, language),
    }


def residence_permit_letter_context(person: MobilityPerson, stay: MobilityStay, language: str, *, number: str,
                                    city: str, signatory: Signatory | None = None) -> dict:
    texts = TEXTS[language]
    subject = texts["residence_subject"].format(person=person.name)
    addressee = texts["to_migration_office"].format(city=city) if city else texts["to_any_migration_office"]
    return {
        **document_frame(language, subject=subject, number=number, signatory=signatory),
        **mobility_context(person, stay, language),
        "addressee": {"name": addressee},
        "attachments": list(stay.enclosures),
        "distribution": [texts["for_action"].format(addressee=addressee),
                         texts["for_information"].format(office=texts["office"])],
    }


def sample_person(language: str) -> MobilityPerson:
    return MobilityPerson(name=TEXTS[language]["sample_person"], passport_number="C01X00T47", nationality="DE",
                          home_institution=TEXTS[language]["sample_partner"], date_of_birth=date(2004, 5, 17))


def sample_stay(language: str) -> MobilityStay:
    texts = TEXTS[language]
    return MobilityStay(programme=texts["sample_programme"], starts_on=date(2026, 9, 14),
                        ends_on=date(2027, 1, 29), host_unit=texts["sample_unit"],
                        enclosures=(texts["sample_document"],))


def invitation_letter_sample(language: str) -> dict:
    return invitation_letter_context(sample_person(language), sample_stay(language), language, number="KOPRU-2026-1",
                                     signatory=sample_signatory(language))


def attendance_certificate_sample(language: str) -> dict:
    return attendance_certificate_context(sample_person(language), sample_stay(language), language,
                                          number="KOPRU-2026-1", signatory=sample_signatory(language))


def residence_permit_letter_sample(language: str) -> dict:
    return residence_permit_letter_context(sample_person(language), sample_stay(language), language,
                                           number="KOPRU-2026-1", city=TEXTS[language]["sample_city"],
                                           signatory=sample_signatory(language))
