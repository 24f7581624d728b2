from console.backup import university_backup
from console.management.commands._console import (
    ConsoleCommand,
    add_backup_key_argument,
    backup_key,
    university_by_slug,
)


class Command(ConsoleCommand):
    help = "Write one university's data and files to a .tar.gz archive (restore_university reads it back)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("archive", help="Path of the .tar.gz to write.")
        add_backup_key_argument(parser, "Encrypt the archive with the key in this file (16 characters or more); "
                                        "restore_university then needs the same key.")

    def handle(self, *args, **options):
        manifest = university_backup(university=university_by_slug(options["slug"]),
                                     archive_path=options["archive"], key=backup_key(options["key_file"]))
        rows = sum(entry["rows"] for entry in manifest["models"])
        self.stdout.write(f"{options['slug']}: {rows} rows and {len(manifest['files'])} files "
                          f"written to {options['archive']}.")
