"""The kinds of generated documents: each one's layout in a language and its sample context.

The sample context has every key a real one has; uploaded templates are checked against
it and previewed with it, so a template that renders here renders for real documents too.
"""

from collections.abc import Callable
from dataclasses import dataclass

from core.documents import mobility_kinds as mobility
from core.documents.context import document_frame
from core.documents.layout import Block, Fields, Items, Paragraph, Table, letterhead, signature
from core.documents.models import DocumentKind
from core.documents.report_kind import report_layout, report_sample
from core.documents.statute_kind import statute_layout, statute_sample
from core.documents.texts import TEXTS


def info_note_layout(language: str) -> list[Block]:
    texts = TEXTS[language]
    return [
        *letterhead(language, numbered=False),
        Paragraph(texts["info_note_title"], align="center", bold=True, space_before=True),
        Paragraph(texts["general"], bold=True, space_before=True),
        Fields((
            (texts["name"], "{{ partner.name }}"),
            (texts["country"], "{{ partner.country }}"),
            (texts["city"], "{{ partner.city }}"),
            (texts["website"], "{{ partner.website }}"),
            (texts["erasmus_code"], "{{ partner.erasmus_code }}"),
            ("PIC", "{{ partner.pic }}"),
            ("OID", "{{ partner.oid }}"),
            ("SCHAC", "{{ partner.schac }}"),
            ("ROR", "{{ partner.ror }}"),
        )),
        Paragraph(texts["units"], bold=True, space_before=True),
        Items("partner.units", "• {{ item }}", empty=texts["no_units"]),
        Paragraph(texts["rankings"], bold=True, space_before=True),
        Table("partner.rankings", (texts["ranking"], texts["year"], texts["rank"]),
              ("{{ row.system }}", "{{ row.year }}", "{{ row.rank }}"), empty=texts["no_rankings"]),
        Paragraph(texts["recognition"], bold=True, space_before=True),
        Fields((
            (texts["status"], "{{ partner.recognition.status }}"),
            (texts["checked_on"], "{{ partner.recognition.checked_on }}"),
            (texts["method"], "{{ partner.recognition.method }}"),
            (texts["evidence"], "{{ partner.recognition.reference }}"),
        )),
        Paragraph(texts["agreements"], bold=True, space_before=True),
        Table("partner.agreements", (texts["agreement"], texts["type"], texts["status"], texts["validity"]),
              ("{{ row.title }}", "{{ row.kind }}", "{{ row.status }}", "{{ row.validity }}"),
              empty=texts["no_agreements"]),
        *signature(above=texts["prepared_by"]),
    ]


def cover_letter_layout(language: str) -> list[Block]:
    texts = TEXTS[language]
    return [
        *letterhead(language, numbered=True),
        Paragraph("{{ addressee.name }}", align="center", bold=True, space_before=True),
        Paragraph(texts["reference"], when="document.reference", space_before=True),
        Paragraph(texts["letter_body"], align="justify", space_before=True),
        Paragraph(texts["ask_senate"], when="addressee.kind == 'senate'", align="justify"),
        Paragraph(texts["ask_partner"], when="addressee.kind == 'partner'", align="justify"),
        Paragraph(texts["ask_generic"], when="addressee.kind == 'generic'", align="justify"),
        Paragraph(texts["closing"], align="justify"),
        *signature(),
        Paragraph(texts["attachments"], when="attachments", space_before=True),
        Items("attachments", "{{ loop.index }}. {{ item }}"),
        Paragraph(texts["distribution"], space_before=True),
        Items("distribution"),
    ]


def _common_sample(language: str, subject: str) -> dict:
    return document_frame(language, subject=subject, number="KOPRU-2026-1",
                          signatory_name=TEXTS[language]["sample_person"])


def info_note_sample(language: str) -> dict:
    texts = TEXTS[language]
    partner = texts["sample_partner"]
    return {
        **_common_sample(language, texts["info_note_subject"].format(partner=partner)),
        "partner": {
            "name": partner, "short_name": "", "country": "", "city": "", "website": "https://example.org",
            "erasmus_code": "", "pic": "", "oid": "", "schac": "example.org", "ror": "",
            "units": [partner],
            "rankings": [{"system": "QS", "year": "2026", "rank": "501–600"}],
            "recognition": {"status": "", "checked_on": "", "method": "", "reference": ""},
            "agreements": [{"title": partner, "kind": "", "status": "", "validity": ""}],
        },
    }


def cover_letter_sample(language: str) -> dict:
    texts = TEXTS[language]
    partner = texts["sample_partner"]
    return {
        **_common_sample(language, texts["letter_subject"].format(title=partner)),
        "addressee": {"kind": "senate", "name": texts["to_senate"]},
        "agreement": {"title": partner, "kind": "Erasmus+", "partners": partner, "reference": ""},
        "step": {"name": ""},
        "attachments": [partner],
        "distribution": [texts["for_action"].format(addressee=texts["to_senate"])],
    }


@dataclass(frozen=True)
class Kind:
    layout: Callable[[str], list[Block]]
    sample: Callable[[str], dict]


KINDS: dict[str, Kind] = {
    DocumentKind.INFO_NOTE: Kind(layout=info_note_layout, sample=info_note_sample),
    DocumentKind.COVER_LETTER: Kind(layout=cover_letter_layout, sample=cover_letter_sample),
    DocumentKind.INVITATION_LETTER: Kind(layout=mobility.invitation_letter_layout,
                                         sample=mobility.invitation_letter_sample),
    DocumentKind.ATTENDANCE_CERTIFICATE: Kind(layout=mobility.attendance_certificate_layout,
                                              sample=mobility.attendance_certificate_sample),
    DocumentKind.RESIDENCE_PERMIT_LETTER: Kind(layout=mobility.residence_permit_letter_layout,
                                               sample=mobility.residence_permit_letter_sample),
    DocumentKind.STATUTE: Kind(layout=statute_layout, sample=statute_sample),
    DocumentKind.REPORT: Kind(layout=report_layout, sample=report_sample),
}
