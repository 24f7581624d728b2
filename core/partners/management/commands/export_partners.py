from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django_tenants.utils import schema_context

from core.partners.management.commands._tenant import add_schema_argument, university_for
from core.partners.selectors import partner_list, partner_table
from core.spreadsheets import CONTENT_TYPES


class Command(BaseCommand):
    help = "Export one university's partners to a CSV or XLSX table (told by the file's extension)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        add_schema_argument(parser)

    def handle(self, *args, file: Path, schema: str, **options):
        file_format = file.suffix.lower().lstrip(".")
        if file_format not in CONTENT_TYPES:
            raise CommandError("Name the file .csv or .xlsx.")
        university = university_for(schema)
        with schema_context(university.schema_name), translation.override(university.default_language):
            partners = partner_list(None)  # a command reads as the office does
            file.write_bytes(partner_table(partners, file_format))
        self.stdout.write(self.style.SUCCESS(f"{len(partners)} partners written to {file}."))
