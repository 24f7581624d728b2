from django.core.management.base import BaseCommand

from console.provisioning import TEMPLATE_SCHEMA, template_schema_prepare


class Command(BaseCommand):
    help = "Create and migrate the template schema that new universities are cloned from (KOPRU_TENANT_CREATION=clone)."

    def handle(self, *args, **options):
        template_schema_prepare(verbosity=options["verbosity"])
        self.stdout.write(f"The template schema {TEMPLATE_SCHEMA} is up to date.")
