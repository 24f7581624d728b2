from django.core.management.base import BaseCommand

from console.deletion import university_cancel_deletion
from console.management.commands._console import command_error, university_by_slug
from kopru.errors import ServiceError


class Command(BaseCommand):
    help = "Cancel a university's scheduled deletion: it opens again."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, **options):
        try:
            university = university_cancel_deletion(university=university_by_slug(options["slug"]), acting_user=None)
        except ServiceError as error:
            raise command_error(error) from error
        self.stdout.write(f"{university.slug} is no longer scheduled for deletion and is open again.")
