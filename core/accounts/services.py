"""Writes about a person's account: language, sign-in, password, second factor, sessions, API tokens."""

import math

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.conf import settings
from django.contrib.auth import SESSION_KEY, authenticate
from django.contrib.auth.signals import user_login_failed
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from core.accounts.errors import AccountError
from core.accounts.models import ApiToken, User
from core.accounts.sign_in_limits import client_address, sign_in_hold
from core.accounts.two_factor_policy import two_factor_required
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from kopru.errors import ServiceError
from kopru.text import clean_text


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    if language not in settings.LANGUAGE_CODES:
        raise ValueError(language)
    user.language = language
    user.save(update_fields=["language"])
    audit_record(actor=user, action=AuditAction.USER_LANGUAGE_CHANGED, target=user, details={"language": language})
    return user


# --- Sign-in limits --------------------------------------------------------------------------
# Every step of a sign-in (password and second factor; form, console and API) passes here: a try
# waits while its account or address is held back (core/accounts/sign_in_limits.py), django-axes
# records each failure, and successes, failures and refusals are audited in the schema signed in
# to. Nothing here runs in a transaction: a refused sign-in must keep its records.

def _sign_in_details(request, username: str, **more) -> dict:
    return {"username": username, "address": client_address(request), **more}


def sign_in_check_allowed(*, request, username: str) -> None:
    """Refuse (429, saying how long to wait) while this account or this address is held back."""
    hold = sign_in_hold(request=request, username=username)
    if hold is None:
        return
    audit_record(actor=None, action=AuditAction.SIGN_IN_THROTTLED,
                 details=_sign_in_details(request, username, reason=hold.reason, wait_seconds=hold.seconds))
    if hold.reason == "address":
        message = gettext("Too many failed sign-in attempts from your address. Wait %(minutes)s min and try again.")
    else:
        message = gettext("Too many failed sign-in attempts. Wait %(minutes)s min and try again.")
    raise ServiceError(AccountError.SIGN_IN_THROTTLED, message % {"minutes": math.ceil(hold.seconds / 60)},
                       retry_after=hold.seconds)


def sign_in_failure_record(*, request, username: str, step: str) -> None:
    """Audit a wrong password or code (axes has counted it); refuse if the next try must now wait."""
    audit_record(actor=None, action=AuditAction.SIGN_IN_FAILED, details=_sign_in_details(request, username, step=step))
    sign_in_check_allowed(request=request, username=username)


def sign_in_success_record(*, request, user: User) -> None:
    """The whole sign-in went through: the account's failures at this address are forgotten."""
    AxesProxyHandler.get_implementation().reset_user_attempts(request, get_credentials(user.username))
    audit_record(actor=user, action=AuditAction.SIGN_IN_SUCCEEDED, target=user,
                 details=_sign_in_details(request, user.username))


def authenticate_user(*, request, username: str, password: str) -> User:
    """The first step of every sign-in (form, console and API): the password, behind the sign-in limits."""
    sign_in_check_allowed(request=request, username=username)
    user = authenticate(request, username=username, password=password)  # announces a failure to axes
    if user is None:
        sign_in_failure_record(request=request, username=username, step="password")
        raise ServiceError(AccountError.INVALID_CREDENTIALS, gettext("The username or password is not correct."))
    return user


# --- Second factor ---------------------------------------------------------------------------


def two_factor_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_verify(*, request, user: User, device: TOTPDevice, code: str) -> None:
    """The second step of a sign-in; wrong codes count as failed sign-ins."""
    sign_in_check_allowed(request=request, username=user.username)
    if not _second_factor_accepts(user=user, device=device, code=code):
        # Announced as Django announces a wrong password, so axes counts it the same way.
        user_login_failed.send(sender=__name__, credentials=get_credentials(user.username), request=request)
        sign_in_failure_record(request=request, username=user.username, step="code")
        raise _code_error()


def two_factor_pending(*, user: User, key: str = "") -> TOTPDevice:
    """The authenticator the user is setting up: the unconfirmed one a first code saved, else one with `key`
    (or a fresh key). Nothing is saved here: showing the setup page writes nothing, two_factor_confirm does."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice(user=user, name="authenticator", confirmed=False, key=key or default_key())


def _code_error() -> ServiceError:
    message = gettext("The code is not correct.")
    return ServiceError(AccountError.OTP_INVALID, message, fields={"otp": [message]})


def _second_factor_accepts(*, user: User, device: TOTPDevice, code: str) -> bool:
    """A code from the authenticator app, or one of the user's recovery codes (each good once)."""
    code = (code or "").strip()
    if code.isdigit() and len(code) == device.digits:
        return device.verify_token(code)
    recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if recovery is None or not recovery.verify_token(code.lower()):
        return False
    audit_record(actor=user, action=AuditAction.TWO_FACTOR_RECOVERY_CODE_USED, target=user,
                 details={"left": recovery.token_set.count()})
    return True


def _recovery_codes_issue(user: User) -> list[str]:
    """A new set of recovery codes in place of the old one; only here are they seen in the clear."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    codes = [StaticToken.random_token() for _index in range(settings.KOPRU_RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def _second_factor_delete(user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def two_factor_confirm(*, user: User, code: str, key: str = "",
                       keep_session_key: str | None = None) -> tuple[TOTPDevice, list[str]]:
    """Switch the second factor on once the user proves their app shows the right code.

    `key` is the one two_factor_pending showed; the first code saves it as the unconfirmed authenticator,
    so wrong codes count against it. Every other session and every API token of the user ends: whoever
    signed in with the password alone is out. Returns the device and the recovery codes, to be shown once.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None and key:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False, key=key)
    if device is None or not device.verify_token((code or "").strip()):
        raise _code_error()
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _recovery_codes_issue(user)
        ended = user_sign_out_everywhere(user=user, keep_session_key=keep_session_key)
        audit_record(actor=user, action=AuditAction.TWO_FACTOR_ENABLED, target=user, details=ended)
    return device, codes


