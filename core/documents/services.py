"""Writes of the document engine: generate a document, and keep the office's own templates.

Generation renders everything first and stores only what rendered: a template at fault
raises before any row or file is written, so there is never half a document.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Max, Model
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.documents.engine import NOT_DOCX, render_docx
from core.documents.errors import DocumentError
from core.documents.kinds import KINDS
from core.documents.letterhead import letterhead_get, letterhead_logo, reference_prefix
from core.documents.models import DocumentTemplate, GeneratedDocument
from core.documents.pdf import Progress, pdf_page_count, render_pdf
from core.documents.selectors import document_languages, template_content
from kopru.errors import ServiceError
from kopru.uploads import DOCX, check_upload

MAX_TEMPLATE_MB = 5
FORMATS = ("docx", "pdf")
NUMBER_PREFIX = "KOPRU"


def check_language(language: str) -> None:
    if language not in document_languages():
        message = gettext("Documents of this university can be written in %(languages)s only.") % {
            "languages": ", ".join(document_languages())}
        raise ServiceError(DocumentError.LANGUAGE_UNAVAILABLE, message, fields={"language": [message]})


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        message = gettext("There is no such kind of document.")
        raise ServiceError(DocumentError.UNKNOWN_KIND, message, fields={"kind": [message]})


def document_generate(
    *, kind: str, context: dict, language: str, acting_user, subject: Model | None = None,
    formats: tuple[str, ...] = FORMATS, progress: Progress | None = None,
) -> GeneratedDocument:
    """The one way every document is written: render, then store as the subject's next version.

    The DOCX comes from the template in use, the PDF from the kind's built-in layout; the
    title and the letter number are the context's `document.subject` and `document.number`.
    Rendering happens before anything is stored and outside the transaction, so a template
    at fault leaves nothing behind and a long PDF holds no lock; `progress` hears the PDF's
    percentage drawn. Without a subject (a record of an app, core/documents/subjects.py) the
    document stands alone as version 1.
    """
    check_kind(kind)
    check_language(language)
    if not formats or set(formats) - set(FORMATS):
        raise ValueError(f"Documents are written as {FORMATS}, not {formats}.")
    title = context["document"]["subject"]
    files = {}
    # The office's logo reaches the renderers beside the context, never through the sandbox.
    logo = letterhead_logo()
    if "docx" in formats:
        content, template = template_content(kind, language)
        files["docx"] = render_docx(content, context, logo=logo)
    else:
        template = None
    if "pdf" in formats:
        files["pdf"] = render_pdf(KINDS[kind].layout(language), context, title=title, language=language,
                                  progress=progress, logo=logo)
    return _document_store(kind=kind, language=language, title=title, number=context["document"]["number"],
                           subject=subject, template=template, files=files, acting_user=acting_user)


@transaction.atomic
def _document_store(*, kind: str, language: str, title: str, number: str, subject, template,
                    files: dict[str, bytes], acting_user) -> GeneratedDocument:
    about = {"subject_type": None, "subject_id": None}
    version = 1
    if subject is not None:
        about = {"subject_type": ContentType.objects.get_for_model(subject), "subject_id": subject.pk}
        # Locking the subject keeps two generations at once from taking the same version number.
        type(subject).objects.select_for_update().filter(pk=subject.pk).first()
        versions = GeneratedDocument.objects.filter(kind=kind, language=language, **about)
        version = (versions.aggregate(last=Max("version"))["last"] or 0) + 1
    document = GeneratedDocument(kind=kind, language=language, version=version, title=title[:255], number=number,
                                 template=template, created_by=acting_user, **about)
    if "pdf" in files:
        document.page_count = pdf_page_count(files["pdf"])
    name = f"{kind}-{slugify(title)[:60] or 'document'}-{language}-v{version}"
    for file_format, content in files.items():
        getattr(document, file_format).save(f"{name}.{file_format}", ContentFile(content), save=False)
    document.full_clean()
    document.save()
    audit_record(actor=acting_user, action=AuditAction.DOCUMENT_GENERATED, target=document,
                 details={"kind": kind, "language": language, "version": version})
    return document


def letter_number_next() -> str:
    """The next letter's number ("Sayı"): E-<DETSİS>-<file-plan code>-<n> once the office has set its letterhead's
    codes, numbered on from the last letter with those codes; KOPRU-<year>-<n> until then, from 1 each year.

    Call it inside the transaction that stores the letter: the lock it takes is held to
    the end of that transaction, so two letters at once never take the same number.
    """
    prefix = reference_prefix(letterhead_get()) or f"{NUMBER_PREFIX}-{timezone.localdate().year}-"
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"{connection.schema_name}:{prefix}"])
    numbers = GeneratedDocument.objects.filter(number__startswith=prefix).values_list("number", flat=True)
    last = max((int(tail) for tail in (number.removeprefix(prefix) for number in numbers) if tail.isdigit()),
               default=0)
    return f"{prefix}{last + 1}"


@transaction.atomic(durable=True)
def template_upload(*, kind: str, language: str, upload, acting_user) -> DocumentTemplate:
    """Make an uploaded DOCX the office's template, once it has rendered with sample data.

    A file that is not a DOCX, or a template with an unknown placeholder or a broken tag,
    is refused with a message that names the fault, and nothing is saved.
    """
    check_kind(kind)
    check_language(language)
    check_upload(upload, allowed={DOCX}, max_mb=MAX_TEMPLATE_MB, refusal=NOT_DOCX)
    content = upload.read()
    # Rendering with sample data is the rest of the check: it names a broken placeholder or tag.
    render_docx(content, KINDS[kind].sample(language))
    templates = DocumentTemplate.objects.select_for_update().filter(kind=kind, language=language)
    version = (templates.aggregate(last=Max("version"))["last"] or 0) + 1
    templates.filter(is_active=True).update(is_active=False)
    template = DocumentTemplate(kind=kind, language=language, version=version, uploaded_by=acting_user)
    template.file.save(f"{kind}_{language}_v{version}.docx", ContentFile(content), save=False)
    template.full_clean()
    template.save()
    audit_record(actor=acting_user, action=AuditAction.DOCUMENT_TEMPLATE_UPLOADED, target=template,
                 details={"kind": kind, "language": language, "version": version})
    _template_changed(kind)
    return template


def _template_changed(kind: str) -> None:
    """What the kind's app does when its template changes (the statutes write their public copies anew)."""
    if KINDS[kind].on_template_change is not None:
        KINDS[kind].on_template_change()


@transaction.atomic(durable=True)
def template_reset(*, kind: str, language: str, acting_user) -> None:
    """Go back to the shipped default; the office's earlier templates are kept, inactive."""
    check_kind(kind)
    check_language(language)
    changed = DocumentTemplate.objects.filter(kind=kind, language=language, is_active=True).update(is_active=False)
    if changed:
        audit_record(actor=acting_user, action=AuditAction.DOCUMENT_TEMPLATE_RESET,
                     details={"kind": kind, "language": language})
        _template_changed(kind)

