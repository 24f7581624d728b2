"""DRF's authentication, made to speak the API's language.

TokenAuthentication also applies the signed-in user's language: LanguageMiddleware
runs before DRF knows who sent a token, so a token client would otherwise get the
university's default instead of the language they chose. SessionAuthentication
refuses a missing CSRF token with a translated message and its own code.
"""

import drf_spectacular.authentication
from django.utils import translation
from django.utils.translation import gettext
from rest_framework import authentication, exceptions

from i18n.middleware import enabled_languages


class TokenAuthentication(authentication.TokenAuthentication):
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


class SessionScheme(drf_spectacular.authentication.SessionScheme):
    """Describes Köprü's SessionAuthentication in the OpenAPI schema as DRF's own."""

    target_class = SessionAuthentication
