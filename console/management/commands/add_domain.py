from django.core.management.base import BaseCommand

from console.management.commands._console import command_error, university_by_slug
from console.services import university_add_domain
from kopru.errors import ServiceError


class Command(BaseCommand):
    help = "Let a university also answer on a domain of its own."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("domain")

    def handle(self, *args, **options):
        try:
            domain = university_add_domain(university=university_by_slug(options["slug"]), domain=options["domain"],
                                           acting_user=None)
        except ServiceError as error:
            raise command_error(error) from error
        self.stdout.write(f"{domain.domain} leads to {options['slug']}.")
