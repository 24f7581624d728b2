from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from core.agreements.reminders import reminders_send
from tenants.models import University


class Command(BaseCommand):
    help = "Send the reminders due today (expiring agreements, waiting workflow steps), as the daily job does."

    def add_arguments(self, parser):
        parser.add_argument("--schema", help="Only this university's schema (default: every active university).")

    def handle(self, *args, schema=None, **options):
        universities = University.objects.filter(status=University.Status.ACTIVE).exclude(
            schema_name=settings.PUBLIC_SCHEMA_NAME).order_by("schema_name")
        if schema:
            universities = universities.filter(schema_name=schema)
            if not universities:
                raise CommandError(f"No active university has the schema {schema!r}.")
        for university in universities:
            with tenant_context(university):
                run = reminders_send()
            self.stdout.write(f"{university.schema_name}: {run.expiry} expiry, {run.step_waiting} waiting step")
