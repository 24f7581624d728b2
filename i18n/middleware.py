from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


def enabled_languages(request) -> list[str]:
    """The languages offered on this host: the university's own, or all of them on the root domain."""
    university = getattr(request, "tenant", None)
    if university is None or university.is_public:
        return list(settings.LANGUAGE_CODES)
    return [code for code in settings.LANGUAGE_CODES if code in university.languages]


def choose_language(request) -> str:
    """The user's own choice, then the university's default, then the browser's."""
    enabled = enabled_languages(request)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in enabled:
        return user.language
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in enabled:
        return request.COOKIES[settings.LANGUAGE_COOKIE_NAME]
    university = getattr(request, "tenant", None)
    if university is not None and not university.is_public and university.default_language in enabled:
        return university.default_language
    browser = translation.get_language_from_request(request)
    return browser if browser in enabled else enabled[0]


class LanguageMiddleware:
    """Activates the chosen language for the request (placed after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = choose_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie", "Authorization"))
        # The view may have switched language since (the API's token authentication does).
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
