"""Sign-in limits: growing delays per account and address, a ceiling per address, the trusted
proxy count, the same rules on the console, the token endpoint and the second factor, each
university on its own, and every outcome in the audit log."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from core.accounts.sign_in_limits import account_delay
from core.audit.models import AuditEntry
from tenants.models import University
from tests.conftest import ROOT_HOST, host_of, make_office_user
from tests.core.accounts.helpers import add_authenticator, code_for, forget_throttle, in_english, sign_in_with_password
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.usefixtures("_three_free_failures")

# One ingress in front (KOPRU_PROXY_COUNT=1), as kopru/settings/base.py maps it for axes.
BEHIND_ONE_PROXY = {"AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR",), "AXES_IPWARE_PROXY_COUNT": 0}


@pytest.fixture
def _three_free_failures():
    with override_settings(KOPRU_SIGN_IN_FREE_FAILURES=3, KOPRU_SIGN_IN_DELAY=timedelta(minutes=1),
                           KOPRU_SIGN_IN_MAX_DELAY=timedelta(hours=1), KOPRU_SIGN_IN_ADDRESS_FAILURES=100):
        yield


def browser_from(university, address: str) -> Client:
    """A browser on the university's host (or the root domain) connecting from `address`."""
    host = host_of(university) if university is not None else ROOT_HOST
    return in_english(Client(HTTP_HOST=host, REMOTE_ADDR=address))


def time_passes(schema: str, **delta) -> None:
    """As if that much time had gone by: every failure the schema remembers is that much older."""
    with schema_context(schema):
        AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(**delta))


def test_failures_hold_the_account_back_at_that_address_with_growing_delays(university_a, admin_a):
    attacker = browser_from(university_a, "203.0.113.9")
    for _attempt in range(2):
        assert sign_in_with_password(attacker, "ayse", "wrong").status_code == 200

    third = sign_in_with_password(attacker, "ayse", "wrong")
    right_too_soon = sign_in_with_password(attacker, "ayse", PASSWORD)

    assert third.status_code == 429
    assert "Too many failed sign-in attempts. Wait 1 min and try again." in third.content.decode()
    assert right_too_soon.status_code == 429  # even the right password waits
    assert browser_from(university_a, "203.0.113.9").get("/").status_code == 302

    time_passes(university_a.schema_name, seconds=61)
    assert "Wait 2 min" in sign_in_with_password(attacker, "ayse", "wrong").content.decode()
    time_passes(university_a.schema_name, seconds=121)
    assert "Wait 4 min" in sign_in_with_password(attacker, "ayse", "wrong").content.decode()
    time_passes(university_a.schema_name, seconds=60)
    assert "Wait 3 min" in sign_in_with_password(attacker, "ayse", PASSWORD).content.decode()

    time_passes(university_a.schema_name, seconds=181)
    assert sign_in_with_password(attacker, "ayse", PASSWORD).status_code == 302


def test_nobody_can_keep_another_person_out_from_elsewhere(university_a, admin_a):
    attacker = browser_from(university_a, "203.0.113.9")
    for _attempt in range(10):
        sign_in_with_password(attacker, "ayse", "wrong")

    response = sign_in_with_password(browser_from(university_a, "198.51.100.20"), "ayse", PASSWORD)

    assert response.status_code == 302


def test_the_delays_double_up_to_the_cap():
    delays = [account_delay(failures) for failures in range(1, 12)]

    assert delays[:2] == [timedelta(0)] * 2
    assert delays[2:6] == [timedelta(minutes=minutes) for minutes in (1, 2, 4, 8)]
    assert delays[-1] == timedelta(hours=1)
    assert account_delay(10_000) == timedelta(hours=1)


