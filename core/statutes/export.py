"""A statute's revision exported as PDF or DOCX, under document control; large ones by a worker.

`statute_export` writes the document and keeps it with the statute's generated documents;
the PDF's page count goes back to the revision ("Sayfa No 1/3" of seed 002).
"""

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, override

from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.documents.context import current_university, university_name
from core.documents.errors import DocumentError
from core.documents.models import DocumentJob, DocumentKind, GeneratedDocument
from core.documents.pdf import Progress
from core.documents.selectors import document_languages
from core.documents.services import FORMATS, check_language, document_generate
from core.statutes.document_kind import (
    ClauseLine,
    JobDescription,
    RevisionLine,
    Signer,
    StatuteText,
    statute_context,
)
from core.statutes.models import Clause, PublishedDocument, Revision, Statute
from core.statutes.tasks import export_statute
from kopru.celery import enqueue_on_commit
from kopru.errors import ServiceError


def check_format(file_format: str) -> None:
    if file_format not in FORMATS:
        message = gettext("A statute is exported as PDF or DOCX.")
        raise ServiceError(DocumentError.UNKNOWN_FORMAT, message, fields={"format": [message]})


def statute_export(
    *, revision: Revision, language: str, fmt: str = "pdf", acting_user=None, asynchronously: bool = False,
    progress: Progress | None = None,
) -> GeneratedDocument | DocumentJob:
    """The revision as a document in `language` (texts missing in it fall back as the statute's fields do).

    With `asynchronously`, a worker writes it and the returned job tells its progress.
    """
    check_format(fmt)
    check_language(language)
    if asynchronously:
        return _export_queue(revision=revision, language=language, fmt=fmt, acting_user=acting_user)
    return _statute_document(revision=revision, language=language, formats=(fmt,), acting_user=acting_user,
                             progress=progress)


def statute_publish(*, revision: Revision) -> list[GeneratedDocument]:
    """Write the copies the public pages serve of a revision: both formats, in every document language.

    Called by a worker once a revision is approved or its statute's document control changes; a
    visitor's download only reads what this stored, so no visitor can make the server render.
    """
    documents = []
    for language in document_languages():
        document = _statute_document(revision=revision, language=language, formats=FORMATS, acting_user=None)
        PublishedDocument.objects.create(revision=revision, document=document)
        documents.append(document)
    return documents


def _statute_document(*, revision: Revision, language: str, formats: tuple[str, ...], acting_user,
                      progress: Progress | None = None) -> GeneratedDocument:
    context = statute_context(statute_text(revision, language), language, university_name=university_name(language),
                              country=current_university().country)
    document = document_generate(kind=DocumentKind.STATUTE, context=context, language=language,
                                 acting_user=acting_user, subject=revision.statute, formats=formats,
                                 progress=progress)
    if document.page_count:
        revision.page_count = document.page_count
        Revision.objects.filter(pk=revision.pk).update(page_count=document.page_count)
    return document


def statute_text(revision: Revision, language: str) -> StatuteText:
    """The revision in plain data, in one language."""
    statute: Statute = revision.statute
    clauses = list(Clause.objects.filter(revision=revision).order_by("position"))
    history = (statute.revisions.filter(number__lte=revision.number)
               .filter(Q(pk=revision.pk) | Q(status__in=[Revision.Status.IN_FORCE, Revision.Status.SUPERSEDED]))
               .order_by("number"))
    with override(language):
        return StatuteText(
            title=str(statute.title), document_number=statute.document_number,
            first_published_on=statute.first_published_on, revision_number=revision.number,
            revised_on=revision.revised_on, in_force_from=revision.in_force_from,
            decision_number=revision.decision_number, decision_date=revision.decision_date,
            clauses=_outline(clauses),
            revisions=[RevisionLine(line.number, line.revised_on, str(line.description)) for line in history],
            prepared_by=Signer(statute.prepared_by_name, statute.prepared_by_title),
            approved_by=Signer(statute.approved_by_name, statute.approved_by_title),
            agreed_by=[Signer(signer.name, signer.title) for signer in statute.agreed_by.all()],
            job=JobDescription(
                position=str(statute.position), place_in_organisation=str(statute.place_in_organisation),
                superior=str(statute.superior), deputy=str(statute.deputy), requirements=str(statute.requirements),
            ) if statute.kind == Statute.Kind.JOB_DESCRIPTION else None,
        )


def _outline(clauses: list[Clause]) -> list[ClauseLine]:
    """Clauses in the order of the text, each as deep as its chain of parents."""
    parents = {clause.pk: clause.parent_id for clause in clauses}
    depths: dict[int, int] = {}

    def depth(pk: int) -> int:
        if pk not in depths:
            parent = parents.get(pk)
            depths[pk] = 0 if parent is None or parent not in parents else depth(parent) + 1
        return depths[pk]

    return [ClauseLine(clause.number, str(clause.text), depth(clause.pk), section=clause.kind == Clause.Kind.SECTION)
            for clause in clauses]


@transaction.atomic
def _export_queue(*, revision: Revision, language: str, fmt: str, acting_user) -> DocumentJob:
    job = DocumentJob(kind=DocumentKind.STATUTE, language=language, file_format=fmt, subject=revision,
                      created_by=acting_user)
    job.full_clean()
    job.save()
    audit_record(actor=acting_user, action=AuditAction.DOCUMENT_EXPORT_QUEUED, target=job,
                 details={"statute": revision.statute_id, "revision": revision.number, "format": fmt})
    enqueue_on_commit(export_statute, job.pk)
    return job


def export_job_run(job: DocumentJob) -> DocumentJob:
    """Do a queued export, telling its progress as the PDF is drawn; a fault fails the job with its message."""
    DocumentJob.objects.filter(pk=job.pk).update(status=DocumentJob.Status.RUNNING)

    def progress(percent: int) -> None:
        # Storing is the last step: 100 is for when the document is kept.
        DocumentJob.objects.filter(pk=job.pk).update(progress=min(percent, 99))

    try:
        document = statute_export(revision=job.subject, language=job.language, fmt=job.file_format,
                                  acting_user=job.created_by, progress=progress)
    except ServiceError as error:
        _job_failed(job, error.message)
    except SoftTimeLimitExceeded:
        # The worker's time limit (kopru/settings/celery.py): the job says so instead of staying "running".
        _job_failed(job, gettext("The export took longer than %(minutes)s minutes and was stopped.") % {
            "minutes": settings.CELERY_TASK_SOFT_TIME_LIMIT // 60})
    else:
        DocumentJob.objects.filter(pk=job.pk).update(status=DocumentJob.Status.DONE, progress=100,
                                                     document=document, finished_at=timezone.now())
    job.refresh_from_db()
    return job


def _job_failed(job: DocumentJob, error: str) -> None:
    DocumentJob.objects.filter(pk=job.pk).update(status=DocumentJob.Status.FAILED, error=error,
                                                 finished_at=timezone.now())
