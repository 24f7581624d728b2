from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from i18n.middleware import enabled_languages
from i18n.signals import language_chosen


@require_POST
def switch_language(request):
    """The language switcher: remembers the choice on the user, or in a cookie for visitors."""
    language = request.POST.get("language", "")
    if language not in enabled_languages(request):
        return HttpResponseBadRequest(gettext("This language is not offered here."))
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    if request.user.is_authenticated:
        language_chosen.send(sender=switch_language, user=request.user, language=language)
    response = HttpResponseRedirect(target)
    # Host-only (no domain, path /): one university's choice never reaches another's host; in production
    # the name has the __Host- prefix, which browsers accept only on a Secure cookie.
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax",
                        path="/", secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure())
    return response
