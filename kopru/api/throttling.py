"""How often the API answers one client: per address when anonymous, per user when signed in.

The rates are REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] (from the environment), read at each
request: DRF's own classes copy them once at import, so a changed setting would not apply.
Counters live in the cache, whose keys start with the university's schema
(django_tenants.cache.make_key): user 7 of one university and user 7 of another, or two
universities' visitors behind one address, never share a counter. Refusals answer 429 in the
API's error shape (kopru/api/errors.py), with the seconds to wait.
"""

from rest_framework import throttling
from rest_framework.settings import api_settings


class _RatesFromSettings:
    @property
    def THROTTLE_RATES(self):  # noqa: N802 - the name DRF reads
        return api_settings.DEFAULT_THROTTLE_RATES


class AnonThrottle(_RatesFromSettings, throttling.AnonRateThrottle):
    """Anonymous clients (the token endpoint, mostly), by address as NUM_PROXIES reads it."""


class UserThrottle(_RatesFromSettings, throttling.UserRateThrottle):
    """Signed-in clients, by user, whether by token or by session."""
