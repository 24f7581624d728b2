"""Running management commands in tests."""

from io import StringIO

from django.core.management import call_command


def command_output(*args, **options) -> str:
    """What the command prints on its standard output."""
    out = StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()
