"""DRF's authentication, made to speak the API's language.

TokenAuthentication is django-rest-knox's (hashed, expiring tokens, looked up in the
schema of the host's university only: a token of another university is unknown here,
401). It also applies the signed-in user's language: LanguageMiddleware runs before
DRF knows who sent a token, so a token client would otherwise get the university's
default instead of the language they chose. SessionAuthentication refuses a missing
CSRF token with a translated message and its own code.
"""

import drf_spectacular.authentication
from django.utils import timezone, translation
from django.utils.translation import gettext
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework import authentication, exceptions

from i18n.middleware import enabled_languages


class TokenAuthentication(KnoxTokenAuthentication):
    def authenticate_credentials(self, token: bytes):
        try:
            token.decode()
        except UnicodeDecodeError:  # knox would fail on it; no token of ours has such bytes
            raise exceptions.AuthenticationFailed() from None
        return super().authenticate_credentials(token)

    def _cleanup_token(self, auth_token) -> bool:
        """Whether the presented token has expired (it is deleted then).

        knox also reads every other token of the user here, on every request, to delete the
        expired ones; Köprü deletes those when the user next obtains a token, and never lists them.
        """
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            auth_token.delete()
            return True
        return False

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            user, _token = result
            if user.language and user.language in enabled_languages(request._request):
                translation.activate(user.language)
                request._request.LANGUAGE_CODE = user.language
        return result


class SessionAuthentication(authentication.SessionAuthentication):
    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            message = gettext("Send the CSRF token (the csrftoken cookie) in the X-CSRFToken header.")
            raise exceptions.PermissionDenied(message, code="csrf_failed") from None


class TokenScheme(KnoxTokenScheme):
    """Describes Köprü's TokenAuthentication in the OpenAPI schema as knox's own."""

    target_class = TokenAuthentication
    name = "tokenAuth"


class SessionScheme(drf_spectacular.authentication.SessionScheme):
    """Describes Köprü's SessionAuthentication in the OpenAPI schema as DRF's own."""

    target_class = SessionAuthentication
