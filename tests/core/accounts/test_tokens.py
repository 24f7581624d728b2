"""API tokens: hashed, expiring, one per named client, listed and revoked by their owner and by office admins."""

from datetime import timedelta

from django.contrib.auth.tokens import default_token_generator
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.utils import schema_context
from knox.crypto import hash_token

from core.accounts.models import ApiToken
from core.audit.models import AuditEntry
from core.office.models import Role
from tests.conftest import ROOT_HOST, host_of, make_office_user
from tests.core.accounts.helpers import (
    authenticator_shown,
    code_for,
    in_english,
    profile_by_token,
    sign_in,
    token_for,
)
from tests.factories.accounts import PASSWORD


def obtain(client, username: str = "ayse", **fields) -> dict:
    response = client.post("/api/auth/token/", {"username": username, "password": PASSWORD, **fields})
    assert response.status_code == 200, response.content
    return response.json()


def test_only_a_hash_of_the_token_is_stored(client_a, university_a, admin_a):
    body = obtain(client_a, name="laptop")

    with schema_context(university_a.schema_name):
        row = ApiToken.objects.get(user=admin_a)
        stored = [str(value) for value in ApiToken.objects.filter(pk=row.pk).values().get().values()]
    assert body["token"] not in stored  # the value is in the response only
    assert row.digest == hash_token(body["token"])
    assert len(row.token_key) < len(body["token"]) / 4  # a lookup prefix, no usable key
    assert profile_by_token(host_of(university_a), row.digest).status_code == 401


def test_a_token_expires_after_the_configured_days(client_a, university_a, admin_a):
    before = timezone.now()
    body = obtain(client_a)

    expiry = timezone.datetime.fromisoformat(body["expiry"])
    assert before + timedelta(days=30) <= expiry <= timezone.now() + timedelta(days=30)
    assert profile_by_token(host_of(university_a), body["token"]).status_code == 200

    with schema_context(university_a.schema_name):
        ApiToken.objects.filter(user=admin_a).update(expiry=timezone.now() - timedelta(seconds=1))

    assert profile_by_token(host_of(university_a), body["token"]).status_code == 401


def test_one_token_per_named_client(client_a, university_a, admin_a):
    first_laptop = obtain(client_a, name="laptop")["token"]
    second_laptop = obtain(client_a, name="laptop")["token"]
    phone = obtain(client_a, name="phone")["token"]
    host = host_of(university_a)

    assert profile_by_token(host, first_laptop).status_code == 401  # the same client's new token replaced it
    assert profile_by_token(host, second_laptop).status_code == 200
    assert profile_by_token(host, phone).status_code == 200
    listing = client_a.get("/api/auth/tokens/", HTTP_AUTHORIZATION=f"Token {phone}").json()
    assert sorted(token["name"] for token in listing) == ["laptop", "phone"]
    assert not any(set(token) - {"id", "name", "created", "expiry"} for token in listing)  # never a value


def test_a_client_name_loses_its_control_characters(client_a, admin_a):
    assert obtain(client_a, name="build\x0bserver\x1b")["name"] == "build server"
    assert obtain(client_a, name="  ")["name"] == "default"


