from django.core.management.base import BaseCommand

from console.deletion import universities_purge_due


class Command(BaseCommand):
    help = "Delete the universities whose deletion grace period is over (beat runs this daily)."

    def handle(self, *args, **options):
        purged = universities_purge_due()
        self.stdout.write(f"Deleted: {', '.join(purged)}." if purged else "No university is due for deletion.")
