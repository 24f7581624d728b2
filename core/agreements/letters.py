"""The cover letter ("üst yazı") a workflow step sends: to the Senate, to the partner, or to whom it concerns.

The agreements app registers the letter with the document engine (core.documents.kinds) from its AppConfig.ready().
"""

from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core.agreements.models import Agreement, AgreementDocument, WorkflowStep
from core.agreements.models import DocumentKind as AgreementDocumentKind
from core.agreements.selectors import agreements_for_user
from core.agreements.services import document_add_version
from core.documents.context import (
    Signatory,
    current_university,
    document_frame,
    sample_frame,
    signatory_name,
    user_signatory,
)
from core.documents.kinds import register_kind
from core.documents.layout import Block, Items, Paragraph, footer, letterhead, signature
from core.documents.models import DocumentKind, GeneratedDocument
from core.documents.services import document_generate, letter_number_next
from core.documents.subjects import register_subject
from core.documents.texts import TEXTS
from core.office.permissions import Action, can
from kopru.translated import in_each_language

DEFAULTS = Path(__file__).resolve().parent / "document_defaults"


def register_documents() -> None:
    """The cover letter, and agreements as what documents are about: seen by whoever sees the agreement."""
    register_kind(DocumentKind.COVER_LETTER, layout=cover_letter_layout, sample=cover_letter_sample,
                  defaults=DEFAULTS)
    register_subject(Agreement, name="agreement", label=_("Agreement"),
                     filter_help="Only the documents about this agreement.", visible=_agreements_visible,
                     page=lambda pk: reverse("documents:agreement_documents", args=[pk]))


def _agreements_visible(user) -> QuerySet[Agreement]:
    return agreements_for_user(user) if can(user, Action.VIEW_AGREEMENTS) else Agreement.objects.none()


def cover_letter_layout(language: str) -> list[Block]:
    texts = TEXTS[language]
    body = {"align": "justify", "indent": language != "en"}  # English letters are set in blocks, without indents
    return [
        *letterhead(language, numbered=True),
        Paragraph("{{ addressee.name }}", align="center", bold=True, space_before=True),
        Paragraph(texts["reference"], when="document.reference", space_before=True),
        Paragraph(texts["letter_body"], when="addressee.kind != 'opinions'", space_before=True, **body),
        Paragraph(texts["opinions_body"], when="addressee.kind == 'opinions'", space_before=True, **body),
        Paragraph(texts["ask_senate"], when="addressee.kind == 'senate'", **body),
        Paragraph(texts["ask_opinions"], when="addressee.kind == 'opinions'", **body),
        Paragraph(texts["ask_partner"], when="addressee.kind == 'partner'", **body),
        Paragraph(texts["ask_generic"], when="addressee.kind == 'generic'", **body),
        Paragraph("{{ closing }}", **body),
        *signature(),
        Paragraph(texts["attachments"], when="attachments", space_before=True),
        Items("attachments", "{{ loop.index }}. {{ item }}"),
        Paragraph(texts["distribution"], when="distribution", space_before=True),
        Items("distribution"),
        *footer(),
    ]


def cover_letter_sample(language: str) -> dict:
    texts = TEXTS[language]
    partner = texts["sample_partner"]
    return {
        **sample_frame(language, subject=texts["letter_subject"].format(title=partner)),
        "addressee": {"kind": "senate", "name": texts["to_senate"]},
        "closing": texts["closing_authority"],
        "agreement": {"title": partner, "kind": "Erasmus+", "partners": partner, "reference": ""},
        "step": {"name": ""},
        "attachments": [partner],
        "distribution": [],
    }


# Turkey's rules for official correspondence close a letter by the addressee's place: "arz ederim" to a higher or
# same-level authority (the Senate; Legal Counsel and Student Affairs, units beside the office; whom it may concern),
# "rica ederim" to a lower one, and "Saygılarımla" to a person or an outside institution such as a foreign partner.
# Every letter a step writes goes up, across or outside; none goes down.
CLOSINGS = {WorkflowStep.Addressee.SENATE: "closing_authority", WorkflowStep.Addressee.OPINIONS: "closing_authority",
            WorkflowStep.Addressee.PARTNER: "closing_person", WorkflowStep.Addressee.GENERIC: "closing_authority"}
# What each letter encloses: the partner gets the agreement's text, never the office's internal papers.
ENCLOSED = {
    WorkflowStep.Addressee.SENATE: None,  # everything the file holds
    WorkflowStep.Addressee.OPINIONS: (AgreementDocumentKind.AGREEMENT_TEXT, AgreementDocumentKind.INFO_NOTE),
    WorkflowStep.Addressee.PARTNER: (AgreementDocumentKind.AGREEMENT_TEXT,),
    WorkflowStep.Addressee.GENERIC: (AgreementDocumentKind.AGREEMENT_TEXT,),
}