@override_settings(KOPRU_SIGN_IN_ADDRESS_FAILURES=6)
def test_the_address_ceiling_stops_one_address_guessing_many_usernames(university_a, admin_a):
    make_office_user(university_a, username="mehmet", role="officer")
    guesser = browser_from(university_a, "203.0.113.9")
    for username in ("admin", "root", "rektor", "iro", "ofis"):
        # each account still far from its delay
        assert sign_in_with_password(guesser, username, "wrong").status_code == 200

    sixth = sign_in_with_password(guesser, "dekan", "wrong")
    held = sign_in_with_password(guesser, "mehmet", PASSWORD)

    assert sixth.status_code == held.status_code == 429
    assert "Too many failed sign-in attempts from your address. Wait 60 min" in held.content.decode()
    assert sign_in_with_password(browser_from(university_a, "198.51.100.20"), "mehmet", PASSWORD).status_code == 302
    time_passes(university_a.schema_name, minutes=61)
    assert sign_in_with_password(guesser, "mehmet", PASSWORD).status_code == 302


@override_settings(**BEHIND_ONE_PROXY)
def test_forwarded_for_is_honoured_only_up_to_the_proxy_count(university_a, admin_a):
    ingress = "10.42.0.7"
    for spoofed in ("1.1.1.1", "8.8.8.8", "9.9.9.9"):
        Client(HTTP_HOST=host_of(university_a), REMOTE_ADDR=ingress,
               HTTP_X_FORWARDED_FOR=f"{spoofed}, 203.0.113.9").post(
            "/accounts/login/", {"username": "ayse", "password": "wrong"})

    with schema_context(university_a.schema_name):
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    held = Client(HTTP_HOST=host_of(university_a), REMOTE_ADDR=ingress, HTTP_X_FORWARDED_FOR="7.7.7.7, 203.0.113.9")
    assert sign_in_with_password(held, "ayse", PASSWORD).status_code == 429
    # a colleague behind the same ingress is counted under their own address, not the ingress's
    colleague = Client(HTTP_HOST=host_of(university_a), REMOTE_ADDR=ingress, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert sign_in_with_password(colleague, "ayse", PASSWORD).status_code == 302


@pytest.mark.parametrize(("proxies", "expected"), [
    ("0", "('REMOTE_ADDR',) None 0"),
    ("1", "('HTTP_X_FORWARDED_FOR',) 0 1"),
    ("2", "('HTTP_X_FORWARDED_FOR',) 1 2"),
])
def test_the_proxy_count_setting_sets_axes_and_the_api_alike(proxies, expected):
    code = ("import kopru.settings.base as s; print(s.AXES_IPWARE_META_PRECEDENCE_ORDER, "
            "s.AXES_IPWARE_PROXY_COUNT, s.REST_FRAMEWORK['NUM_PROXIES'])")
    env = {**os.environ, "KOPRU_PROXY_COUNT": proxies, "DATABASE_URL": "postgres://kopru@db.internal/kopru"}

    result = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=60)

    assert result.stdout.strip() == expected, result.stderr


def test_the_token_endpoint_is_held_back_the_same_way(university_a, admin_a):
    client = browser_from(university_a, "203.0.113.9")
    for _attempt in range(2):
        client.post("/api/auth/token/", {"username": "ayse", "password": "nope"}, content_type="application/json")
    sign_in_with_password(client, "ayse", "nope")  # the form and the API count together

    response = client.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD},
                           content_type="application/json")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "sign_in_throttled"
    assert "Wait 1 min" in response.json()["error"]["message"]
    assert 55 <= int(response["Retry-After"]) <= 60
    elsewhere = browser_from(university_a, "198.51.100.20").post("/api/auth/token/",
                                                                  {"username": "ayse", "password": PASSWORD})
    assert elsewhere.status_code == 200


def test_wrong_codes_hold_the_second_factor_back(university_a, admin_a):
    device = add_authenticator(university_a, admin_a)
    client = browser_from(university_a, "203.0.113.9")
    sign_in_with_password(client, "ayse", PASSWORD)
    for code in ("000000", "111111"):
        assert client.post("/accounts/login/code/", {"otp": code}).status_code == 200
    third = client.post("/accounts/login/code/", {"otp": "222222"})
    forget_throttle(university_a, device)

    right = client.post("/accounts/login/code/", {"otp": code_for(device)})

    assert third.status_code == right.status_code == 429
    assert "Too many failed sign-in attempts. Wait 1 min" in right.content.decode()
    api = client.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "otp": code_for(device)})
    assert api.status_code == 429  # the API's code step shares the account's count at this address


