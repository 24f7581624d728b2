from django.conf import settings

from console.errors import ConsoleError
from console.management.commands._console import ConsoleCommand, progress_line
from console.provisioning import provisioning_run
from console.services import university_onboard
from kopru.errors import ServiceError


class Command(ConsoleCommand):
    help = "Onboard a university: queue its provisioning, or run it here with --sync."

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True)
        for code in settings.LANGUAGE_CODES:
            parser.add_argument(f"--name-{code}", default="")
        parser.add_argument("--short-name", default="")
        parser.add_argument("--country", required=True, help="ISO 3166-1 alpha-2, e.g. TR")
        parser.add_argument("--city", default="")
        parser.add_argument("--languages", required=True, help="comma-separated, e.g. tr,en")
        parser.add_argument("--default-language", required=True)
        parser.add_argument("--erasmus-code", default="")
        parser.add_argument("--website", default="")
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--sync", action="store_true", help="provision in this process and print the progress")

    def handle(self, *args, **options):
        job = university_onboard(
            acting_user=None, slug=options["slug"], short_name=options["short_name"],
            names={code: options[f"name_{code}"] for code in settings.LANGUAGE_CODES},
            country=options["country"], city=options["city"],
            languages=[code.strip() for code in options["languages"].split(",") if code.strip()],
            default_language=options["default_language"], erasmus_code=options["erasmus_code"],
            website=options["website"], admin_email=options["admin_email"], queue=not options["sync"],
        )
        if not options["sync"]:
            self.stdout.write(f"Queued provisioning job {job.pk} for {job.slug}.")
            return
        job = provisioning_run(job_id=job.pk, on_progress=self._show)
        if job.status != job.Status.DONE:
            raise ServiceError(ConsoleError.PROVISIONING_FAILED, f"Provisioning failed: {job.error}")
        self.stdout.write(self.style.SUCCESS(f"{job.slug} is live on {job.slug}.{settings.KOPRU_ROOT_DOMAIN}."))

    def _show(self, job):
        self.stdout.write(progress_line(job))
