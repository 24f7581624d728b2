"""When a sign-in must wait: growing delays per account and address, and a ceiling per address.

django-axes records every wrong password and second-factor code as an AccessAttempt (username,
client address, browser, failure count, time of the last failure) in the schema of the
university it was tried on, the console's in public, and takes the client address from the
trusted proxy count (kopru/settings/base.py, "Sign-in limits"). Its own lock-out lasts one fixed
cool-off that is also how long failures are remembered, so every lock would start the count
over; here the delays grow while the failures are remembered for AXES_COOLOFF_TIME.

- Account at an address: the first KOPRU_SIGN_IN_FREE_FAILURES failures cost nothing; after each
  further one the next try waits KOPRU_SIGN_IN_DELAY, doubled per failure, at most
  KOPRU_SIGN_IN_MAX_DELAY. Tries from any other address never wait for it, so nobody can keep
  another person out.
- Address: once the accounts that failed at one address within KOPRU_SIGN_IN_ADDRESS_WINDOW
  have KOPRU_SIGN_IN_ADDRESS_FAILURES failures there between them (each account's whole count,
  kept until it is forgotten), every account waits at that address until enough of them have
  aged out of the window. A successful sign-in forgets its account's failures, so people behind
  one network address who mistype now and then do not add up.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone


@dataclass(frozen=True)
class Hold:
    """Why and until when the next try must wait."""

    reason: str  # "account": this account at this address; "address": every account at it
    until: datetime

    @property
    def seconds(self) -> int:
        return max(1, round((self.until - timezone.now()).total_seconds()))


def client_address(request) -> str | None:
    """The address sign-in failures are counted under, as axes resolves it."""
    AxesProxyHandler.update_request(request)
    return request.axes_ip_address


def account_delay(failures: int) -> timedelta:
    """How long an account waits at an address after its `failures`-th failure there."""
    beyond = failures - settings.KOPRU_SIGN_IN_FREE_FAILURES
    if beyond < 0:
        return timedelta(0)
    # The cap is reached long before 2**32; the bound only keeps the product finite.
    return min(settings.KOPRU_SIGN_IN_DELAY * 2 ** min(beyond, 32), settings.KOPRU_SIGN_IN_MAX_DELAY)


def _address_until(attempts, now: datetime) -> datetime | None:
    """When the address is back under its ceiling: once the failure that reached it ages out."""
    window = settings.KOPRU_SIGN_IN_ADDRESS_WINDOW
    recent = attempts.filter(attempt_time__gt=now - window).order_by("-attempt_time")
    counted = 0
    for attempt_time, failures in recent.values_list("attempt_time", "failures_since_start"):
        counted += failures
        if counted >= settings.KOPRU_SIGN_IN_ADDRESS_FAILURES:
            return attempt_time + window
    return None


def sign_in_hold(*, request, username: str) -> Hold | None:
    """Whether a try of `username` from this request's address must wait now (None: it may go ahead)."""
    now = timezone.now()
    attempts = AccessAttempt.objects.filter(ip_address=client_address(request),
                                            attempt_time__gt=now - get_cool_off(request))
    holds = []
    account = attempts.filter(username=username).aggregate(failures=Sum("failures_since_start"),
                                                           last=Max("attempt_time"))
    if account["failures"]:
        holds.append(Hold("account", account["last"] + account_delay(account["failures"])))
    address_until = _address_until(attempts, now)
    if address_until is not None:
        holds.append(Hold("address", address_until))
    longest = max(holds, key=lambda hold: hold.until, default=None)
    return longest if longest is not None and longest.until > now else None
