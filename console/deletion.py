"""Deleting a university: scheduled with a grace period during which its hosts are closed, then purged.

Until the date the deletion can be cancelled and nothing is lost. The purge withdraws the
university from the directory first, so no other university keeps finding it, then removes
its files, its schema, its domains and its row; the audit entry stays in the public schema.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_tenants.utils import schema_context

from console.directory import directory_withdraw
from console.errors import ConsoleError
from console.provisioning import university_schema_and_domains_remove
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from kopru.errors import ServiceError, invalid
from kopru.storage import tenant_files_delete
from tenants.models import University
from tenants.selectors import forget_university_hosts

DEFAULT_GRACE_DAYS = 30
MAX_GRACE_DAYS = 365


def deletion_confirmation_check(*, university: University, typed: str) -> None:
    """A deletion is asked for by typing the university's address: a slip of the mouse deletes nothing."""
    if typed.strip().lower() != university.slug:
        message = gettext("Type the university's address, %(slug)s, to confirm its deletion.") % {
            "slug": university.slug}
        raise invalid({"confirmation": [message]})


@transaction.atomic(durable=True)
def university_schedule_deletion(*, university: University, acting_user,
                                 grace_days: int = DEFAULT_GRACE_DAYS) -> University:
    """Close the university at once (its hosts answer 503) and delete it once `grace_days` have passed."""
    if university.is_public or university.status == University.Status.PROVISIONING:
        raise ServiceError(ConsoleError.WRONG_STATUS, gettext("Only a university that is set up can be deleted."))
    if university.deletion_due_at is not None:
        raise ServiceError(ConsoleError.WRONG_STATUS, gettext("This university's deletion is already scheduled."))
    if not 1 <= grace_days <= MAX_GRACE_DAYS:
        message = gettext("Give between 1 and %(max)d days.") % {"max": MAX_GRACE_DAYS}
        raise invalid({"grace_days": [message]})
    now = timezone.now()
    university.deletion_requested_at = now
    university.deletion_due_at = now + timedelta(days=grace_days)
    university.status = University.Status.SUSPENDED
    university.full_clean()
    university.save(update_fields=["deletion_requested_at", "deletion_due_at", "status", "updated_at"])
    audit_record(actor=acting_user, action=AuditAction.UNIVERSITY_DELETION_SCHEDULED, target=university,
                 details={"due_at": university.deletion_due_at.isoformat(), "grace_days": grace_days})
    transaction.on_commit(lambda: forget_university_hosts(university))
    return university


@transaction.atomic(durable=True)
def university_cancel_deletion(*, university: University, acting_user) -> University:
    """Keep the university after all: it opens again (suspend it anew if it should stay closed)."""
    if university.deletion_due_at is None:
        raise ServiceError(ConsoleError.WRONG_STATUS, gettext("This university is not scheduled for deletion."))
    university.deletion_requested_at = None
    university.deletion_due_at = None
    university.status = University.Status.ACTIVE
    university.full_clean()
    university.save(update_fields=["deletion_requested_at", "deletion_due_at", "status", "updated_at"])
    audit_record(actor=acting_user, action=AuditAction.UNIVERSITY_DELETION_CANCELLED, target=university)
    transaction.on_commit(lambda: forget_university_hosts(university))
    return university


def universities_purge_due(*, now: datetime | None = None) -> list[str]:
    """Purge every university whose grace period is over; returns their slugs.

    Each one is purged in its own transaction: one that fails stays due and is tried again
    on the next run, without holding the others back.
    """
    now = now or timezone.now()
    connection.set_schema_to_public()
    due = University.objects.exclude(schema_name=settings.PUBLIC_SCHEMA_NAME).filter(deletion_due_at__lte=now)
    return [slug for pk in list(due.values_list("pk", flat=True)) if (slug := _purge(pk, now))]


@transaction.atomic
def _purge(university_id: int, now: datetime) -> str | None:
    # Locked and checked again: a cancellation may have come in since the list was read.
    university = University.objects.select_for_update().filter(pk=university_id, deletion_due_at__lte=now).first()
    if university is None:
        return None
    directory_withdraw(university)
    # Files first: should the rest fail, the university is still due and the next run finishes it.
    with schema_context(university.schema_name):
        files = tenant_files_delete(default_storage)
    university_schema_and_domains_remove(university)
    requested_at = university.deletion_requested_at
    details = {"slug": university.slug, "schema": university.schema_name, "name": university.name, "files": files,
               "requested_at": requested_at.isoformat() if requested_at else None}
    university.delete()
    audit_record(actor=None, action=AuditAction.UNIVERSITY_PURGED, details=details)
    return details["slug"]
