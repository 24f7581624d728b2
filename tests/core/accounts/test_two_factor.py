"""The second factor: switching it on and off, signing in with it, and the office requiring it."""

from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from core.audit.models import AuditEntry
from core.office.models import Membership
from tests.core.accounts.helpers import (
    add_authenticator,
    authenticator_shown,
    code_for,
    forget_throttle,
    in_english,
    sign_in,
)
from tests.factories.accounts import PASSWORD


def _require_two_factor(university, user):
    with schema_context(university.schema_name):
        Membership.objects.filter(user=user).update(two_factor_required=True)


def test_a_person_with_an_authenticator_is_asked_for_the_code(client_a, university_a, admin_a):
    device = add_authenticator(university_a, admin_a)

    response = client_a.post("/accounts/login/", {"username": "ayse", "password": PASSWORD, "next": "/office/"})

    assert response["Location"] == "/accounts/login/code/"
    assert client_a.get("/").status_code == 302  # the password alone does not sign in

    response = client_a.post("/accounts/login/code/", {"otp": code_for(device)})

    assert response["Location"] == "/office/"
    assert client_a.get("/").status_code == 200


def test_a_wrong_code_does_not_sign_in(client_a, university_a, admin_a):
    add_authenticator(university_a, admin_a)
    client_a.post("/accounts/login/", {"username": "ayse", "password": PASSWORD})

    response = in_english(client_a).post("/accounts/login/code/", {"otp": "000000"})

    assert response.status_code == 200
    assert "The code is not correct." in response.content.decode()
    assert client_a.get("/").status_code == 302


@override_settings(KOPRU_SIGN_IN_FREE_FAILURES=2)
def test_wrong_codes_count_towards_the_sign_in_limits(client_a, university_a, admin_a):
    device = add_authenticator(university_a, admin_a)
    client_a.post("/accounts/login/", {"username": "ayse", "password": PASSWORD})
    client_a.post("/accounts/login/code/", {"otp": "000000"})
    client_a.post("/accounts/login/code/", {"otp": "111111"})

    response = in_english(client_a).post("/accounts/login/code/", {"otp": code_for(device)})

    assert "Too many failed sign-in attempts" in response.content.decode()


def test_the_code_step_without_a_password_step_goes_back_to_the_start(client_a, admin_a):
    response = client_a.get("/accounts/login/code/")

    assert response["Location"] == "/accounts/login/"


def test_switching_it_on_shows_a_qr_code_and_needs_a_right_code(client_a, university_a, admin_a):
    sign_in(client_a, university_a, admin_a)

    page = client_a.get("/accounts/two-factor/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    assert page.context["secret"]
    with schema_context(university_a.schema_name):
        assert not TOTPDevice.objects.filter(user=admin_a).exists()  # showing the key saves nothing
    assert client_a.get("/accounts/two-factor/").context["secret"] == page.context["secret"]

    assert in_english(client_a).post("/accounts/two-factor/", {"otp": "000000"}).status_code == 200
    with schema_context(university_a.schema_name):
        device = TOTPDevice.objects.get(user=admin_a)
        assert not device.confirmed
    forget_throttle(university_a, device)

    response = client_a.post("/accounts/two-factor/", {"otp": code_for(device)})

    assert response.status_code == 200  # the recovery codes, shown this once
    assert len(response.context["codes"]) == 10
    with schema_context(university_a.schema_name):
        assert TOTPDevice.objects.get(user=admin_a).confirmed
        assert AuditEntry.objects.filter(action="two_factor.enabled", actor=admin_a).exists()


def test_switching_it_off_needs_a_right_code(client_a, university_a, admin_a):
    device = add_authenticator(university_a, admin_a)
    sign_in(client_a, university_a, admin_a)

    client_a.post("/accounts/two-factor/disable/", {"otp": "000000"})
    with schema_context(university_a.schema_name):
        assert TOTPDevice.objects.filter(user=admin_a).exists()

    forget_throttle(university_a, device)
    client_a.post("/accounts/two-factor/disable/", {"otp": code_for(device)})

    with schema_context(university_a.schema_name):
        assert not TOTPDevice.objects.filter(user=admin_a).exists()


def test_when_required_the_person_sets_it_up_before_anything_else(client_a, university_a, admin_a):
    _require_two_factor(university_a, admin_a)
    client_a.post("/accounts/login/", {"username": "ayse", "password": PASSWORD})

    response = client_a.get("/office/users/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/?next=")
    assert client_a.get("/api/users/").status_code == 403

    device = authenticator_shown(client_a.get("/accounts/two-factor/"))
    client_a.post("/accounts/two-factor/", {"otp": code_for(device)})

    assert client_a.get("/office/users/").status_code == 200


def test_when_required_it_cannot_be_switched_off(client_a, university_a, admin_a):
    device = add_authenticator(university_a, admin_a)
    _require_two_factor(university_a, admin_a)
    sign_in(client_a, university_a, admin_a)

    client_a.post("/accounts/two-factor/disable/", {"otp": code_for(device)})

    with schema_context(university_a.schema_name):
        assert TOTPDevice.objects.filter(user=admin_a, confirmed=True).exists()
