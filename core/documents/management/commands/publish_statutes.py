from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from core.documents.statute import statute_publish
from core.statutes.models import Statute
from core.statutes.selectors import publishable_revisions
from tenants.models import University


class Command(BaseCommand):
    help = ("Write the public copies of statute revisions that visitors see and that have none yet "
            "(approval writes them; this fills in revisions approved before it did).")

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
                revisions = [revision for statute in Statute.objects.all()
                             for revision in publishable_revisions(statute)
                             if not revision.published_documents.exists()]
                for revision in revisions:
                    statute_publish(revision=revision)
            self.stdout.write(f"{university.schema_name}: {len(revisions)} revision(s) published")
