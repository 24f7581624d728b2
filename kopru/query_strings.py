"""Addresses with a NUL character are refused (400) before any view reads them.

PostgreSQL can neither store nor compare text holding NUL (0x00), so a filter such as
`?country=%00` or `?q=%00` would fail in the database as a server error, on every list of the
pages and the API alike. No address Köprü makes holds one, so the request is refused whole:
in the API's error shape under /api/, as Django's "Bad Request" page elsewhere. (Bodies need no
such guard: DRF's and Django's form fields refuse NUL in text already.)
"""

from urllib.parse import unquote

from django.http import JsonResponse
from django.utils.translation import gettext
from django.views import defaults

from kopru.api.errors import error_body


def holds_nul(request) -> bool:
    return "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", ""))


class NulRefusalMiddleware:
    """Placed after the language middleware, so the refusal is in the reader's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not holds_nul(request):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            message = gettext("The address holds a NUL character, which no parameter may contain.")
            return JsonResponse(error_body("invalid_query", message), status=400)
        return defaults.bad_request(request, exception=None)
