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


class _WindowCounter(throttling.SimpleRateThrottle):
    """One counter per client and window of the rate (a minute for "60/min").

    DRF's own throttles keep the time of every request in the window and read and write that
    whole list on each request: at 1,200 a minute that is a list of 1,200 entries per request.
    A counter costs one incr (and an add once per window), whatever the rate. The price is the window's edge: a
    client may spend one window's allowance at its end and the next one's at the start.
    """

    @property
    def THROTTLE_RATES(self):  # noqa: N802 - the name DRF reads
        return api_settings.DEFAULT_THROTTLE_RATES

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        client = self.get_cache_key(request, view)
        if client is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        key = f"{client}:{window}"
        # The key names its window, so the file cache's incr() renewing the timeout is harmless.
        try:
            count = self.cache.incr(key)
        except ValueError:  # the window's first request
            count = 1 if self.cache.add(key, 1, self.duration) else self.cache.incr(key)
        self.seconds_left = (window + 1) * self.duration - now
        return count <= self.num_requests

    def wait(self):
        return self.seconds_left


class AnonThrottle(_WindowCounter, throttling.AnonRateThrottle):
    """Anonymous clients (the token endpoint, mostly), by address as NUM_PROXIES reads it."""


class UserThrottle(_WindowCounter, throttling.UserRateThrottle):
    """Signed-in clients, by user, whether by token or by session."""
