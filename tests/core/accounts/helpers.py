"""Helpers for tests that sign people in on a university's host."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context
from rest_framework.authtoken.models import Token


def sign_in(client, university, user):
    """A session for the user, stored in the university's own schema (where its host looks for it)."""
    with schema_context(university.schema_name):
        client.force_login(user)
    return client


def token_for(university, user) -> str:
    with schema_context(university.schema_name):
        return Token.objects.get_or_create(user=user)[0].key


def add_authenticator(university, user) -> TOTPDevice:
    with schema_context(university.schema_name):
        return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now; a step ahead gives a fresh one when `now`'s is spent."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead)
    return f"{code:0{device.digits}d}"


def in_english(client):
    """Pages in English, whatever the university's default, so assertions can read the messages."""
    client.cookies["kopru_language"] = "en"
    return client


def forget_throttle(university, device: TOTPDevice) -> None:
    """django-otp makes a device wait after a wrong code; tests do not wait."""
    with schema_context(university.schema_name):
        TOTPDevice.objects.filter(user=device.user).update(throttling_failure_count=0,
                                                           throttling_failure_timestamp=None)
