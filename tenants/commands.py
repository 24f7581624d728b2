from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from tenants.models import University


class EachUniversityCommand(BaseCommand):
    """A command that does its work in every active university's schema, or in the one --schema names.

    Subclasses implement `handle_university`, which runs inside the university's schema and
    returns the line reported for it.
    """

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
                report = self.handle_university(university, **options)
            self.stdout.write(f"{university.schema_name}: {report}")

    def handle_university(self, university: University, **options) -> str:
        raise NotImplementedError
