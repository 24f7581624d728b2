"""Running a service from a page: its refusal shown on the form or as a message, its success as a message.

Views call `run_service` instead of repeating try/except ServiceError; what they do next (redirect,
render the form again) stays in the view, where it reads.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages

from kopru.errors import ServiceError


@dataclass(frozen=True)
class ServiceRun:
    """What `run_service` did: `ok`, the service's `result` when it succeeded, the `error` when it refused."""

    ok: bool
    result: Any = None
    error: ServiceError | None = None


def add_service_error(form: forms.Form, error: ServiceError) -> None:
    """Show a service's refusal on the form: under the fields it names, or above the form."""
    named = {name: messages for name, messages in error.fields.items() if name in form.fields}
    for name, field_messages in named.items():
        for message in field_messages:
            form.add_error(name, message)
    if not named:
        form.add_error(None, error.message)


def run_service(request, call: Callable[[], Any], *, form: forms.Form | None = None,
                success_message: str | None = None) -> ServiceRun:
    """Call `call()` (a service with its arguments bound).

    A refusal lands on `form` when there is one (the page shows the form again), else in an error
    message for the next page; a success says `success_message`, when given.
    """
    try:
        result = call()
    except ServiceError as error:
        if form is not None:
            add_service_error(form, error)
        else:
            messages.error(request, error.message)
        return ServiceRun(ok=False, error=error)
    if success_message:
        messages.success(request, success_message)
    return ServiceRun(ok=True, result=result)
