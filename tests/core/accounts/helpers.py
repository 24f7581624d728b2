"""Helpers for tests that sign people in on a university's host, with a session or an API token."""

import base64
import secrets

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from core.accounts.models import ApiToken
from tests.conftest import host_of
from tests.factories.accounts import PASSWORD


def sign_in(client, university, user):
    """A session for the user, stored in the university's own schema (where its host looks for it).

    A user with an authenticator is signed in with it, as the code step of the sign-in does.
    """
    with schema_context(university.schema_name):
        client.force_login(user)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
    return client


def sign_in_with_password(client, username: str, password: str = PASSWORD):
    """The sign-in form posted as a person posts it; the response is the form's answer."""
    return client.post("/accounts/login/", {"username": username, "password": password})


def token_for(university, user, *, name: str = "") -> str:
    """The value of a new API token of the user (a client of its own unless named), in the user's schema."""
    with schema_context(university.schema_name):
        return ApiToken.objects.create(user=user, name=name or f"tests-{secrets.token_hex(4)}")[1]


def api(university, user) -> Client:
    """A client on the university's host that sends a new API token of the user."""
    return Client(HTTP_HOST=host_of(university), HTTP_AUTHORIZATION=f"Token {token_for(university, user)}")


def profile_by_token(host: str, token: str):
    """GET /api/me/ on the host with the token: 200 while the token is good there, 401 otherwise."""
    return Client(HTTP_HOST=host).get("/api/me/", HTTP_AUTHORIZATION=f"Token {token}")


def add_authenticator(university, user) -> TOTPDevice:
    with schema_context(university.schema_name):
        return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def authenticator_shown(page) -> TOTPDevice:
    """The authenticator the two-factor setup page shows, as the person's app holds it (nothing is saved)."""
    return TOTPDevice(key=base64.b32decode(page.context["secret"]).hex())


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
