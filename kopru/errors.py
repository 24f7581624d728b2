from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from rest_framework import status


class ServiceError(Exception):
    """A rule of a service was broken: `code` is stable for clients, `message` is for people.

    Views show the message; the API answers it in its error shape (kopru/api/errors.py), with a
    Retry-After header when `retry_after` says in how many seconds the request may be made again.
    """

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, code: str, message: str, *, fields: dict | None = None, status_code: int | None = None,
                 retry_after: int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.fields = fields or {}
        self.retry_after = retry_after
        if status_code is not None:
            self.status_code = status_code


def invalid(fields: dict) -> ServiceError:
    """The error of fields that break their rules, each named with its messages."""
    return ServiceError("invalid", gettext("Some fields are not valid."), fields=fields)


def full_clean_or_refuse(instance, **options) -> None:
    """`instance.full_clean(**options)`, its ValidationError raised as `invalid`."""
    try:
        instance.full_clean(**options)
    except ValidationError as error:
        raise invalid(error.message_dict) from error
