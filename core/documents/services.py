"""Writes of the document engine: generate a document, and keep the office's own templates.

Generation renders everything first and stores only what rendered: a template at fault
raises before any row or file is written, so there is never half a document.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext

from core.agreements.models import Agreement
from core.audit.services import audit_record
from core.documents.engine import render_docx
from core.documents.kinds import KINDS
from core.documents.models import DocumentTemplate, GeneratedDocument
from core.documents.pdf import render_pdf
from core.documents.selectors import document_languages, template_content
from core.partners.models import Partner
from kopru.errors import ServiceError

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


def check_language(language: str) -> None:
    if language not in document_languages():
        message = gettext("Documents of this university can be written in %(languages)s only.") % {
            "languages": ", ".join(document_languages())}
        raise ServiceError("language_unavailable", message, fields={"language": [message]})


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        message = gettext("There is no such kind of document.")
        raise ServiceError("unknown_kind", message, fields={"kind": [message]}, status_code=404)


@transaction.atomic
def document_generate(
    *, kind: str, language: str, context: dict, title: str, acting_user, partner: Partner | None = None,
    agreement: Agreement | None = None, number: str = "",
) -> GeneratedDocument:
    """Render the DOCX from the template in use and the PDF from the built-in layout; store both as a new version."""
    check_kind(kind)
    check_language(language)
    content, template = template_content(kind, language)
    docx = render_docx(content, context)
    pdf = render_pdf(KINDS[kind].layout(language), context, title=title, language=language)
    # Locking the target keeps two generations at once from taking the same version number.
    target = partner or agreement
    type(target).objects.select_for_update().filter(pk=target.pk).first()
    versions = GeneratedDocument.objects.filter(kind=kind, language=language, partner=partner, agreement=agreement)
    version = (versions.aggregate(last=Max("version"))["last"] or 0) + 1
    document = GeneratedDocument(
        kind=kind, language=language, partner=partner, agreement=agreement, version=version, title=title[:255],
        number=number, template=template, created_by=acting_user,
    )
    name = f"{kind}-{slugify(title)[:60] or target.pk}-{language}-v{version}"
    document.docx.save(f"{name}.docx", ContentFile(docx), save=False)
    document.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
    document.full_clean()
    document.save()
    audit_record(actor=acting_user, action="document.generated", target=document,
                 details={"kind": kind, "language": language, "version": version})
    return document


@transaction.atomic
def template_upload(*, kind: str, language: str, upload, acting_user) -> DocumentTemplate:
    """Make an uploaded DOCX the office's template, once it has rendered with sample data.

    A file that is not a DOCX, or a template with an unknown placeholder or a broken tag,
    is refused with a message that names the fault, and nothing is saved.
    """
    check_kind(kind)
    check_language(language)
    if upload.size > MAX_TEMPLATE_BYTES:
        message = gettext("A template may be %(megabytes)d MB at most.") % {
            "megabytes": MAX_TEMPLATE_BYTES // (1024 * 1024)}
        raise ServiceError("file_too_large", message, fields={"file": [message]})
    content = upload.read()
    # Rendering with sample data is the check: it refuses what is not a DOCX and names a broken placeholder.
    render_docx(content, KINDS[kind].sample(language))
    templates = DocumentTemplate.objects.select_for_update().filter(kind=kind, language=language)
    version = (templates.aggregate(last=Max("version"))["last"] or 0) + 1
    templates.filter(is_active=True).update(is_active=False)
    template = DocumentTemplate(kind=kind, language=language, version=version, uploaded_by=acting_user)
    template.file.save(f"{kind}_{language}_v{version}.docx", ContentFile(content), save=False)
    template.full_clean()
    template.save()
    audit_record(actor=acting_user, action="document_template.uploaded", target=template,
                 details={"kind": kind, "language": language, "version": version})
    return template


@transaction.atomic
def template_reset(*, kind: str, language: str, acting_user) -> None:
    """Go back to the shipped default; the office's earlier templates are kept, inactive."""
    check_kind(kind)
    check_language(language)
    changed = DocumentTemplate.objects.filter(kind=kind, language=language, is_active=True).update(is_active=False)
    if changed:
        audit_record(actor=acting_user, action="document_template.reset",
                     details={"kind": kind, "language": language})