@transaction.atomic
def cover_letter_for_step(*, agreement: Agreement, step: WorkflowStep, acting_user) -> AgreementDocument:
    """Write the step's letter and file it with the agreement's documents.

    The letter is in the step's language (the university's unless the step says otherwise: a letter to a
    foreign partner is in English or the partner's), with the step's subject, addressee, enclosures and
    signatory. It is kept twice on purpose: as a generated document (DOCX and PDF, with its number) and as a
    new version of the step's cover-letter document, which the workflow shows and sends.
    """
    language = step.letter_language or current_university().default_language
    texts = TEXTS[language]
    with override(language):
        title = str(agreement.title)
        partner_list = list(agreement.partners.all())
        partners = ", ".join(str(partner.name) for partner in partner_list)
        kind = str(agreement.get_kind_display())
        step_name = str(step.name)
        subject = step.letter_subject or _default_subject(step, title, texts)
        signatory = _signatory(step, acting_user, language)
        addressee, distribution = _addressee(step, partner_list, language)
        enclosures = _enclosures(agreement, step)
    context = {
        **document_frame(language, subject=subject, number=letter_number_next(), reference=agreement.reference,
                         signatory=signatory),
        "addressee": addressee,
        "closing": texts[CLOSINGS[step.letter_addressee]],
        "agreement": {"title": title, "kind": kind, "partners": partners, "reference": agreement.reference},
        "step": {"name": step_name},
        "attachments": enclosures,
        "distribution": distribution,
    }
    generated = document_generate(kind=DocumentKind.COVER_LETTER, context=context, language=language,
                                  acting_user=acting_user, subject=agreement)
    return _file_with_agreement(generated, agreement=agreement, step=step, acting_user=acting_user)


def _default_subject(step: WorkflowStep, title: str, texts: dict[str, str]) -> str:
    key = {WorkflowStep.Addressee.OPINIONS: "opinions_subject",
           WorkflowStep.Addressee.PARTNER: "partner_subject"}.get(step.letter_addressee, "letter_subject")
    return texts[key].format(title=title)


def _signatory(step: WorkflowStep, acting_user, language: str) -> Signatory:
    """The person the step names (with their title, and the authority they sign for), else the person acting."""
    if step.signatory_name:
        return Signatory(name=signatory_name(step.signatory_name, language), title=step.signatory_title or "",
                         on_behalf=step.signs_for or "")
    return user_signatory(acting_user, language)


def _addressee(step: WorkflowStep, partner_list: list, language: str) -> tuple[dict, list[str]]:
    """Whom the letter goes to, as the step says, and the distribution list when it goes to more than one.

    A partner is addressed as the office wrote it in the letter's language (the grammar of a Kyrgyz or Russian
    addressee is not made by a template), else by its name in the language's plainest form.
    """
    texts = TEXTS[language]
    if step.letter_addressee == WorkflowStep.Addressee.SENATE:
        return {"kind": "senate", "name": texts["to_senate"]}, []
    if step.letter_addressee == WorkflowStep.Addressee.OPINIONS:
        return {"kind": "opinions", "name": texts["to_distribution"]}, [texts["to_legal_counsel"],
                                                                    texts["to_student_affairs"]]
    if step.letter_addressee == WorkflowStep.Addressee.PARTNER and partner_list:
        names = [getattr(partner, f"letter_addressee_{language}") or texts["to_partner"].format(partner=partner.name)
                 for partner in partner_list]
        if len(names) > 1:
            return {"kind": "partner", "name": texts["to_distribution"]}, names
        return {"kind": "partner", "name": names[0]}, []
    return {"kind": "generic", "name": texts["to_whom"]}, []


def _enclosures(agreement: Agreement, step: WorkflowStep) -> list[str]:
    documents = agreement.documents.exclude(kind=AgreementDocumentKind.COVER_LETTER).order_by("pk")
    kinds = ENCLOSED[step.letter_addressee]
    if kinds is not None:
        documents = documents.filter(kind__in=kinds)
    return [document.title for document in documents]


def _file_with_agreement(generated: GeneratedDocument, *, agreement: Agreement, step: WorkflowStep,
                         acting_user) -> AgreementDocument:
    """A new version of the step's cover-letter document (one per step, however often it is sent), titled by the
    step (in each language) and the letter's subject and number, so no two letters of an agreement share a name.

    It is stored as any other version of an agreement's document is: checked and audited.
    """
    with generated.docx.open("rb") as file:
        letter = ContentFile(file.read(), name=f"{generated.number}.docx")
    version = document_add_version(
        agreement=agreement, kind=AgreementDocumentKind.COVER_LETTER,
        titles=in_each_language(lambda: f"{step.name}: {generated.title} ({generated.number})"[:255]),
        uploaded_file=letter, acting_user=acting_user, step=step,
        document=agreement.documents.filter(kind=AgreementDocumentKind.COVER_LETTER, step=step).first(),
    )
    return version.document
