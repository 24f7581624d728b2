"""The daily reminder job: fanned out from the public schema to one task per open university."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import OperationalError, connection

from core.agreements.reminders.services import reminders_send
from tenants.models import University

logger = logging.getLogger(__name__)


@shared_task
def send_reminders_everywhere() -> int:
    """Beat's entry point, run in public: queue the reminders of each active university in its own schema."""
    universities = University.objects.filter(status=University.Status.ACTIVE).exclude(
        schema_name=settings.PUBLIC_SCHEMA_NAME)
    schemas = list(universities.values_list("schema_name", flat=True))
    for schema in schemas:
        # tenant-schemas-celery runs the task in the schema its header names.
        send_reminders.apply_async(headers={"_schema_name": schema})
    return len(schemas)


@shared_task(bind=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_reminders(self) -> None:
    """One university's reminders; the log of sent reminders makes a retry or a second run harmless."""
    if connection.schema_name == settings.PUBLIC_SCHEMA_NAME:
        return
    run = reminders_send()
    logger.info("Reminders in %s: %d expiry, %d waiting step", connection.schema_name, run.expiry,
                run.step_waiting)
