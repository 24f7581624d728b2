"""What the console's commands share: finding a university and showing a service's refusal."""

from django.core.management.base import CommandError
from django.http import Http404

from kopru.errors import ServiceError
from tenants.selectors import university_for_console


def university_by_slug(slug: str):
    try:
        return university_for_console(slug)
    except Http404 as error:
        raise CommandError(f"No university with the address {slug!r}.") from error


def command_error(error: ServiceError) -> CommandError:
    details = "; ".join(f"{field}: {' '.join(map(str, messages))}" for field, messages in error.fields.items())
    return CommandError(f"{error.message} {details}".strip())


def progress_line(job) -> str:
    doing = job.get_step_display() if job.status == job.Status.RUNNING and job.step else job.get_status_display()
    return f"{job.slug} [{job.progress:3d}%] {doing}"
