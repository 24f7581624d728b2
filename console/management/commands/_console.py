"""What the console's commands share: finding a university and showing a service's refusal."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from console.selectors import university_for_console
from kopru.errors import NotFound, ServiceError


def university_by_slug(slug: str):
    try:
        return university_for_console(slug)
    except NotFound as error:
        raise CommandError(f"No university with the address {slug!r}.") from error


BACKUP_KEY_VARIABLE = "KOPRU_BACKUP_KEY"


def add_backup_key_argument(parser, help_text: str) -> None:
    parser.add_argument("--key-file", help=f"{help_text} Without it, the key in ${BACKUP_KEY_VARIABLE}, if set.")


def backup_key(path: str | None) -> bytes | None:
    """The backup key from the file given, else from the environment; surrounding white space is not part of it."""
    if path:
        try:
            with open(path, "rb") as file:
                return file.read().strip()
        except OSError as error:
            raise CommandError(gettext("Cannot read the key file %(path)s: %(reason)s")
                               % {"path": path, "reason": error.strerror}) from error
    key = os.environ.get(BACKUP_KEY_VARIABLE, "").strip()
    return key.encode() if key else None


def command_error(error: ServiceError) -> CommandError:
    details = "; ".join(f"{field}: {' '.join(map(str, messages))}" for field, messages in error.fields.items())
    return CommandError(f"{error.message} {details}".strip())


class ConsoleCommand(BaseCommand):
    """A command that calls the console's services: a refusal ends it with the refusal's message (exit status 1)."""

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except ServiceError as error:
            raise command_error(error) from error


def progress_line(job) -> str:
    doing = job.get_step_display() if job.status == job.Status.RUNNING and job.step else job.get_status_display()
    return f"{job.slug} [{job.progress:3d}%] {doing}"
