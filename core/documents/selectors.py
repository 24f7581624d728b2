"""Reads of generated documents and templates, as far as the reader may see them."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Model, Q, QuerySet

from core.documents.context import current_university
from core.documents.defaults import default_template
from core.documents.engine import render_docx
from core.documents.kinds import KINDS
from core.documents.letterhead import letterhead_logo
from core.documents.models import DocumentJob, DocumentKind, DocumentTemplate, GeneratedDocument
from core.documents.subjects import SUBJECTS, about
from core.office.permissions import Action, can
from kopru.errors import NotFound


def document_languages() -> list[str]:
    """The languages a document may be written in: the university's own, and English on request."""
    languages = set(current_university().languages) | {"en"}
    return [code for code in settings.LANGUAGE_CODES if code in languages]


def kind_and_language_or_404(kind: str, language: str) -> None:
    """Template addresses name a kind and a language; others are not found."""
    if kind not in KINDS or language not in document_languages():
        raise NotFound()


def active_template(kind: str, language: str) -> DocumentTemplate | None:
    return DocumentTemplate.objects.filter(kind=kind, language=language, is_active=True).first()


def template_content(kind: str, language: str) -> tuple[bytes, DocumentTemplate | None]:
    """The DOCX a document of this kind is written from: the office's own, or the shipped default."""
    template = active_template(kind, language)
    if template is None:
        return default_template(kind, language), None
    with template.file.open("rb") as file:
        return file.read(), template


def template_rows() -> list[dict]:
    """Every kind in every language of the university, with the office's template in use if any."""
    active = {(t.kind, t.language): t for t in DocumentTemplate.objects.filter(is_active=True)
              .select_related("uploaded_by")}
    return [
        {"kind": kind, "label": DocumentKind(kind).label, "language": language,
         "template": active.get((kind, language))}
        for kind in KINDS for language in document_languages()
    ]


def template_preview(kind: str, language: str) -> bytes:
    """The template in use, filled with sample data, as the office would see a real document."""
    content, _template = template_content(kind, language)
    return render_docx(content, KINDS[kind].sample(language), logo=letterhead_logo())


def placeholders(kind: str, language: str) -> list[str]:
    """The placeholders a template of this kind may use, as `{{ partner.name }}` paths."""
    found: list[str] = []

    def walk(value, path: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            found.append(path)
            if value:
                walk(value[0], "item" if not isinstance(value[0], dict) else "row")
        else:
            found.append(path)

    walk(KINDS[kind].sample(language), "")
    return list(dict.fromkeys(found))


def documents_for_user(user) -> QuerySet[GeneratedDocument]:
    """The generated documents whose subject the user may see, as its app decides (core/documents/subjects.py).

    Letters about no record (a visiting student's invitation) name a person and their
    passport: the office staff and whoever wrote them see them.
    """
    standalone = Q(subject_type=None)
    about_no_record = standalone if can(user, Action.MANAGE_AGREEMENTS) else standalone & Q(created_by=user.pk)
    about_subjects = [Q(**about(subject.model), subject_id__in=subject.visible(user).values("pk"))
                      for subject in SUBJECTS.values()]
    return (GeneratedDocument.objects.filter(reduce(or_, about_subjects, about_no_record))
            .select_related("created_by", "subject_type"))


def documents_about(user, subject: Model) -> QuerySet[GeneratedDocument]:
    """The generated documents about one record that the user may see."""
    return documents_for_user(user).filter(**about(type(subject)), subject_id=subject.pk)


def document_get_for_user(user, document_id) -> GeneratedDocument:
    """One generated document the user may see; missing and out of reach both answer 404."""
    document = documents_for_user(user).filter(pk=document_id).first() if str(document_id).isdigit() else None
    if document is None:
        raise NotFound()
    return document


def document_versions(document: GeneratedDocument) -> QuerySet[GeneratedDocument]:
    """Every version of the same document (kind, language and subject), newest first."""
    if document.subject_type_id is None:
        return GeneratedDocument.objects.filter(pk=document.pk).select_related("created_by")
    return GeneratedDocument.objects.filter(
        kind=document.kind, language=document.language, subject_type=document.subject_type_id,
        subject_id=document.subject_id,
    ).select_related("created_by").order_by("-version")


def job_get_for_user(user, job_id) -> DocumentJob:
    """A document job of the office (statute exports: everyone in the office reads statutes); else 404."""
    job = (DocumentJob.objects.select_related("document").prefetch_related("subject").filter(pk=job_id).first()
           if str(job_id).isdigit() and can(user, Action.VIEW_OFFICE) else None)
    if job is None:
        raise NotFound()
    return job

