"""Management commands that move one university's table in or out of a CSV or XLSX file.

Each command names its service and its summary line; the base classes give it the
`file` argument, `--schema`, the university's schema and language, and the reporting::

    class Command(TenantImportCommand):
        help = "Import partners ..."
        service = staticmethod(partners_import)   # (upload=, acting_user=) -> ImportResult
        summary = "{created} created, {updated} updated."
"""

from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django_tenants.utils import get_tenant_model, schema_context

from kopru.errors import ServiceError
from kopru.spreadsheets import CONTENT_TYPES, ImportRefused, ImportResult


def university_for(schema_name: str):
    university = get_tenant_model().objects.filter(schema_name=schema_name).exclude(schema_name="public").first()
    if university is None:
        raise CommandError(f"No university has the schema {schema_name!r}.")
    return university


@contextmanager
def in_university(university):
    """The university's schema, in its language: messages and names read as its office reads them."""
    with schema_context(university.schema_name), translation.override(university.default_language):
        yield


class TenantTableCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--schema", required=True, help="The university's schema (its slug), e.g. kastamonu.")


class TenantImportCommand(TenantTableCommand):
    """Import every row of the file through `service`, or none; a refused row is printed with its place."""

    service: Callable[..., ImportResult]
    summary: str  # formatted with the result's counts: {created}, {updated}

    def handle(self, *args, file: Path, schema: str, **options):
        university = university_for(schema)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        with in_university(university), file.open("rb") as upload:
            try:
                result = self.service(upload=upload, acting_user=None)
            except ImportRefused as error:
                for row in error.fields["rows"]:
                    where = f"{row['sheet']}:" if row.get("sheet") else ""
                    self.stderr.write(f"{file}:{where}{row['line']}: {row['column'] or '-'}: {row['message']}")
                raise CommandError(error.message) from error
            except ServiceError as error:
                raise CommandError(error.message) from error
        self.stdout.write(self.style.SUCCESS(self.summary.format(**result.as_dict())))


class TenantExportCommand(TenantTableCommand):
    """Write the office's whole list (`rows()`, read as the office reads it) with `service`, as CSV or XLSX."""

    rows: Callable[[], object]
    service: Callable[[object, str], bytes]
    summary: str  # formatted with {count} and {file}

    def handle(self, *args, file: Path, schema: str, **options):
        file_format = file.suffix.lower().lstrip(".")
        if file_format not in CONTENT_TYPES:
            raise CommandError("Name the file .csv or .xlsx.")
        university = university_for(schema)
        with in_university(university):
            rows = self.rows()
            file.write_bytes(self.service(rows, file_format))
            count = len(rows)
        self.stdout.write(self.style.SUCCESS(self.summary.format(count=count, file=file)))
