"""The information note about a prospective partner (seed 000 7.4): rankings, units, recognition, our agreements.

The partners app registers it with the document engine (core.documents.kinds) from its AppConfig.ready().
"""

from pathlib import Path

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.documents.context import current_university, document_frame, format_date, sample_frame, user_signatory
from core.documents.kinds import register_kind
from core.documents.layout import Block, Fields, Items, Paragraph, Table, letterhead, signature
from core.documents.models import DocumentKind, GeneratedDocument
from core.documents.services import check_language, document_generate
from core.documents.subjects import register_subject
from core.documents.texts import TEXTS
from core.office.permissions import Action, can
from core.partners.models import Partner
from core.partners.recognition import recognition_policy
from core.partners.selectors import partner_info_note_context
from core.partners.tasks import generate_info_note
from kopru.celery import enqueue_on_commit

DEFAULTS = Path(__file__).resolve().parent / "document_defaults"


def register_documents() -> None:
    """The information note, and partners as what documents are about, with the page of their documents."""
    register_kind(DocumentKind.INFO_NOTE, layout=info_note_layout, sample=info_note_sample, defaults=DEFAULTS)
    register_subject(Partner, name="partner", label=_("Partner"), filter_help="Only the documents about this partner.",
                     visible=lambda user: Partner.objects.all() if can(user, Action.VIEW_PARTNERS)
                     else Partner.objects.none(),
                     page=lambda pk: reverse("documents:partner_documents", args=[pk]))


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
        Paragraph(texts["agreements"], bold=True, space_before=True),
        Table("partner.agreements", (texts["agreement"], texts["type"], texts["status"], texts["validity"]),
              ("{{ row.title }}", "{{ row.kind }}", "{{ row.status }}", "{{ row.validity }}"),
              empty=texts["no_agreements"]),
        # Last, so that a university whose country asks for no recognition check numbers its sections 1-4.
        Paragraph(texts["recognition"], bold=True, space_before=True, when="partner.recognition"),
        Fields((
            (texts["status"], "{{ partner.recognition.status }}"),
            (texts["checked_on"], "{{ partner.recognition.checked_on }}"),
            (texts["method"], "{{ partner.recognition.method }}"),
            (texts["evidence"], "{{ partner.recognition.reference }}"),
        ), when="partner.recognition"),
        *signature(above=texts["prepared_by"]),
    ]


def info_note_sample(language: str) -> dict:
    texts = TEXTS[language]
    partner = texts["sample_partner"]
    return {
        **sample_frame(language, subject=texts["info_note_subject"].format(partner=partner)),
        "partner": {
            "name": partner, "short_name": "", "country": "", "city": "", "website": "https://example.org",
            "erasmus_code": "", "pic": "", "oid": "", "schac": "example.org", "ror": "",
            "units": [partner],
            "rankings": [{"system": "QS", "year": "2026", "rank": "501–600"}],
            "recognition": {"status": "", "checked_on": "", "method": "", "reference": ""},
            "agreements": [{"title": partner, "kind": "", "status": "", "validity": ""}],
        },
    }


def info_note_generate(
    *, partner: Partner, language: str | None = None, acting_user, asynchronously: bool = False,
) -> GeneratedDocument | None:
    """The note in `language`, by default the university's own; queued for a worker when asked (returns None)."""
    language = language or current_university().default_language
    check_language(language)
    if asynchronously:
        enqueue_on_commit(generate_info_note, partner.pk, language, getattr(acting_user, "pk", None))
        return None
    partner_context = _note_partner(partner, language)
    title = TEXTS[language]["info_note_subject"].format(partner=partner_context["name"])
    context = {
        **document_frame(language, subject=title, signatory=user_signatory(acting_user, language)),
        "partner": partner_context,
    }
    return document_generate(kind=DocumentKind.INFO_NOTE, context=context, language=language,
                             acting_user=acting_user, subject=partner)


def _note_partner(partner: Partner, language: str) -> dict:
    """The partner as the note's templates name it: text only, dates as letters write them.

    The facts come from the partner register's own selector; this keeps the placeholders
    a template uses stable whatever that selector adds.
    """
    note = partner_info_note_context(partner, language)
    check = note["recognition"]["last_check"] or {}
    return {
        "name": str(note["name"]),
        "short_name": note["short_name"],
        "country": note["country_name"],
        "city": note["city"],
        "website": note["website"],
        **{field: value or "" for field, value in note["identifiers"].items()},
        "units": [str(unit) for unit in note["units"]],
        "rankings": [{"system": entry["system"], "year": str(entry["year"]), "rank": entry["position"]}
                     for entry in note["rankings"]],
        # None where the university's country asks for no recognition: the note leaves the section out.
        "recognition": {
            "status": note["recognition"]["label"],
            "checked_on": format_date(check.get("checked_on")),
            "method": check.get("method_label", ""),
            "reference": check.get("reference", ""),
        } if recognition_policy() else None,
        "agreements": [
            {"title": str(agreement["title"]), "kind": agreement["kind_label"], "status": agreement["status_label"],
             "validity": " – ".join(filter(None, (format_date(agreement["starts_on"]),
                                                  format_date(agreement["ends_on"]))))}
            for agreement in note["agreements"]
        ],
    }
