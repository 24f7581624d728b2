"""Writes about a person's own account: language, sign-in, second factor, API token."""

import hashlib
import math

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.db import connection, transaction
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from core.accounts.models import User
from core.audit.services import audit_record
from core.office.permissions import membership_of
from kopru.errors import ServiceError


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    if language not in settings.LANGUAGE_CODES:
        raise ValueError(language)
    user.language = language
    user.save(update_fields=["language"])
    audit_record(actor=user, action="user.language_changed", target=user, details={"language": language})
    return user


# --- Failed sign-ins -------------------------------------------------------------------------
# Counted per university and username (one account guessed from many places) and per
# university and address (many accounts guessed from one place). The address is the
# connection's own: a forwarded-for header is the client's word and would let it reset its count.


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _failure_keys(*, username: str, address: str) -> list[str]:
    schema = connection.schema_name
    account = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    return [f"kopru:login-failures:{schema}:user:{account}", f"kopru:login-failures:{schema}:addr:{address}"]


def _locked_error() -> ServiceError:
    minutes = max(1, math.ceil(settings.KOPRU_LOGIN_LOCKOUT_SECONDS / 60))
    return ServiceError(
        "login_locked",
        gettext("Too many failed sign-in attempts. Wait %(minutes)s min and try again.") % {"minutes": minutes},
        status_code=429,
    )


def login_check_not_locked(*, username: str, address: str) -> None:
    counts = cache.get_many(_failure_keys(username=username, address=address)).values()
    if any(count >= settings.KOPRU_LOGIN_ATTEMPTS for count in counts):
        raise _locked_error()


def login_failure_record(*, username: str, address: str) -> None:
    """Count a failure; at the limit the count is kept for the whole lockout period from now."""
    for key in _failure_keys(username=username, address=address):
        cache.add(key, 0, settings.KOPRU_LOGIN_LOCKOUT_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            count = 1
            cache.set(key, count, settings.KOPRU_LOGIN_LOCKOUT_SECONDS)
        if count >= settings.KOPRU_LOGIN_ATTEMPTS:
            cache.touch(key, settings.KOPRU_LOGIN_LOCKOUT_SECONDS)


def login_failures_clear(*, username: str, address: str) -> None:
    # Only the account's count: one good password must not reset an address that guesses at others.
    cache.delete(_failure_keys(username=username, address=address)[0])


def authenticate_user(*, request, username: str, password: str) -> User:
    """The first step of every sign-in (form and API): password, behind the failure limit."""
    address = client_address(request)
    login_check_not_locked(username=username, address=address)
    user = authenticate(request, username=username, password=password)
    if user is None:
        login_failure_record(username=username, address=address)
        login_check_not_locked(username=username, address=address)
        raise ServiceError("invalid_credentials", gettext("The username or password is not correct."))
    return user


# --- Second factor ---------------------------------------------------------------------------


def two_factor_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_verify(*, request, user: User, device: TOTPDevice, code: str) -> None:
    """The second step of a sign-in; wrong codes count as failed sign-ins."""
    address = client_address(request)
    login_check_not_locked(username=user.username, address=address)
    if not device.verify_token((code or "").strip()):
        login_failure_record(username=user.username, address=address)
        login_check_not_locked(username=user.username, address=address)
        message = gettext("The code is not correct.")
        raise ServiceError("otp_invalid", message, fields={"otp": [message]})
    login_failures_clear(username=user.username, address=address)


def two_factor_start(*, user: User) -> TOTPDevice:
    """A fresh, unconfirmed authenticator key for the user to scan (the previous unconfirmed one is reused)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def two_factor_confirm(*, user: User, code: str) -> TOTPDevice:
    """Switch the second factor on once the user proves their app shows the right code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token((code or "").strip()):
        message = gettext("The code is not correct.")
        raise ServiceError("otp_invalid", message, fields={"otp": [message]})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit_record(actor=user, action="two_factor.enabled", target=user)
    return device


def two_factor_disable(*, user: User, code: str) -> None:
    membership = membership_of(user)
    if membership is not None and membership.two_factor_required:
        raise ServiceError("two_factor_required", gettext("Your office requires two-factor authentication for you."))
    device = two_factor_device(user)
    if device is None:
        return
    if not device.verify_token((code or "").strip()):
        message = gettext("The code is not correct.")
        raise ServiceError("otp_invalid", message, fields={"otp": [message]})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        audit_record(actor=user, action="two_factor.disabled", target=user)


# --- API token -------------------------------------------------------------------------------


def api_token_obtain(*, request, username: str, password: str, otp: str = "") -> Token:
    """The API's sign-in: the same failure limit and the same second-factor rule as the form."""
    user = authenticate_user(request=request, username=username, password=password)
    device = two_factor_device(user)
    if device is not None:
        if not otp:
            message = gettext("Enter the code from your authenticator app.")
            raise ServiceError("otp_required", message, fields={"otp": [message]})
        two_factor_verify(request=request, user=user, device=device, code=otp)
    else:
        membership = membership_of(user)
        if membership is not None and membership.two_factor_required:
            raise ServiceError(
                "two_factor_setup_required",
                gettext("Your office requires two-factor authentication: set it up on the web first."),
                status_code=403,
            )
        login_failures_clear(username=username, address=client_address(request))
    with transaction.atomic():
        token, created = Token.objects.get_or_create(user=user)
        if created:
            audit_record(actor=user, action="user.api_token_created", target=user)
    return token
