from django.core.management.base import BaseCommand

from tenants.backup import university_backup
from tenants.management.commands._console import university_by_slug


class Command(BaseCommand):
    help = "Write one university's data and files to a .tar.gz archive (restore_university reads it back)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("archive", help="Path of the .tar.gz to write.")

    def handle(self, *args, **options):
        manifest = university_backup(university=university_by_slug(options["slug"]), archive_path=options["archive"])
        rows = sum(entry["rows"] for entry in manifest["models"])
        self.stdout.write(f"{options['slug']}: {rows} rows and {len(manifest['files'])} files "
                          f"written to {options['archive']}.")
