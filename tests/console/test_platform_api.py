"""The platform API under /api/ on the root domain: platform admins only, same services as the console."""

import pytest
from django.test import Client

from core.accounts.models import User
from tenants.models import Domain, ProvisioningJob, University
from tests.conftest import ROOT_HOST
from tests.core.accounts.helpers import token_for

ONBOARDING = {
    "names": {"tr": "Api Üniversitesi", "en": "API University"}, "slug": "api-uni", "country": "TR",
    "default_language": "tr", "languages": ["tr", "en"], "admin_email": "iro@api-uni.example",
}


@pytest.fixture
def platform_api(platform_admin) -> Client:
    token = token_for(University.objects.get(schema_name="public"), platform_admin)
    return Client(HTTP_HOST=ROOT_HOST, HTTP_AUTHORIZATION=f"Token {token}")


def test_anonymous_requests_are_refused(root_client):
    response = root_client.get("/api/universities/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_a_universitys_token_means_nothing_on_the_root_domain(university_a, admin_a):
    token = token_for(university_a, admin_a)

    on_root = Client(HTTP_HOST=ROOT_HOST, HTTP_AUTHORIZATION=f"Token {token}")
    assert on_root.get("/api/universities/").status_code == 401
    assert on_root.post("/api/universities/kastamonu/suspend/").status_code == 401

    # and the platform endpoints do not exist on a university's host
    on_tenant = Client(HTTP_HOST=f"kastamonu.{ROOT_HOST}", HTTP_AUTHORIZATION=f"Token {token}")
    assert on_tenant.get("/api/universities/").status_code == 404


def test_a_universitys_session_means_nothing_on_the_root_domain(university_a, admin_a):
    office = Client(HTTP_HOST=f"kastamonu.{ROOT_HOST}")
    office.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"})
    assert office.cookies["sessionid"]
    on_root = Client(HTTP_HOST=ROOT_HOST)
    on_root.cookies = office.cookies

    assert on_root.get("/api/universities/").status_code in (401, 403)


def test_a_public_user_who_is_not_a_platform_admin_is_refused(db):
    user = User.objects.create_user(username="viewer", password="correct horse battery")
    token = token_for(University.objects.get(schema_name="public"), user)

    response = Client(HTTP_HOST=ROOT_HOST, HTTP_AUTHORIZATION=f"Token {token}").get("/api/universities/")

    assert response.status_code == 403


def test_platform_admins_list_universities_with_their_activity(platform_api, admin_a):
    body = platform_api.get("/api/universities/").json()

    by_slug = {university["slug"]: university for university in body}
    assert set(by_slug) == {"kastamonu", "osh"}
    assert by_slug["kastamonu"]["active_users"] == 1
    assert by_slug["kastamonu"]["domains"] == [{"domain": "kastamonu.localhost", "is_primary": True}]


def test_onboarding_through_the_api_answers_202_with_the_job(platform_api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        response = platform_api.post("/api/universities/", ONBOARDING, content_type="application/json")

    assert response.status_code == 202
    job = response.json()
    assert (job["slug"], job["university"], job["status"], job["progress"]) == ("api-uni", "api-uni", "queued", 0)
    assert len(queued) == 1
    assert platform_api.get(job["url"]).json()["id"] == job["id"]
    assert University.objects.get(slug="api-uni").status == "provisioning"


def test_bad_onboarding_input_says_what_is_wrong_and_creates_nothing(platform_api):
    response = platform_api.post("/api/universities/", {**ONBOARDING, "slug": "www", "country": "ZZ"},
                                 content_type="application/json")
    shapeless = platform_api.post("/api/universities/", {"slug": "x"}, content_type="application/json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["fields"]["slug"] == ["This address is reserved for the platform; choose another."]
    assert "country" in error["fields"]
    assert shapeless.status_code == 400
    assert "names" in shapeless.json()["error"]["fields"]
    assert not ProvisioningJob.objects.exists()


def test_detail_suspend_reactivate(platform_api, django_capture_on_commit_callbacks):
    assert platform_api.get("/api/universities/osh/").json()["name"] == "Ош мамлекеттик университети"

    with django_capture_on_commit_callbacks(execute=True):
        suspended = platform_api.post("/api/universities/osh/suspend/")
    assert suspended.json()["status"] == "suspended"
    assert Client(HTTP_HOST=f"osh.{ROOT_HOST}").get("/api/me/").status_code == 503

    again = platform_api.post("/api/universities/osh/suspend/")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "wrong_status"

    with django_capture_on_commit_callbacks(execute=True):
        assert platform_api.post("/api/universities/osh/reactivate/").json()["status"] == "active"


def test_domains_are_listed_and_added(platform_api, university_b):
    response = platform_api.post("/api/universities/osh/domains/", {"domain": "iro.oshsu.kg"},
                                 content_type="application/json")

    assert response.status_code == 201
    assert Client(HTTP_HOST="iro.oshsu.kg").get("/accounts/login/").status_code == 200
    listed = platform_api.get("/api/universities/osh/domains/").json()
    assert listed == [{"domain": "osh.localhost", "is_primary": True}, {"domain": "iro.oshsu.kg", "is_primary": False}]


def test_a_taken_domain_is_refused(platform_api, university_a):
    response = platform_api.post("/api/universities/osh/domains/", {"domain": "kastamonu.localhost"},
                                 content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"]["fields"]["domain"]
    assert Domain.objects.filter(domain="kastamonu.localhost").get().tenant == university_a


def test_unknown_universities_and_jobs_are_404(platform_api):
    assert platform_api.get("/api/universities/nowhere/").status_code == 404
    assert platform_api.get("/api/universities/public/").status_code == 404
    assert platform_api.post("/api/universities/public/suspend/").status_code == 404
    assert platform_api.get("/api/provisioning/999999/").status_code == 404