def test_wrong_codes_on_the_token_endpoint_count_too(university_a, admin_a):
    device = add_authenticator(university_a, admin_a)
    client = browser_from(university_a, "203.0.113.9")
    for code in ("000000", "111111", "222222"):
        client.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "otp": code})
    forget_throttle(university_a, device)

    response = client.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "otp": code_for(device)})

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "sign_in_throttled"


def test_the_platform_console_is_held_back_per_account_and_address(platform_admin):
    for _attempt in range(3):
        sign_in_with_password(browser_from(None, "203.0.113.9"), "operator", "wrong")

    held = sign_in_with_password(browser_from(None, "203.0.113.9"), "operator", PASSWORD)
    elsewhere = sign_in_with_password(browser_from(None, "198.51.100.20"), "operator", PASSWORD)

    assert held.status_code == 429
    assert elsewhere.status_code == 302
    with schema_context("public"):
        assert AccessAttempt.objects.get().username == "operator"


def test_failures_in_one_university_stay_there(university_a, university_b, admin_a):
    make_office_user(university_b, username="ayse", role="officer")
    for _attempt in range(3):
        sign_in_with_password(browser_from(university_a, "203.0.113.9"), "ayse", "wrong")

    response = sign_in_with_password(browser_from(university_b, "203.0.113.9"), "ayse", PASSWORD)

    assert response.status_code == 302
    with schema_context(university_a.schema_name):
        assert AccessAttempt.objects.get().failures_since_start == 3
    with schema_context(university_b.schema_name):
        assert not AccessAttempt.objects.exists()


def _audit(schema: str, action: str) -> list[dict]:
    with schema_context(schema):
        return [entry.details for entry in AuditEntry.objects.filter(action=action).order_by("id")]


def test_successes_failures_and_holds_are_audited_where_they_happen(university_a, university_b, admin_a):
    client = browser_from(university_a, "203.0.113.9")
    sign_in_with_password(client, "ayse", PASSWORD)
    client.post("/accounts/logout/")
    for _attempt in range(3):
        sign_in_with_password(client, "ayse", "wrong")
    sign_in_with_password(client, "ayse", PASSWORD)

    address = {"username": "ayse", "address": "203.0.113.9"}
    schema = university_a.schema_name
    assert _audit(schema, "sign_in.succeeded") == [address]
    assert _audit(schema, "sign_in.failed") == [{**address, "step": "password"}] * 3
    holds = _audit(schema, "sign_in.throttled")
    assert [(hold["reason"], hold["username"], hold["address"]) for hold in holds] == [("account", "ayse",
                                                                                         "203.0.113.9")] * 2
    assert 0 < holds[-1]["wait_seconds"] <= 60
    with schema_context(schema):
        assert AuditEntry.objects.get(action="sign_in.succeeded").actor_id == admin_a.pk
    assert not _audit(university_b.schema_name, "sign_in.failed")


def test_console_sign_ins_are_audited_in_the_public_schema(platform_admin):
    with schema_context("public"):
        device, _created = TOTPDevice.objects.get_or_create(user=platform_admin, confirmed=True,
                                                            defaults={"name": "phone"})
    client = browser_from(None, "203.0.113.9")
    sign_in_with_password(client, "operator", PASSWORD)
    client.post("/accounts/login/code/", {"otp": "000000"})
    forget_throttle(University.objects.get(schema_name="public"), device)
    client.post("/accounts/login/code/", {"otp": code_for(device)})

    address = {"username": "operator", "address": "203.0.113.9"}
    assert _audit("public", "sign_in.failed") == [{**address, "step": "code"}]
    assert _audit("public", "sign_in.succeeded") == [address]
