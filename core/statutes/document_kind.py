"""A statute or job description as a document under control, headed as the university's country heads one.

A Turkish university's document carries the quality system's document-control table at the head of every
page and a revision table (seed 002's header, seed 000's tables); a Kyrgyz university's статут, жобо or
нускама carries the ministry and the university in capitals and the approval block of the one who approved
it ("Бекитемин", seed 004), and no revision vocabulary.

`StatuteText` is the document in plain data, in one language: export.py reads it from a
revision, a benchmark or a preview builds it directly; `statute_context` turns it into what
the templates name. The statutes app registers the kind with the document engine from its
AppConfig.ready().
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from core.documents.context import current_university, format_date, format_date_in_words, frame, university_name
from core.documents.kinds import register_kind
from core.documents.layout import Block, Fields, Outline, PageHeader, Paragraph, Table
from core.documents.models import DocumentKind
from core.documents.subjects import register_subject
from core.documents.texts import STATE_LINES, TEXTS
from core.office.permissions import Action, can
from core.statutes.models import Statute
from core.statutes.tasks import publish_statutes_again
from i18n.text import upper
from kopru.celery import enqueue_on_commit

DEFAULTS = Path(__file__).resolve().parent / "document_defaults"
# How the head of the document is drawn: the document-control table ("kys") or the approval block ("approval").
# Turkish universities keep the quality system's table; the countries listed here head their documents with
# the approval block instead.
APPROVAL_COUNTRIES = frozenset({"KG"})
KYS = "statute.control == 'kys'"
APPROVAL = "statute.control == 'approval'"


def register_documents() -> None:
    """The statute kind, and statutes as what documents are about: everyone in the office reads statutes."""
    register_kind(DocumentKind.STATUTE, layout=statute_layout, sample=statute_sample, defaults=DEFAULTS,
                  on_template_change=_public_copies_follow)
    register_subject(Statute, name="statute", label=_("Statute"), filter_help="Only the exports of this statute.",
                     visible=lambda user: Statute.objects.all() if can(user, Action.VIEW_OFFICE)
                     else Statute.objects.none())


def _public_copies_follow() -> None:
    """The public copies of statutes are made from the statute template: a new one makes them anew."""
    enqueue_on_commit(publish_statutes_again)


@dataclass(frozen=True)
class ClauseLine:
    number: str
    text: str
    depth: int  # 0 at the left margin
    section: bool = False


@dataclass(frozen=True)
class RevisionLine:
    number: int
    revised_on: date | None
    description: str


@dataclass(frozen=True)
class Signer:
    name: str
    title: str = ""


@dataclass(frozen=True)
class JobDescription:
    position: str
    place_in_organisation: str
    superior: str
    deputy: str
    requirements: str


@dataclass(frozen=True)
class StatuteText:
    title: str
    document_number: str
    first_published_on: date | None
    revision_number: int
    revised_on: date | None
    clauses: list[ClauseLine]
    revisions: list[RevisionLine]
    prepared_by: Signer
    approved_by: Signer
    agreed_by: list[Signer] = field(default_factory=list)
    job: JobDescription | None = None
    in_force_from: date | None = None
    decision_number: str = ""
    decision_date: date | None = None


def revision_label(number: int) -> str:
    """Revisions are written with two digits, as the quality system numbers them: 00, 03."""
    return f"{number:02d}"


def document_control(country: str) -> str:
    """The head a university of `country` gives its statutes: "approval" or "kys"."""
    return "approval" if country in APPROVAL_COUNTRIES else "kys"


def statute_context(statute: StatuteText, language: str, *, university_name: str, country: str) -> dict:
    texts = TEXTS[language]
    signers = [(texts["prepared_by"], statute.prepared_by), (texts["approved_by"], statute.approved_by),
               *((texts["agreed_by"], signer) for signer in statute.agreed_by)]
    return {
        # The document number is the statute's own (below), not a letter number of the office.
        **frame(language, university_name=university_name, subject=statute.title),
        "statute": {
            "control": document_control(country),
            "title": statute.title,
            "number": statute.document_number or "—",
            "first_published": format_date(statute.first_published_on) or "—",
            "revision": revision_label(statute.revision_number),
            "revision_date": format_date(statute.revised_on) or "—",
            "job": vars(statute.job) if statute.job else None,
            # The approval block: the ministry's line where the country's documents have one, who approved and
            # when (the revision's date, else the day it came into force), and the day it came into force; the dates in
            # words, as the country's official documents write them under a signature.
            "approval": {
                "state": STATE_LINES.get((country, language), ""),
                "approver": statute.approved_by.name,
                "approver_title": statute.approved_by.title,
                "date": format_date_in_words(statute.revised_on or statute.in_force_from, language),
                "in_force_from": format_date_in_words(statute.in_force_from, language),
                "decision_number": statute.decision_number,
                "decision_date": format_date_in_words(statute.decision_date, language),
                "heading": upper(statute.title, language),
            },
        },
        "clauses": [vars(clause) for clause in statute.clauses],
        "revisions": [
            {"number": revision_label(line.number), "date": format_date(line.revised_on) or "—",
             "description": line.description}
            for line in statute.revisions
        ],
        "signatures": [{"role": role, "name": signer.name, "title": signer.title} for role, signer in signers],
    }


def statute_layout(language: str) -> list[Block]:
    texts = TEXTS[language]
    return [
        PageHeader(
            left=("{{ university.name }}", "{{ statute.title }}"),
            rows=((texts["doc_number"], "{{ statute.number }}"),
                  (texts["first_published"], "{{ statute.first_published }}"),
                  (texts["revision_date"], "{{ statute.revision_date }}"),
                  (texts["revision_no"], "{{ statute.revision }}")),
            page_label=texts["page_no"],
            when=KYS,
        ),
        Paragraph("{{ statute.title }}", align="center", bold=True, space_before=True, when=KYS),
        *_approval_head(texts),
        Paragraph(texts["job_heading"], bold=True, space_before=True, when="statute.job"),
        Fields((
            (texts["position"], "{{ statute.job.position }}"),
            (texts["place_in_organisation"], "{{ statute.job.place_in_organisation }}"),
            (texts["superior"], "{{ statute.job.superior }}"),
            (texts["deputy"], "{{ statute.job.deputy }}"),
            (texts["requirements"], "{{ statute.job.requirements }}"),
        ), when="statute.job"),
        Outline("clauses"),
        Paragraph(texts["revisions_heading"], bold=True, space_before=True, when=KYS),
        Table("revisions", (texts["rev_no"], texts["rev_date"], texts["description"]),
              ("{{ row.number }}", "{{ row.date }}", "{{ row.description }}"), empty="—", when=KYS),
        Paragraph("", space_before=True),
        Table("signatures", (texts["sign_role"], texts["person_name"], texts["sign_title"], texts["signature"]),
              ("{{ row.role }}", "{{ row.name }}", "{{ row.title }}", ""), empty="—"),
    ]


def _approval_head(texts: dict[str, str]) -> list[Block]:
    """Seed 004's head: the ministry and the university in capitals, at the right the approval block (БЕКИТЕМИН,
    the approver's title and name, the date) and the day the document came into force, then its title in
    capitals."""
    return [
        Paragraph("{{ statute.approval.state }}", align="center", bold=True,
                  when=f"{APPROVAL} and statute.approval.state"),
        Paragraph("{{ letterhead.institution }}", align="center", bold=True, when=APPROVAL),
        Paragraph(texts["approve"], align="right", bold=True, space_before=True, when=APPROVAL),
        Paragraph("{{ statute.approval.approver_title }}", align="right",
                  when=f"{APPROVAL} and statute.approval.approver_title"),
        Paragraph("{{ statute.approval.approver }}", align="right", bold=True,
                  when=f"{APPROVAL} and statute.approval.approver"),
        Paragraph("{{ statute.approval.date }}", align="right", when=f"{APPROVAL} and statute.approval.date"),
        Paragraph(texts["in_force"], align="right", when=f"{APPROVAL} and statute.approval.in_force_from"),
        Paragraph(texts["council_decision"], align="right",
                  when=f"{APPROVAL} and statute.approval.decision_number and statute.approval.decision_date"),
        Paragraph("{{ statute.approval.heading }}", align="center", bold=True, space_before=True, when=APPROVAL),
    ]


def statute_sample_text(language: str) -> StatuteText:
    texts = TEXTS[language]
    person = Signer(texts["sample_person"], texts["office"])
    return StatuteText(
        title=texts["sample_statute"], document_number="KYS-YÖN-001", first_published_on=date(2025, 10, 31),
        revision_number=1, revised_on=date(2026, 3, 2), in_force_from=date(2026, 3, 2),
        clauses=[ClauseLine("1.", texts["sample_section"], 0, section=True),
                 ClauseLine("1.1.", texts["sample_clause"], 1), ClauseLine("a)", texts["sample_clause"], 2)],
        revisions=[RevisionLine(0, date(2025, 10, 31), texts["sample_revision"])],
        prepared_by=person, approved_by=person, agreed_by=[person],
        job=JobDescription(texts["sample_person"], texts["office"], texts["sample_person"], texts["sample_person"],
                           texts["sample_clause"]),
    )


def statute_sample(language: str) -> dict:
    return statute_context(statute_sample_text(language), language, university_name=university_name(language),
                           country=current_university().country)
