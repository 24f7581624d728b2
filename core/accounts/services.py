"""Writes about a person's own account: language, sign-in, second factor, API token."""

import math

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from core.accounts.models import User
from core.accounts.sign_in_limits import client_address, sign_in_hold
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


# --- Sign-in limits --------------------------------------------------------------------------
# Every step of a sign-in (password and second factor; form, console and API) passes here: a try
# waits while its account or address is held back (core/accounts/sign_in_limits.py), django-axes
# records each failure, and successes, failures and refusals are audited in the schema signed in
# to. Nothing here runs in a transaction: a refused sign-in must keep its records.

SIGN_IN_THROTTLED = "sign_in_throttled"


def _sign_in_details(request, username: str, **more) -> dict:
    return {"username": username, "address": client_address(request), **more}


def sign_in_check_allowed(*, request, username: str) -> None:
    """Refuse (429, saying how long to wait) while this account or this address is held back."""
    hold = sign_in_hold(request=request, username=username)
    if hold is None:
        return
    audit_record(actor=None, action="sign_in.throttled",
                 details=_sign_in_details(request, username, reason=hold.reason, wait_seconds=hold.seconds))
    if hold.reason == "address":
        message = gettext("Too many failed sign-in attempts from your address. Wait %(minutes)s min and try again.")
    else:
        message = gettext("Too many failed sign-in attempts. Wait %(minutes)s min and try again.")
    raise ServiceError(SIGN_IN_THROTTLED, message % {"minutes": math.ceil(hold.seconds / 60)}, status_code=429)


def sign_in_failure_record(*, request, username: str, step: str) -> None:
    """Audit a wrong password or code (axes has counted it); refuse if the next try must now wait."""
    audit_record(actor=None, action="sign_in.failed", details=_sign_in_details(request, username, step=step))
    sign_in_check_allowed(request=request, username=username)


def sign_in_success_record(*, request, user: User) -> None:
    """The whole sign-in went through: the account's failures at this address are forgotten."""
    AxesProxyHandler.get_implementation().reset_user_attempts(request, get_credentials(user.username))
    audit_record(actor=user, action="sign_in.succeeded", target=user,
                 details=_sign_in_details(request, user.username))


def authenticate_user(*, request, username: str, password: str) -> User:
    """The first step of every sign-in (form, console and API): the password, behind the sign-in limits."""
    sign_in_check_allowed(request=request, username=username)
    user = authenticate(request, username=username, password=password)  # announces a failure to axes
    if user is None:
        sign_in_failure_record(request=request, username=username, step="password")
        raise ServiceError("invalid_credentials", gettext("The username or password is not correct."))
    return user


# --- Second factor ---------------------------------------------------------------------------


def two_factor_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_verify(*, request, user: User, device: TOTPDevice, code: str) -> None:
    """The second step of a sign-in; wrong codes count as failed sign-ins."""
    sign_in_check_allowed(request=request, username=user.username)
    if not device.verify_token((code or "").strip()):
        # Announced as Django announces a wrong password, so axes counts it the same way.
        user_login_failed.send(sender=__name__, credentials=get_credentials(user.username), request=request)
        sign_in_failure_record(request=request, username=user.username, step="code")
        message = gettext("The code is not correct.")
        raise ServiceError("otp_invalid", message, fields={"otp": [message]})


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
    sign_in_success_record(request=request, user=user)
    with transaction.atomic():
        token, created = Token.objects.get_or_create(user=user)
        if created:
            audit_record(actor=user, action="user.api_token_created", target=user)
    return token
