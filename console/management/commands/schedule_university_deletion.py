from console.deletion import DEFAULT_GRACE_DAYS, university_schedule_deletion
from console.management.commands._console import ConsoleCommand, university_by_slug


class Command(ConsoleCommand):
    help = "Close a university at once and delete its data and files when the grace period ends."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--grace-days", type=int, default=DEFAULT_GRACE_DAYS,
                            help=f"Days before it is deleted (default {DEFAULT_GRACE_DAYS}).")

    def handle(self, *args, **options):
        university = university_schedule_deletion(university=university_by_slug(options["slug"]),
                                                  acting_user=None, grace_days=options["grace_days"])
        due = university.deletion_due_at.isoformat(timespec="minutes")
        self.stdout.write(f"{university.slug} is closed and will be deleted after {due}.")
