"""One JSON shape for every API error: {"error": {"code", "message", "fields"?}}.

Clients branch on the stable code; people read the message, rendered in the
request's language when the response is made. DRF's stock codes get Köprü's
messages (DRF has no Kyrgyz catalogue, and its texts vary for one code); an error
that needs its own message raises it with its own code, e.g.
PermissionDenied(message, code="csrf_failed"), and keeps both.

Errors raised outside DRF views (an unknown URL, a body over Django's limits, an
unhandled exception) reach Django's handlers: `not_found`, `bad_request` and
`server_error` answer JSON under /api/ and the usual pages elsewhere.
"""

from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from kopru.errors import NOT_FOUND_MESSAGE, ServiceError
from kopru.statuses import status_of

MESSAGES = {
    "parse_error": _("The request body could not be read. Send valid JSON."),
    "not_authenticated": _("Sign in first: send a token or a session cookie."),
    "authentication_failed": _("The token or session is not valid. Sign in again."),
    "permission_denied": _("You are not allowed to do this."),
    "not_found": NOT_FOUND_MESSAGE,
    "method_not_allowed": _("This method is not allowed at this address."),
    "not_acceptable": _("This address cannot answer in the format you asked for."),
    "unsupported_media_type": _("This address does not accept the format you sent."),
    "server_error": _("Something went wrong on our side. The error has been logged."),
    "bad_request": _("The request could not be understood."),
    "too_large": _("The request is too large: send less data, or fewer fields or files, at once."),
    "query_too_long": _("The query holds more values than the server accepts: ask for fewer at once."),
}
# Django refuses these while it reads a body; the API answers them in its own shape.
TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def _too_large(request, exc) -> tuple[dict, int]:
    """A body over the limits is 413; a query with too many values (a GET's) is a bad request, 400."""
    if isinstance(exc, TooManyFieldsSent) and request.method in ("GET", "HEAD"):
        return error_body("query_too_long", MESSAGES["query_too_long"]), 400
    return error_body("too_large", MESSAGES["too_large"]), 413


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    body = {"code": code, "message": str(message)}
    if fields:
        body["fields"] = fields
    return {"error": body}


def _code_of(exc: exceptions.APIException) -> str:
    return exc.detail.code if isinstance(exc.detail, exceptions.ErrorDetail) else exc.default_code


def _message_for(exc: exceptions.APIException, code: str) -> str:
    if isinstance(exc, exceptions.Throttled):
        if exc.wait is None:
            return gettext("Too many requests. Try again later.")
        seconds = max(1, round(exc.wait))
        return ngettext(
            "Too many requests. Try again in %(seconds)d second.",
            "Too many requests. Try again in %(seconds)d seconds.",
            seconds,
        ) % {"seconds": seconds}
    if code in MESSAGES:
        return str(MESSAGES[code])
    return str(exc.detail)


def exception_handler(exc, context):
    if isinstance(exc, ServiceError):
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after is not None else None
        return Response(error_body(exc.code, exc.message, exc.fields), status=status_of(exc), headers=headers)
    if isinstance(exc, TOO_LARGE):
        body, status = _too_large(context["request"], exc)
        return Response(body, status=status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: Django logs it and `server_error` answers
    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = error_body("invalid", gettext("Some fields are not valid."), fields)
    else:
        code = _code_of(exc)
        response.data = error_body(code, _message_for(exc, code))
    return response


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def not_found(request, exception):
    if _is_api(request):
        return JsonResponse(error_body("not_found", MESSAGES["not_found"]), status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception):
    """Requests Django refuses before a view runs: a body over the limits, a malformed query or host."""
    if _is_api(request):
        if isinstance(exception, TOO_LARGE):
            body, status = _too_large(request, exception)
            return JsonResponse(body, status=status)
        return JsonResponse(error_body("bad_request", MESSAGES["bad_request"]), status=400)
    return defaults.bad_request(request, exception)


def server_error(request):
    if _is_api(request):
        return JsonResponse(error_body("server_error", MESSAGES["server_error"]), status=500)
    return defaults.server_error(request)
