"""The platform console and API ask every platform admin for a second factor before anything else."""

from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from tests.core.accounts.helpers import authenticator_shown, code_for, in_english
from tests.factories.accounts import PASSWORD


def test_a_platform_admin_without_a_second_factor_sets_one_up_first(root_client, platform_admin):
    with schema_context("public"):
        TOTPDevice.objects.filter(user=platform_admin).delete()
    root_client.post("/accounts/login/", {"username": "operator", "password": PASSWORD})

    page = root_client.get("/universities/new/")
    api = root_client.get("/api/universities/")
    assert page["Location"] == "/accounts/two-factor/?next=%2Funiversities%2Fnew%2F"
    assert (api.status_code, api.json()["error"]["code"]) == (403, "two_factor_setup_required")

    device = authenticator_shown(root_client.get("/accounts/two-factor/"))
    root_client.post("/accounts/two-factor/", {"otp": code_for(device)})

    assert root_client.get("/universities/new/").status_code == 200


def test_a_session_signed_in_without_the_second_factor_is_signed_out(root_client, platform_admin):
    with schema_context("public"):
        root_client.force_login(platform_admin)  # a password-only session, as from before the rule

    assert root_client.get("/")["Location"].startswith("/accounts/login/")
    assert root_client.get("/api/universities/").status_code == 401


def test_a_platform_admin_cannot_switch_the_second_factor_off(console, platform_admin):
    with schema_context("public"):
        device = TOTPDevice.objects.get(user=platform_admin)

    response = in_english(console).post("/accounts/two-factor/disable/", {"otp": code_for(device)}, follow=True)

    assert "required for your account" in response.content.decode()
    with schema_context("public"):
        assert TOTPDevice.objects.filter(user=platform_admin).exists()


def test_with_the_second_factor_the_console_opens(console):
    assert console.get("/").status_code == 200
    assert console.get("/api/universities/").status_code == 200