@override_settings(KOPRU_API_TOKENS_PER_USER=2)
def test_a_person_holds_a_bounded_number_of_tokens(client_a, admin_a):
    obtain(client_a, name="one")
    obtain(client_a, name="two")

    response = client_a.post("/api/auth/token/", {"username": "ayse", "password": PASSWORD, "name": "three"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "token_limit"


def test_the_owner_revokes_a_token_through_the_api(client_a, university_a, admin_a):
    laptop = obtain(client_a, name="laptop")
    phone = obtain(client_a, name="phone")

    response = client_a.delete(f"/api/auth/tokens/{laptop['id']}/", HTTP_AUTHORIZATION=f"Token {phone['token']}")

    assert response.status_code == 204
    assert profile_by_token(host_of(university_a), laptop["token"]).status_code == 401
    assert profile_by_token(host_of(university_a), phone["token"]).status_code == 200
    with schema_context(university_a.schema_name):
        entry = AuditEntry.objects.get(action="user.api_token_revoked")
    assert (entry.actor, entry.details) == (admin_a, {"name": "laptop"})


def test_the_owner_sees_and_revokes_tokens_on_the_web(client_a, university_a, admin_a):
    token = token_for(university_a, admin_a, name="laptop")
    sign_in(client_a, university_a, admin_a)

    page = client_a.get("/accounts/tokens/")
    assert "laptop" in page.content.decode()
    token_id = page.context["tokens"][0].pk
    client_a.post(f"/accounts/tokens/{token_id}/revoke/")

    assert profile_by_token(host_of(university_a), token).status_code == 401


def test_a_staff_member_cannot_revoke_another_persons_token(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    admins = obtain(client_a, name="laptop")
    officer_token = token_for(university_a, officer)
    as_officer = {"HTTP_AUTHORIZATION": f"Token {officer_token}"}

    own_endpoint = client_a.delete(f"/api/auth/tokens/{admins['id']}/", **as_officer)
    admin_endpoint = client_a.delete(f"/api/users/{admin_a.pk}/tokens/{admins['id']}/", **as_officer)
    admin_listing = client_a.get(f"/api/users/{admin_a.pk}/tokens/", **as_officer)
    sign_in(client_a, university_a, officer)
    web = client_a.post(f"/accounts/tokens/{admins['id']}/revoke/")
    office_web = client_a.post(f"/office/tokens/{admins['id']}/revoke/")

    assert (own_endpoint.status_code, admin_endpoint.status_code, admin_listing.status_code) == (404, 403, 403)
    assert (web.status_code, office_web.status_code) == (404, 403)
    assert profile_by_token(host_of(university_a), admins["token"]).status_code == 200


def test_an_office_admin_lists_and_revokes_a_persons_tokens(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    officer_token = obtain(client_a, "memur", name="script")
    admin = {"HTTP_AUTHORIZATION": f"Token {token_for(university_a, admin_a)}"}

    listing = client_a.get(f"/api/users/{officer.pk}/tokens/", **admin)
    revoked = client_a.delete(f"/api/users/{officer.pk}/tokens/{officer_token['id']}/", **admin)

    assert [token["name"] for token in listing.json()] == ["script"]
    assert revoked.status_code == 204
    assert profile_by_token(host_of(university_a), officer_token["token"]).status_code == 401
    with schema_context(university_a.schema_name):
        entry = AuditEntry.objects.get(action="user.api_token_revoked")
    assert (entry.actor, entry.target_id) == (admin_a, str(officer.pk))


def test_an_office_admin_sees_the_offices_tokens_on_the_web(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    officer_token = token_for(university_a, officer, name="script")
    sign_in(client_a, university_a, admin_a)

    page = client_a.get("/office/tokens/")
    assert "script" in page.content.decode()
    client_a.post(f"/office/tokens/{page.context['tokens'][0].pk}/revoke/")

    assert profile_by_token(host_of(university_a), officer_token).status_code == 401


def test_another_universitys_admin_reaches_no_token_here(client_a, university_a, university_b, admin_a, admin_b):
    token = obtain(client_a, name="laptop")
    admin_b_token = token_for(university_b, admin_b)

    on_a = client_a.delete(f"/api/users/{admin_a.pk}/tokens/{token['id']}/",
                           HTTP_AUTHORIZATION=f"Token {admin_b_token}")
    on_b = Client(HTTP_HOST=host_of(university_b)).delete(
        f"/api/users/{admin_a.pk}/tokens/{token['id']}/", HTTP_AUTHORIZATION=f"Token {admin_b_token}")

    assert on_a.status_code == 401  # B's token is unknown on A's host
    assert on_b.status_code == 404  # A's ids mean nothing on B's host
    assert profile_by_token(host_of(university_a), token["token"]).status_code == 200


def test_a_token_works_only_on_its_own_universitys_host(client_a, university_a, university_b, admin_a):
    token = obtain(client_a)["token"]

    assert profile_by_token(host_of(university_a), token).status_code == 200
    assert profile_by_token(host_of(university_b), token).status_code == 401
    root = Client(HTTP_HOST=ROOT_HOST).get("/api/auth/tokens/", HTTP_AUTHORIZATION=f"Token {token}")
    assert root.status_code == 401


def test_a_password_change_revokes_every_token_and_ends_every_session(client_a, university_a, admin_a):
    token = obtain(client_a)["token"]
    other_browser = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, admin_a)
    with schema_context(university_a.schema_name):
        uid, reset = urlsafe_base64_encode(force_bytes(admin_a.pk)), default_token_generator.make_token(admin_a)

    form = client_a.get(f"/accounts/password-reset/{uid}/{reset}/", follow=True)
    response = client_a.post(form.redirect_chain[-1][0], {"new_password1": "a new long passphrase",
                                                           "new_password2": "a new long passphrase"})

    assert response["Location"] == "/accounts/password-reset/done/"
    assert profile_by_token(host_of(university_a), token).status_code == 401
    assert other_browser.get("/office/users/").status_code == 302
    with schema_context(university_a.schema_name):
        entry = AuditEntry.objects.get(action="user.password_changed")
    assert entry.details == {"sessions_ended": 1, "tokens_revoked": 1}


def test_changing_the_password_on_its_page_keeps_this_session_and_ends_the_others(client_a, university_a, admin_a):
    token = obtain(client_a)["token"]
    other_browser = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, admin_a)
    this_browser = in_english(sign_in(client_a, university_a, admin_a))

    wrong = this_browser.post("/accounts/password/", {"old_password": "not it",
                                                      "new_password1": "a new long passphrase",
                                                      "new_password2": "a new long passphrase"})
    assert "Your old password was entered incorrectly" in wrong.content.decode()
    assert profile_by_token(host_of(university_a), token).status_code == 200  # a refused change ends nothing

    changed = this_browser.post("/accounts/password/", {"old_password": PASSWORD,
                                                        "new_password1": "a new long passphrase",
                                                        "new_password2": "a new long passphrase"})

    assert changed["Location"] == "/accounts/password/"
    assert this_browser.get("/office/users/").status_code == 200
    assert other_browser.get("/office/users/").status_code == 302
    assert profile_by_token(host_of(university_a), token).status_code == 401
    with schema_context(university_a.schema_name):
        admin_a.refresh_from_db()
        assert admin_a.check_password("a new long passphrase")


def test_changing_the_password_through_the_api_checks_it_and_signs_out_everywhere(client_a, university_a, admin_a):
    token = obtain(client_a)["token"]
    api = in_english(Client(HTTP_HOST=host_of(university_a), HTTP_AUTHORIZATION=f"Token {token}"))

    wrong = api.post("/api/auth/password/", {"old_password": "not it", "new_password": "a new long passphrase"},
                     content_type="application/json")
    weak = api.post("/api/auth/password/", {"old_password": PASSWORD, "new_password": "12345678"},
                    content_type="application/json")
    assert (wrong.status_code, list(wrong.json()["error"]["fields"])) == (400, ["old_password"])
    assert (weak.status_code, list(weak.json()["error"]["fields"])) == (400, ["new_password"])
    assert profile_by_token(host_of(university_a), token).status_code == 200

    changed = api.post("/api/auth/password/", {"old_password": PASSWORD, "new_password": "a new long passphrase"},
                       content_type="application/json")

    assert changed.status_code == 204
    assert profile_by_token(host_of(university_a), token).status_code == 401
    with schema_context(university_a.schema_name):
        admin_a.refresh_from_db()
        assert admin_a.check_password("a new long passphrase")


def test_switching_two_factor_on_revokes_tokens_and_ends_the_other_sessions(client_a, university_a, admin_a):
    token = obtain(client_a)["token"]
    other_browser = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, admin_a)
    sign_in(client_a, university_a, admin_a)
    device = authenticator_shown(client_a.get("/accounts/two-factor/"))

    response = in_english(client_a).post("/accounts/two-factor/", {"otp": code_for(device)})

    assert "Recovery codes" in response.content.decode()
    assert profile_by_token(host_of(university_a), token).status_code == 401
    assert other_browser.get("/office/users/").status_code == 302  # signed out
    assert client_a.get("/office/users/").status_code == 200  # the browser that switched it on stays
