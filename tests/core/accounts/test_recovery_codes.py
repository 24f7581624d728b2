"""Recovery codes: given when two-factor authentication is switched on, each good once in place of the app's code."""

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from core.audit.models import AuditEntry
from core.office.models import Membership
from tests.core.accounts.helpers import authenticator_shown, code_for, in_english, sign_in
from tests.factories.accounts import PASSWORD


def switch_on(client, university, user) -> tuple[TOTPDevice, list[str]]:
    sign_in(client, university, user)
    shown = authenticator_shown(client.get("/accounts/two-factor/"))
    codes = client.post("/accounts/two-factor/", {"otp": code_for(shown)}).context["codes"]
    with schema_context(university.schema_name):
        device = TOTPDevice.objects.get(user=user)
    client.post("/accounts/logout/")
    return device, codes


def sign_in_with_code(client, code: str):
    client.post("/accounts/login/", {"username": "ayse", "password": PASSWORD})
    return in_english(client).post("/accounts/login/code/", {"otp": code})


def test_switching_on_shows_ten_different_codes_once(client_a, university_a, admin_a):
    _device, codes = switch_on(in_english(client_a), university_a, admin_a)

    assert len(set(codes)) == 10
    sign_in(client_a, university_a, admin_a)
    page = client_a.get("/accounts/two-factor/").content.decode()
    assert "10 unused recovery codes" in page
    assert not any(code in page for code in codes)


def test_a_recovery_code_signs_in_once(client_a, university_a, admin_a):
    _device, codes = switch_on(client_a, university_a, admin_a)

    first = sign_in_with_code(client_a, codes[0].upper())  # as someone may type it from paper
    assert first.status_code == 302
    assert client_a.get("/office/users/").status_code == 200
    client_a.post("/accounts/logout/")
    again = sign_in_with_code(client_a, codes[0])

    assert "The code is not correct." in again.content.decode()
    assert client_a.get("/office/users/").status_code == 302
    with schema_context(university_a.schema_name):
        entry = AuditEntry.objects.get(action="two_factor.recovery_code_used")
    assert (entry.actor, entry.details) == (admin_a, {"left": 9})


def test_a_recovery_code_obtains_an_api_token(client_a, university_a, admin_a):
    _device, codes = switch_on(client_a, university_a, admin_a)

    response = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "otp": codes[3]})
    again = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "otp": codes[3]})

    assert response.status_code == 200
    assert again.json()["error"]["code"] == "otp_invalid"


def test_new_recovery_codes_replace_the_old_ones(client_a, university_a, admin_a):
    device, old = switch_on(client_a, university_a, admin_a)
    sign_in(client_a, university_a, admin_a)

    wrong = in_english(client_a).post("/accounts/two-factor/recovery-codes/", {"renew-otp": "000000"}, follow=True)
    assert "The code is not correct." in wrong.content.decode()
    with schema_context(university_a.schema_name):
        TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, last_t=-1)
    new = client_a.post("/accounts/two-factor/recovery-codes/", {"renew-otp": code_for(device)}).context["codes"]
    client_a.post("/accounts/logout/")

    assert set(new).isdisjoint(old)
    assert "The code is not correct." in sign_in_with_code(client_a, old[0]).content.decode()
    with schema_context(university_a.schema_name):  # django-otp makes the next try wait a second
        StaticDevice.objects.filter(user=admin_a).update(throttling_failure_count=0)
    assert sign_in_with_code(client_a, new[0]).status_code == 302


def test_recovery_codes_alone_are_no_second_factor(client_a, university_a, admin_a):
    _device, _codes = switch_on(client_a, university_a, admin_a)
    with schema_context(university_a.schema_name):
        TOTPDevice.objects.filter(user=admin_a).delete()
        Membership.objects.filter(user=admin_a).update(two_factor_required=True)
    sign_in(client_a, university_a, admin_a)

    response = client_a.get("/office/users/")

    assert response["Location"].startswith("/accounts/two-factor/")
