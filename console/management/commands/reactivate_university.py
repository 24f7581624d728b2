from console.management.commands._console import ConsoleCommand, university_by_slug
from console.services import university_reactivate


class Command(ConsoleCommand):
    help = "Reactivate a suspended university."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, **options):
        university = university_reactivate(university=university_by_slug(options["slug"]), acting_user=None)
        self.stdout.write(f"{university.slug} is active.")
