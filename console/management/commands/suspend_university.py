from console.management.commands._console import ConsoleCommand, university_by_slug
from console.services import university_suspend


class Command(ConsoleCommand):
    help = "Suspend a university: its hosts answer 503 until it is reactivated."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, **options):
        university = university_suspend(university=university_by_slug(options["slug"]), acting_user=None)
        self.stdout.write(f"{university.slug} is suspended.")
