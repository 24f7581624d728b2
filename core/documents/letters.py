"""The cover letter ("üst yazı") a workflow step sends: to the Senate, to the partner, or to whom it concerns."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import override

from core.agreements.models import Agreement, AgreementDocument, DocumentVersion, WorkflowStep
from core.agreements.models import DocumentKind as AgreementDocumentKind
from core.agreements.services import document_next_number
from core.documents.context import current_university, document_frame
from core.documents.engine import DOCX_CONTENT_TYPE
from core.documents.models import DocumentKind, GeneratedDocument
from core.documents.services import document_generate, letter_number_next
from core.documents.texts import TEXTS


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
    addressee = _addressee(step.code, partners, language)
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
                                  acting_user=acting_user, target=agreement)
    return _file_with_agreement(generated, step=step, acting_user=acting_user)


def _addressee(step_code: str, partners: str, language: str) -> dict:
    """Whom the letter goes to, read from the step's code: the Senate, the partner, or whom it concerns."""
    texts = TEXTS[language]
    if "senate" in step_code:
        return {"kind": "senate", "name": texts["to_senate"]}
    if ("partner" in step_code or "countersign" in step_code) and partners:
        return {"kind": "partner", "name": texts["to_partner"].format(partner=partners)}
    return {"kind": "generic", "name": texts["to_whom"]}


def _file_with_agreement(generated: GeneratedDocument, *, step: WorkflowStep, acting_user) -> AgreementDocument:
    """A new version of the step's cover-letter document (one per step, however often it is sent)."""
    document, _created = AgreementDocument.objects.get_or_create(
        agreement=generated.agreement, kind=AgreementDocumentKind.COVER_LETTER, step=step,
        defaults={"title": generated.title[:255]},
    )
    number = document_next_number(document)
    with generated.docx.open("rb") as file:
        content = file.read()
    version = DocumentVersion(document=document, number=number, content_type=DOCX_CONTENT_TYPE,
                              size=len(content), uploaded_by=acting_user)
    version.file.save(f"{generated.number}.docx", ContentFile(content), save=False)
    version.full_clean()
    version.save()
    return document
