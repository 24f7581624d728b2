from rest_framework import status


class ServiceError(Exception):
    """A rule of a service was broken: `code` is stable for clients, `message` is for people.

    Views show the message; the API answers it in its error shape (kopru/api/errors.py).
    """

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, code: str, message: str, *, fields: dict | None = None, status_code: int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.fields = fields or {}
        if status_code is not None:
            self.status_code = status_code
