from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django_tenants.utils import schema_context

from core.agreements.transfer import agreements_import
from core.partners.management.commands._tenant import add_schema_argument, university_for
from core.spreadsheets import ImportRefused
from kopru.errors import ServiceError


class Command(BaseCommand):
    help = ("Import agreements from a CSV table or an XLSX workbook (sheets agreements and conditions) into one "
            "university: every row, or none when any is wrong.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        add_schema_argument(parser)

    def handle(self, *args, file: Path, schema: str, **options):
        university = university_for(schema)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        with schema_context(university.schema_name), translation.override(university.default_language), \
                file.open("rb") as upload:
            try:
                result = agreements_import(upload=upload, acting_user=None)
            except ImportRefused as error:
                for row in error.fields["rows"]:
                    where = f"{row['sheet']}:" if row.get("sheet") else ""
                    self.stderr.write(f"{file}:{where}{row['line']}: {row['column'] or '-'}: {row['message']}")
                raise CommandError(error.message) from error
            except ServiceError as error:
                raise CommandError(error.message) from error
        self.stdout.write(self.style.SUCCESS(f"{result.created} agreements created."))
