from django.core.management.base import BaseCommand

from console.management.commands._console import command_error, university_by_slug
from console.services import university_suspend
from kopru.errors import ServiceError


class Command(BaseCommand):
    help = "Suspend a university: its hosts answer 503 until it is reactivated."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, **options):
        try:
            university = university_suspend(university=university_by_slug(options["slug"]), acting_user=None)
        except ServiceError as error:
            raise command_error(error) from error
        self.stdout.write(f"{university.slug} is suspended.")
