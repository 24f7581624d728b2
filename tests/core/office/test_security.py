"""The office's hold on its people's access: second-factor reset, the office-wide requirement, deactivation."""

from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import schema_context

from core.audit.models import AuditEntry
from core.office.models import OfficeSettings, Role
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import add_authenticator, profile_by_token, sign_in, token_for
from tests.factories.accounts import PASSWORD


def with_token(university, user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {token_for(university, user)}"}


# Resetting another person's second factor


def test_an_office_admin_resets_a_persons_second_factor(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    add_authenticator(university_a, officer)
    with schema_context(university_a.schema_name):
        StaticDevice.objects.create(user=officer, name="recovery", confirmed=True)
    officers_token = token_for(university_a, officer)
    officers_browser = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, officer)

    response = client_a.post(f"/api/users/{officer.pk}/two-factor/reset/", **with_token(university_a, admin_a))

    assert response.status_code == 200
    assert response.json()["two_factor_enabled"] is False
    with schema_context(university_a.schema_name):
        assert not TOTPDevice.objects.filter(user=officer).exists()
        assert not StaticDevice.objects.filter(user=officer).exists()
        entry = AuditEntry.objects.get(action="two_factor.reset")
    assert (entry.actor, entry.target_id) == (admin_a, str(officer.pk))
    assert entry.details == {"sessions_ended": 1, "tokens_revoked": 1}
    assert profile_by_token(host_of(university_a), officers_token).status_code == 401
    assert officers_browser.get("/").status_code == 302


def test_the_reset_on_the_people_page(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    add_authenticator(university_a, officer)
    sign_in(client_a, university_a, admin_a)

    assert "two-factor/reset" in client_a.get("/office/users/").content.decode()
    response = client_a.post(f"/office/users/{officer.pk}/two-factor/reset/")

    assert response["Location"] == "/office/users/"
    with schema_context(university_a.schema_name):
        assert not TOTPDevice.objects.filter(user=officer).exists()
        assert AuditEntry.objects.filter(action="two_factor.reset", actor=admin_a).exists()


def test_only_an_office_admin_of_the_same_university_resets(client_a, university_a, university_b, admin_a, admin_b):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    add_authenticator(university_a, admin_a)
    url = f"/api/users/{admin_a.pk}/two-factor/reset/"

    by_officer = client_a.post(url, **with_token(university_a, officer))
    by_officer_on_the_web = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, officer).post(
        f"/office/users/{admin_a.pk}/two-factor/reset/")
    b_token_on_a = client_a.post(url, **with_token(university_b, admin_b))
    a_ids_on_b = Client(HTTP_HOST=host_of(university_b)).post(url, **with_token(university_b, admin_b))

    assert (by_officer.status_code, by_officer_on_the_web.status_code) == (403, 403)
    assert (b_token_on_a.status_code, a_ids_on_b.status_code) == (401, 404)
    with schema_context(university_a.schema_name):
        assert TOTPDevice.objects.filter(user=admin_a).exists()
        assert not AuditEntry.objects.filter(action="two_factor.reset").exists()


def test_an_admin_does_not_reset_their_own_second_factor(client_a, university_a, admin_a):
    add_authenticator(university_a, admin_a)

    response = client_a.post(f"/api/users/{admin_a.pk}/two-factor/reset/", **with_token(university_a, admin_a))

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "two_factor_reset_self"


# The office-wide requirement


def test_an_office_admin_requires_a_second_factor_from_everyone(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    admin = with_token(university_a, admin_a)

    response = client_a.put("/api/security-settings/", {"two_factor_required": True},
                            content_type="application/json", **admin)

    assert response.json() == {"two_factor_required": True}
    with schema_context(university_a.schema_name):
        assert OfficeSettings.objects.get().two_factor_required
        entry = AuditEntry.objects.get(action="office.two_factor_required")
    assert (entry.actor, entry.details) == (admin_a, {"required": True})

    # the officer, without a second factor, sets one up before anything else, on the web and the API
    officer_client = Client(HTTP_HOST=host_of(university_a))
    officer_client.post("/accounts/login/", {"username": "memur", "password": PASSWORD})
    assert officer_client.get("/partners/")["Location"].startswith("/accounts/two-factor/?next=")
    token = officer_client.post("/api/auth/token/", {"username": "memur", "password": PASSWORD})
    assert token.json()["error"]["code"] == "two_factor_setup_required"
    assert client_a.get("/api/partners/", **with_token(university_a, officer)).status_code == 403
    me_says = profile_by_token(host_of(university_a), token_for(university_a, officer)).json()
    assert me_says["two_factor_required"] is True


def test_the_requirement_on_the_security_settings_page(client_a, university_a, admin_a):
    sign_in(client_a, university_a, admin_a)
    add_authenticator(university_a, admin_a)  # after signing in: this session was without it
    sign_in(client_a, university_a, admin_a)

    assert client_a.get("/office/security/").status_code == 200
    response = client_a.post("/office/security/", {"two_factor_required": "on"})

    assert response["Location"] == "/office/security/"
    assert client_a.get("/api/security-settings/").json() == {"two_factor_required": True}
    assert client_a.get("/office/users/").status_code == 200  # the admin has a second factor


def test_a_session_from_before_the_requirement_signs_in_again_with_the_second_factor(client_a, university_a,
                                                                                       admin_a):
    sign_in(client_a, university_a, admin_a)
    add_authenticator(university_a, admin_a)
    with schema_context(university_a.schema_name):
        OfficeSettings.objects.create(pk=OfficeSettings.SINGLETON_PK, two_factor_required=True)

    assert client_a.get("/office/users/")["Location"].startswith("/accounts/login/")


def test_only_office_admins_change_the_security_settings(client_a, university_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    as_officer = with_token(university_a, officer)

    read = client_a.get("/api/security-settings/", **as_officer)
    write = client_a.put("/api/security-settings/", {"two_factor_required": True},
                         content_type="application/json", **as_officer)
    page = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, officer).get("/office/security/")

    assert read.json() == {"two_factor_required": False}
    assert (write.status_code, page.status_code) == (403, 403)


# Deactivation


def test_deactivating_a_person_ends_their_sessions_and_tokens_for_good(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    officers_token = token_for(university_a, officer)
    officers_browser = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, officer)
    others_browser = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, admin_a)
    admin = with_token(university_a, admin_a)

    client_a.post(f"/api/users/{officer.pk}/deactivate/", **admin)
    client_a.post(f"/api/users/{officer.pk}/reactivate/", **admin)

    assert profile_by_token(host_of(university_a), officers_token).status_code == 401
    assert officers_browser.get("/").status_code == 302
    assert others_browser.get("/").status_code == 200
    with schema_context(university_a.schema_name):
        entry = AuditEntry.objects.get(action="user.deactivated")
    assert entry.details == {"sessions_ended": 1, "tokens_revoked": 1}
