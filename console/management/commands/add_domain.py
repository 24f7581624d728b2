from console.management.commands._console import ConsoleCommand, university_by_slug
from console.services import university_add_domain


class Command(ConsoleCommand):
    help = "Let a university also answer on a domain of its own."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("domain")

    def handle(self, *args, **options):
        domain = university_add_domain(university=university_by_slug(options["slug"]), domain=options["domain"],
                                       acting_user=None)
        self.stdout.write(f"{domain.domain} leads to {options['slug']}.")
