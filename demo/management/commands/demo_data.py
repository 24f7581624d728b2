from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from console.management.commands._console import progress_line
from demo.universities import UNIVERSITIES, demo_public_ensure, demo_university_ensure


class Command(BaseCommand):
    help = "Create the demo platform and universities (KOPRU_DEMO only); running it again changes nothing."

    def handle(self, *args, **options):
        if not settings.KOPRU_DEMO:
            raise CommandError("Demo data has known passwords: it is created only when KOPRU_DEMO=1.")
        demo_public_ensure()
        for spec in UNIVERSITIES:
            university = demo_university_ensure(spec, on_progress=self._show)
            self.stdout.write(f"{university.slug}: {university.get_status_display()}")
        self.stdout.write(self.style.SUCCESS("Demo data ready: see README.md for the logins."))

    def _show(self, job):
        self.stdout.write(f"  {progress_line(job)}")
