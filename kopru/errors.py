"""The errors services raise: a stable code from the app's own enum, and a message for people.

Each app lists its codes in an ErrorCode enum (core/<app>/errors.py); clients branch on the
code, people read the message. The domain knows no HTTP: the web and the API choose the
status of each code in kopru/statuses.py.
"""

from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy

NOT_FOUND_MESSAGE = gettext_lazy("Nothing was found at this address.")


class ErrorCode(StrEnum):
    """The base of every app's error codes; a code's value is what clients see."""


class CommonError(ErrorCode):
    INVALID = "invalid"
    NAME_REQUIRED = "name_required"
    NOT_FOUND = "not_found"


class ServiceError(Exception):
    """A rule of a service was broken: `code` is stable for clients, `message` is for people.

    `retry_after` says in how many seconds the same request may succeed, when waiting helps.
    """

    def __init__(self, code: ErrorCode, message: str, *, fields: dict | None = None, retry_after: int | None = None):
        if not isinstance(code, ErrorCode):
            raise TypeError(f"An error code comes from an app's ErrorCode enum, not {code!r}.")
        super().__init__(message)
        self.code = code
        self.message = message
        self.fields = fields or {}
        self.retry_after = retry_after


class NotFound(ServiceError):
    """What a selector raises for a record that is missing or out of the reader's reach: the two look the same."""

    def __init__(self, message: str | None = None):
        super().__init__(CommonError.NOT_FOUND, message or str(NOT_FOUND_MESSAGE))


def invalid(fields: dict) -> ServiceError:
    """The error of fields that break their rules, each named with its messages."""
    return ServiceError(CommonError.INVALID, gettext("Some fields are not valid."), fields=fields)


def full_clean_or_refuse(instance, **options) -> None:
    """`instance.full_clean(**options)`, its ValidationError raised as `invalid`."""
    try:
        instance.full_clean(**options)
    except ValidationError as error:
        raise invalid(error.message_dict) from error
