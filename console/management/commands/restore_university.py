from console.backup import university_restore
from console.management.commands._console import ConsoleCommand, add_backup_key_argument, backup_key


class Command(ConsoleCommand):
    help = ("Restore a university from an archive of backup_university: into a new university, "
            "or with --replace over the data and files of an existing one.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the .tar.gz to read.")
        parser.add_argument("--slug", help="Address of the university to restore into; the archived one's by default.")
        parser.add_argument("--replace", action="store_true",
                            help="Replace the data and files of the existing university at --slug.")
        add_backup_key_argument(parser, "The key an encrypted archive was made with, in this file.")

    def handle(self, *args, **options):
        university = university_restore(archive_path=options["archive"], slug=options["slug"],
                                        replace=options["replace"], key=backup_key(options["key_file"]))
        self.stdout.write(f"{university.slug} is restored from {options['archive']}.")