def recovery_codes_renew(*, user: User, code: str) -> list[str]:
    """New recovery codes (the old ones stop working), for a user who shows a code from their app."""
    device = two_factor_device(user)
    if device is None or not device.verify_token((code or "").strip()):
        raise _code_error()
    with transaction.atomic():
        codes = _recovery_codes_issue(user)
        audit_record(actor=user, action=AuditAction.TWO_FACTOR_RECOVERY_CODES_RENEWED, target=user)
    return codes


def two_factor_disable(*, user: User, code: str) -> None:
    if two_factor_required(user):
        raise ServiceError(AccountError.TWO_FACTOR_REQUIRED,
                           gettext("Two-factor authentication is required for your account; it stays on."))
    device = two_factor_device(user)
    if device is None:
        return
    if not device.verify_token((code or "").strip()):
        raise _code_error()
    with transaction.atomic():
        _second_factor_delete(user)
        audit_record(actor=user, action=AuditAction.TWO_FACTOR_DISABLED, target=user)


@transaction.atomic(durable=True)
def two_factor_reset(*, person: User, acting_user: User) -> None:
    """An office admin takes away another person's second factor (a lost phone): their authenticator,
    recovery codes, sessions and API tokens all end; they set up a new one when they next sign in."""
    if person.pk == acting_user.pk:
        raise ServiceError(AccountError.TWO_FACTOR_RESET_SELF,
                           gettext("Switch your own two-factor authentication off on its own page."))
    _second_factor_delete(person)
    ended = user_sign_out_everywhere(user=person)
    audit_record(actor=acting_user, action=AuditAction.TWO_FACTOR_RESET, target=person, details=ended)


# --- Password and sessions -------------------------------------------------------------------


def user_sessions_end(*, user: User, keep_session_key: str | None = None) -> int:
    """Delete the user's sessions, but the one to keep; returns how many ended.

    Sessions sit in the user's own schema, and name their user only inside their signed data,
    so every unexpired session of the schema is read: an office keeps hundreds, not millions.
    """
    sessions = Session.objects.filter(expire_date__gt=timezone.now()).exclude(session_key=keep_session_key)
    keys = [session.session_key for session in sessions.iterator()
            if session.get_decoded().get(SESSION_KEY) == str(user.pk)]
    Session.objects.filter(session_key__in=keys).delete()
    return len(keys)


def user_sign_out_everywhere(*, user: User, keep_session_key: str | None = None) -> dict[str, int]:
    """End the user's sessions (but the one to keep) and revoke all their API tokens; returns the counts."""
    tokens, _by_model = ApiToken.objects.filter(user=user).delete()
    return {"sessions_ended": user_sessions_end(user=user, keep_session_key=keep_session_key),
            "tokens_revoked": tokens}


@transaction.atomic
def user_set_password(*, user: User, password: str, keep_session_key: str | None = None) -> User:
    """A new password (already validated by the form) ends every session but the one to keep, and every API token."""
    user.set_password(password)
    user.save(update_fields=["password"])
    ended = user_sign_out_everywhere(user=user, keep_session_key=keep_session_key)
    audit_record(actor=user, action=AuditAction.USER_PASSWORD_CHANGED, target=user, details=ended)
    return user


# --- API tokens ------------------------------------------------------------------------------

DEFAULT_CLIENT_NAME = "default"


@transaction.atomic
def api_token_create(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A token for one client of the user, replacing the client's previous one (same name).

    Returns the token and its value: only its hash is stored, so the value is seen here once.
    """
    User.objects.select_for_update().filter(pk=user.pk).first()  # one issue at a time per user
    name = clean_text(name).strip() or DEFAULT_CLIENT_NAME
    now = timezone.now()
    ApiToken.objects.filter(user=user, expiry__lte=now).delete()
    replaced, _by_model = ApiToken.objects.filter(user=user, name=name).delete()
    if ApiToken.objects.filter(user=user).count() >= settings.KOPRU_API_TOKENS_PER_USER:
        raise ServiceError(AccountError.TOKEN_LIMIT, gettext(
            "You hold %(count)d API tokens already; revoke one you no longer use first."
        ) % {"count": settings.KOPRU_API_TOKENS_PER_USER})
    token, value = ApiToken.objects.create(user=user, name=name)
    audit_record(actor=user, action=AuditAction.USER_API_TOKEN_CREATED, target=user,
                 details={"name": name, "replaced": bool(replaced)})
    return token, value


@transaction.atomic(durable=True)
def api_token_revoke(*, token: ApiToken, acting_user: User) -> None:
    token.delete()
    audit_record(actor=acting_user, action=AuditAction.USER_API_TOKEN_REVOKED,
                 target=token.user, details={"name": token.name})


def api_token_obtain(*, request, username: str, password: str, otp: str = "",
                     name: str = "") -> tuple[ApiToken, str]:
    """The API's sign-in: the same failure limit and the same second-factor rule as the form."""
    user = authenticate_user(request=request, username=username, password=password)
    device = two_factor_device(user)
    if device is not None:
        if not otp:
            message = gettext("Enter the code from your authenticator app.")
            raise ServiceError(AccountError.OTP_REQUIRED, message, fields={"otp": [message]})
        two_factor_verify(request=request, user=user, device=device, code=otp)
    elif two_factor_required(user):
        raise ServiceError(
            AccountError.TWO_FACTOR_SETUP_REQUIRED,
            gettext("Your account requires two-factor authentication: set it up on the web first."),
        )
    sign_in_success_record(request=request, user=user)
    return api_token_create(user=user, name=name)
