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
from core.documents.context import current_university, document_frame, sample_frame
from core.documents.kinds import register_kind
from core.documents.layout import Block, Items, Paragraph, letterhead, signature
from core.documents.models import DocumentKind, GeneratedDocument
from core.documents.services import document_generate, letter_number_next
from core.documents.subjects import register_subject
from core.documents.texts import TEXTS
from core.office.permissions import Action, can

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


def cover_letter_sample(language: str) -> dict:
    texts = TEXTS[language]
    partner = texts["sample_partner"]
    return {
        **sample_frame(language, subject=texts["letter_subject"].format(title=partner)),
        "addressee": {"kind": "senate", "name": texts["to_senate"]},
        "agreement": {"title": partner, "kind": "Erasmus+", "partners": partner, "reference": ""},
        "step": {"name": ""},
        "attachments": [partner],
        "distribution": [texts["for_action"].format(addressee=texts["to_senate"])],
    }


@transaction.atomic
def cover_letter_for_step(*, agreement: Agreement, step: WorkflowStep, acting_user) -> AgreementDocument:
    """Write the step's cover letter in the university's language and file it with the agreement's documents.

    The letter is kept twice on purpose: as a generated document (DOCX and PDF, with its
    number) and as a new version of the step's cover-letter document, which the workflow
    shows and sends.
    """
    language = current_university().default_language
    texts = TEXTS[language]
    with override(language):
        title = str(agreement.title)
        partners = ", ".join(str(partner.name) for partner in agreement.partners.all())
        kind = str(agreement.get_kind_display())
        step_name = str(step.name)
    addressee = _addressee(step, partners, language)
    subject = texts["letter_subject"].format(title=title)
    number = letter_number_next()
    context = {
        **document_frame(language, subject=subject, number=number, reference=agreement.reference,
                         signatory_name=getattr(acting_user, "display_name", "")),
        "addressee": addressee,
        "agreement": {"title": title, "kind": kind, "partners": partners, "reference": agreement.reference},
        "step": {"name": step_name},
        "attachments": [
            document.title for document in agreement.documents.exclude(kind=AgreementDocumentKind.COVER_LETTER)
        ],
        "distribution": [texts["for_action"].format(addressee=addressee["name"]),
                         texts["for_information"].format(office=texts["office"])],
    }
    generated = document_generate(kind=DocumentKind.COVER_LETTER, context=context, language=language,
                                  acting_user=acting_user, subject=agreement)
    return _file_with_agreement(generated, agreement=agreement, step=step, acting_user=acting_user)


def _addressee(step: WorkflowStep, partners: str, language: str) -> dict:
    """Whom the letter goes to, as the step says: the Senate, the partner (if it has one), or whom it concerns."""
    texts = TEXTS[language]
    if step.letter_addressee == WorkflowStep.Addressee.SENATE:
        return {"kind": "senate", "name": texts["to_senate"]}
    if step.letter_addressee == WorkflowStep.Addressee.PARTNER and partners:
        return {"kind": "partner", "name": texts["to_partner"].format(partner=partners)}
    return {"kind": "generic", "name": texts["to_whom"]}


def _file_with_agreement(generated: GeneratedDocument, *, agreement: Agreement, step: WorkflowStep,
                         acting_user) -> AgreementDocument:
    """A new version of the step's cover-letter document (one per step, however often it is sent).

    It is stored as any other version of an agreement's document is: checked and audited.
    """
    with generated.docx.open("rb") as file:
        letter = ContentFile(file.read(), name=f"{generated.number}.docx")
    version = document_add_version(
        agreement=agreement, kind=AgreementDocumentKind.COVER_LETTER, title=generated.title[:255],
        uploaded_file=letter, acting_user=acting_user, step=step,
        document=agreement.documents.filter(kind=AgreementDocumentKind.COVER_LETTER, step=step).first(),
    )
    return version.document
