"""Signing in with a password, the sign-in limits, signing out."""

from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import code_for, in_english
from tests.factories.accounts import PASSWORD


def test_a_right_password_signs_in_and_goes_to_next(client_a, admin_a):
    response = client_a.post("/accounts/login/", {"username": "ayse", "password": PASSWORD, "next": "/office/users/"})

    assert response.status_code == 302
    assert response["Location"] == "/office/users/"
    assert client_a.get("/").status_code == 200


def test_next_pointing_elsewhere_is_ignored(client_a, admin_a):
    response = client_a.post("/accounts/login/", {"username": "ayse", "password": PASSWORD,
                                                  "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_a_wrong_password_says_so(client_a, admin_a):
    response = in_english(client_a).post("/accounts/login/", {"username": "ayse", "password": "nope"})

    assert response.status_code == 200
    assert "The username or password is not correct." in response.content.decode()


def test_an_empty_form_names_the_missing_fields(client_a, admin_a):
    response = in_english(client_a).post("/accounts/login/", {"username": "", "password": ""})

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"username", "password"}


@override_settings(KOPRU_SIGN_IN_FREE_FAILURES=3)
def test_after_n_failures_the_account_waits_at_that_address_even_with_the_right_password(client_a, admin_a):
    in_english(client_a)
    for _attempt in range(3):
        client_a.post("/accounts/login/", {"username": "ayse", "password": "wrong"})

    response = client_a.post("/accounts/login/", {"username": "ayse", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many failed sign-in attempts. Wait 1 min and try again." in response.content.decode()
    assert client_a.get("/").status_code == 302  # not signed in


@override_settings(KOPRU_SIGN_IN_ADDRESS_FAILURES=3)
def test_one_address_guessing_many_accounts_is_held_back(client_a, university_a, admin_a):
    make_office_user(university_a, username="mehmet", role="officer")
    for username in ("x1", "x2", "x3"):
        in_english(client_a).post("/accounts/login/", {"username": username, "password": "wrong"})

    response = client_a.post("/accounts/login/", {"username": "mehmet", "password": PASSWORD})

    assert "Too many failed sign-in attempts from your address" in response.content.decode()
    # another address is not held back
    other = Client(HTTP_HOST=host_of(university_a), REMOTE_ADDR="10.0.0.9")
    assert other.post("/accounts/login/", {"username": "mehmet", "password": PASSWORD}).status_code == 302


@override_settings(KOPRU_SIGN_IN_FREE_FAILURES=3)
def test_the_lock_of_one_university_does_not_reach_another(client_a, client_b, university_b, admin_a):
    make_office_user(university_b, username="ayse", role="officer")
    for _attempt in range(3):
        client_a.post("/accounts/login/", {"username": "ayse", "password": "wrong"})

    response = client_b.post("/accounts/login/", {"username": "ayse", "password": PASSWORD})

    assert response.status_code == 302


@override_settings(KOPRU_SIGN_IN_FREE_FAILURES=3)
def test_a_success_forgets_earlier_failures_of_the_account_at_that_address(admin_a, university_a):
    client = Client(HTTP_HOST=host_of(university_a))
    for _attempt in range(2):
        client.post("/accounts/login/", {"username": "ayse", "password": "wrong"})
    client.post("/accounts/login/", {"username": "ayse", "password": PASSWORD})
    client.post("/accounts/logout/")

    for _attempt in range(2):
        client.post("/accounts/login/", {"username": "ayse", "password": "wrong"})

    assert client.post("/accounts/login/", {"username": "ayse", "password": PASSWORD}).status_code == 302


def test_a_deactivated_person_cannot_sign_in(client_a, university_a):
    make_office_user(university_a, username="gone", role="officer", is_active=False)

    response = client_a.post("/accounts/login/", {"username": "gone", "password": PASSWORD})

    assert response.status_code == 200


def test_logout_is_a_post(client_a, admin_a):
    client_a.post("/accounts/login/", {"username": "ayse", "password": PASSWORD})

    assert client_a.get("/accounts/logout/").status_code == 405
    response = client_a.post("/accounts/logout/")

    assert response.status_code == 302
    assert client_a.get("/").status_code == 302


def test_platform_admins_sign_in_on_the_root_domain_with_their_second_factor(root_client, platform_admin):
    with schema_context("public"):
        device = TOTPDevice.objects.get(user=platform_admin)

    response = root_client.post("/accounts/login/", {"username": "operator", "password": PASSWORD})
    assert response["Location"] == "/accounts/login/code/"
    root_client.post("/accounts/login/code/", {"otp": code_for(device)})

    assert root_client.get("/").status_code == 200
