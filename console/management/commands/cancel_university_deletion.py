from console.deletion import university_cancel_deletion
from console.management.commands._console import ConsoleCommand, university_by_slug


class Command(ConsoleCommand):
    help = "Cancel a university's scheduled deletion: it opens again."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, **options):
        university = university_cancel_deletion(university=university_by_slug(options["slug"]), acting_user=None)
        self.stdout.write(f"{university.slug} is no longer scheduled for deletion and is open again.")
