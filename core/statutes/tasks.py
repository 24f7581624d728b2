"""Statute documents written by a worker: large exports, and the public copies of revisions in force."""

from celery import shared_task

from core.documents.models import DocumentJob
from core.statutes.models import Revision, Statute
from core.statutes.selectors import publishable_revisions


@shared_task
def export_statute(job_id: int) -> int | None:
    """Export a statute for a queued job; the job row carries the progress, the result or the error."""
    from core.statutes.export import export_job_run  # it queues this task: imported when run

    job = DocumentJob.objects.select_related("created_by").filter(pk=job_id).first()
    if job is None or job.is_finished or not isinstance(job.subject, Revision):
        return None
    return export_job_run(job).document_id


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def publish_statute_revision(revision_id: int) -> list[int]:
    """Write the public copies of a revision; nothing when it is gone or no longer shown to visitors."""
    from core.statutes.export import statute_publish  # it is imported by what queues this task

    revision = Revision.objects.select_related("statute").filter(pk=revision_id).first()
    if revision is None or revision.pk not in {each.pk for each in publishable_revisions(revision.statute)}:
        return []
    return [document.pk for document in statute_publish(revision=revision)]


@shared_task
def publish_statutes_again() -> int:
    """Queue the public copies of every revision visitors see to be written anew (the statute template changed)."""
    revisions = [revision for statute in Statute.objects.all() for revision in publishable_revisions(statute)]
    for revision in revisions:
        publish_statute_revision.delay(revision.pk)
    return len(revisions)
