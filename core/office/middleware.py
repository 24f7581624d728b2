from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from core.office.permissions import two_factor_missing, two_factor_unverified

# Pages a person must still reach while setting up their second factor.
OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/api/auth/")


class TwoFactorSetupMiddleware:
    """A person who must have a second factor (every platform admin on the console; office people when
    their office requires it) sets it up before reaching anything else, and signs in with it.

    Token-authenticated API calls are held back by the permission rules instead
    (core.office.permissions.can), since their user is known only inside the API view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if two_factor_unverified(request.user):
            logout(request)  # a session from before its second factor was required or set up: sign in again
        elif two_factor_missing(request.user) and not request.path.startswith(OPEN_PREFIXES):
            if request.path.startswith("/api/"):
                message = gettext("Your account requires two-factor authentication: set it up on the web first.")
                return JsonResponse({"error": {"code": "two_factor_setup_required", "message": message}}, status=403)
            return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
