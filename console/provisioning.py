"""Provisioning a university: the slow steps of onboarding, run by a task (or the CLI) after the records exist.

Each step runs in its own transaction and the job's step and progress are saved between
steps, so the console sees them while the run goes on. A failed step undoes the whole
onboarding: schema dropped, domains and the university row deleted; the job stays, failed,
with the error.
"""

import logging
import zlib
from collections.abc import Callable
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tenants.clone import CloneSchema
from django_tenants.utils import quote_schema_name, tenant_context

from core.agreements.workflow.services import workflow_seed_default
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.office.models import Role
from core.office.services import invitation_create, office_seed_defaults
from tenants.models import Domain, ProvisioningJob, University
from tenants.selectors import forget_university_hosts

logger = logging.getLogger(__name__)

TEMPLATE_SCHEMA = settings.TENANT_BASE_SCHEMA
# Errors after which the same run may well succeed: the task retries them, the rest fail the job.
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError)
_LOCK_NAMESPACE = zlib.crc32(b"kopru.provisioning") & 0x7FFFFFFF

Step = ProvisioningJob.Step


@transaction.atomic
def template_schema_prepare(*, verbosity: int = 0) -> None:
    """Create the schema new universities are cloned from, if missing, and bring it to the latest migration.

    A transaction-level lock keeps two onboardings from migrating the template at once.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", [_LOCK_NAMESPACE])
        cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {quote_schema_name(TEMPLATE_SCHEMA)}")
    call_command("migrate_schemas", tenant=True, schema_name=TEMPLATE_SCHEMA, interactive=False, verbosity=verbosity)
    connection.set_schema_to_public()


def step_create_schema(university: University, job: ProvisioningJob) -> None:
    schema = quote_schema_name(university.schema_name)
    if settings.KOPRU_TENANT_CREATION == "clone":
        # A no-op when the template is current; a clone of an outdated template would lack tables.
        template_schema_prepare()
        # The clone carries the template's migration records and content types along with its tables.
        CloneSchema().clone_schema(TEMPLATE_SCHEMA, university.schema_name)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {schema}")
        call_command("migrate_schemas", tenant=True, schema_name=university.schema_name, interactive=False,
                     verbosity=0)
    connection.set_schema_to_public()


def step_add_primary_domain(university: University, job: ProvisioningJob) -> None:
    domain = Domain(domain=f"{university.slug}.{settings.KOPRU_ROOT_DOMAIN}", tenant=university, is_primary=True)
    domain.full_clean()
    domain.save()


def step_seed_defaults(university: University, job: ProvisioningJob) -> None:
    with tenant_context(university), translation.override(university.default_language):
        office_seed_defaults(university)
        workflow_seed_default(country=university.country)


def step_invite_first_admin(university: University, job: ProvisioningJob) -> None:
    with tenant_context(university):
        invitation_create(email=job.admin_email, role=Role.OFFICE_ADMIN)


def step_activate(university: University, job: ProvisioningJob) -> None:
    university.status = University.Status.ACTIVE
    university.save(update_fields=["status", "updated_at"])
    # A request during provisioning may have cached the host with the old status.
    transaction.on_commit(lambda: forget_university_hosts(university))


def provisioning_steps() -> tuple[tuple[str, Callable[[University, ProvisioningJob], None]], ...]:
    """The steps in order; looked up at call time so a test can make any one of them fail."""
    return (
        (Step.SCHEMA, step_create_schema),
        (Step.DOMAIN, step_add_primary_domain),
        (Step.DEFAULTS, step_seed_defaults),
        (Step.INVITATION, step_invite_first_admin),
        (Step.ACTIVATE, step_activate),
    )


@contextmanager
def _job_lock(job_id: int):
    """A session lock on the job: a second delivery of the same message finds it taken and leaves."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [_LOCK_NAMESPACE, job_id])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_LOCK_NAMESPACE, job_id])


def _report(job: ProvisioningJob, on_progress, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))
    if on_progress is not None:
        on_progress(job)


def university_schema_and_domains_remove(university: University) -> None:
    """Drop a university's schema and delete its domains (the university row stays): undoing a run, or purging."""
    forget_university_hosts(university)
    with connection.cursor() as cursor:
        # Deferred foreign-key checks still pending in this transaction would block the drop.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(university.schema_name)} CASCADE")
    Domain.objects.filter(tenant=university).delete()


@transaction.atomic
def _undo(job: ProvisioningJob, error: str, on_progress=None) -> None:
    """Leave nothing of the university behind; the job keeps its slug, step and error."""
    connection.set_schema_to_public()
    university = job.university
    if university is not None:
        university_schema_and_domains_remove(university)
        university.delete()
    audit_record(actor=None, action=AuditAction.UNIVERSITY_PROVISIONING_FAILED, target=job,
                 details={"slug": job.slug, "step": job.step, "error": error})
    _report(job, on_progress, university=None, status=ProvisioningJob.Status.FAILED, error=error,
            finished_at=timezone.now())


def provisioning_run(*, job_id: int, on_progress=None) -> ProvisioningJob | None:
    """Run a queued job's steps; a job that is finished, gone or being run elsewhere is left alone.

    A job found running was interrupted (worker lost, transient error): what it left is
    removed and the steps start again.
    """
    connection.set_schema_to_public()
    with _job_lock(job_id) as acquired:
        if not acquired:
            return None
        job = ProvisioningJob.objects.select_related("university").filter(pk=job_id).first()
        if job is None or job.is_finished:
            return job
        if job.university is None:
            _undo(job, gettext("The university was deleted before it was set up."), on_progress)
            return job
        university = job.university
        if job.status == ProvisioningJob.Status.RUNNING:
            with transaction.atomic():
                university_schema_and_domains_remove(university)
        _report(job, on_progress, status=ProvisioningJob.Status.RUNNING, started_at=timezone.now(), error="")
        steps = provisioning_steps()
        try:
            for index, (step, run) in enumerate(steps):
                _report(job, on_progress, step=step, progress=round(100 * index / len(steps)))
                with transaction.atomic():
                    run(university, job)
        except TRANSIENT_DB_ERRORS:
            raise
        except Exception as error:
            logger.exception("Provisioning of %s failed at step %s", job.slug, job.step)
            _undo(job, str(error) or type(error).__name__, on_progress)
            return job
        _report(job, on_progress, status=ProvisioningJob.Status.DONE, progress=100, finished_at=timezone.now())
    return job


def provisioning_abandon(*, job_id: int, error: str) -> None:
    """Give up on a job whose retries ran out: undo it like any failed run."""
    connection.set_schema_to_public()
    with _job_lock(job_id) as acquired:
        job = ProvisioningJob.objects.select_related("university").filter(pk=job_id).first()
        if acquired and job is not None and not job.is_finished:
            _undo(job, error)
