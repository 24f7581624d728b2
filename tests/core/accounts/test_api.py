"""The API's sign-in (POST /api/auth/token/) and GET /api/me/."""

from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from core.office.models import Membership
from tests.core.accounts.helpers import add_authenticator, code_for, forget_throttle, token_for
from tests.factories.accounts import PASSWORD


def test_a_token_for_the_right_password(client_a, admin_a, university_a):
    response = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "name": "laptop"})

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "laptop"
    assert client_a.get("/api/me/", HTTP_AUTHORIZATION=f"Token {body['token']}").json()["username"] == "ayse"


def test_a_wrong_password_and_a_missing_field(client_a, admin_a):
    wrong = client_a.post("/api/auth/token/", {"username": "ayse", "password": "nope"})
    missing = client_a.post("/api/auth/token/", {"username": "ayse"})

    assert wrong.status_code == 400
    assert wrong.json()["error"]["code"] == "invalid_credentials"
    assert missing.status_code == 400
    assert "password" in missing.json()["error"]["fields"]


@override_settings(KOPRU_SIGN_IN_FREE_FAILURES=3)
def test_the_token_endpoint_shares_the_sign_in_limits(client_a, admin_a):
    for _attempt in range(2):
        client_a.post("/api/auth/token/", {"username": "ayse", "password": "nope"})
    client_a.post("/accounts/login/", {"username": "ayse", "password": "nope"})  # the form counts too

    response = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD})

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "sign_in_throttled"


def test_with_two_factor_on_the_token_needs_a_right_code(client_a, admin_a, university_a):
    device = add_authenticator(university_a, admin_a)

    without = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD})
    wrong = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "otp": "000000"})
    forget_throttle(university_a, device)
    right = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "otp": code_for(device)})

    assert without.json()["error"]["code"] == "otp_required"
    assert wrong.json()["error"]["code"] == "otp_invalid"
    assert right.status_code == 200
    assert right.json()["token"]


def test_when_the_office_requires_two_factor_a_token_waits_for_its_setup(client_a, admin_a, university_a):
    with schema_context(university_a.schema_name):
        Membership.objects.filter(user=admin_a).update(two_factor_required=True)

    response = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "two_factor_setup_required"


def test_platform_admins_get_tokens_on_the_root_domain_with_their_second_factor(root_client, platform_admin):
    with schema_context("public"):
        device = TOTPDevice.objects.get(user=platform_admin)

    without = root_client.post("/api/auth/token/", {"username": "operator", "password": PASSWORD})
    response = root_client.post("/api/auth/token/",
                                {"username": "operator", "password": PASSWORD, "otp": code_for(device)})

    assert without.json()["error"]["code"] == "otp_required"
    assert response.status_code == 200


def test_a_platform_admin_without_a_second_factor_gets_no_token(root_client, platform_admin):
    with schema_context("public"):
        TOTPDevice.objects.filter(user=platform_admin).delete()

    response = root_client.post("/api/auth/token/", {"username": "operator", "password": PASSWORD})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "two_factor_setup_required"


def test_me_tells_who_and_what(client_a, admin_a, university_a):
    token = token_for(university_a, admin_a)

    response = client_a.get("/api/me/", HTTP_AUTHORIZATION=f"Token {token}")

    assert response.status_code == 200
    assert response.json() == {
        "id": admin_a.pk, "username": "ayse", "display_name": "ayse", "email": "ayse@kastamonu.example",
        "language": "tr", "role": "office_admin", "academic_unit": None,
        "two_factor_enabled": False, "two_factor_required": False,
    }


def test_me_needs_a_token_of_this_university(client_a, client_b, admin_a, university_a):
    token = token_for(university_a, admin_a)

    assert client_a.get("/api/me/").status_code == 401
    assert client_b.get("/api/me/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 401
