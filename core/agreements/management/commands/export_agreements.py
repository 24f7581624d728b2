from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django_tenants.utils import schema_context

from core.agreements.selectors import agreements_for_user
from core.agreements.transfer import agreements_export
from core.partners.management.commands._tenant import add_schema_argument, university_for


class Command(BaseCommand):
    help = ("Export one university's agreements: CSV (agreements only) or XLSX (with their conditions), told by "
            "the file's extension.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        add_schema_argument(parser)

    def handle(self, *args, file: Path, schema: str, **options):
        file_format = file.suffix.lower().lstrip(".")
        if file_format not in ("csv", "xlsx"):
            raise CommandError("Name the file .csv or .xlsx.")
        university = university_for(schema)
        with schema_context(university.schema_name), translation.override(university.default_language):
            agreements = agreements_for_user(None)  # a command reads as the office does
            file.write_bytes(agreements_export(agreements, file_format))
            count = agreements.count()
        self.stdout.write(self.style.SUCCESS(f"{count} agreements written to {file}."))
