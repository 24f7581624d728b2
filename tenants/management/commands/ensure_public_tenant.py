from django.core.management.base import BaseCommand

from tenants.public import public_tenant_ensure


class Command(BaseCommand):
    help = "Create the public tenant on KOPRU_ROOT_DOMAIN if it is missing (the platform console's host)."

    def handle(self, *args, **options):
        public = public_tenant_ensure()
        self.stdout.write(f"Public tenant on {public.get_primary_domain().domain}.")
