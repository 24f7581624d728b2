"""Every API error answers {"error": {"code", "message", "fields"?}} in the request's language."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from kopru.api.errors import MESSAGES
from tests.conftest import host_of


def in_language(language: str, message) -> str:
    with translation.override(language):
        return str(message)


def test_validation_errors_name_the_fields(client_a):
    response = client_a.post("/api/auth/token/", {"username": "ayse"}, content_type="application/json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["message"] == in_language("tr", gettext("Some fields are not valid."))
    assert list(error["fields"]) == ["password"]


def test_a_body_that_is_not_json_is_a_parse_error(client_a):
    response = client_a.post("/api/auth/token/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_no_credentials_answer_401_in_the_university_language(client_b):
    response = client_b.get("/api/university/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {
        "error": {"code": "not_authenticated", "message": in_language("ky", MESSAGES["not_authenticated"])},
    }


def test_a_wrong_token_answers_401_authentication_failed(client_a):
    response = client_a.get("/api/university/", HTTP_AUTHORIZATION="Token 0123456789abcdef")

    assert response.status_code == 401
    assert response.json()["error"] == {
        "code": "authentication_failed", "message": in_language("tr", MESSAGES["authentication_failed"]),
    }


def sign_in_with_csrf_checks(university, username: str) -> Client:
    client = Client(HTTP_HOST=host_of(university), enforce_csrf_checks=True)
    client.get("/accounts/login/")
    client.post("/accounts/login/", {"username": username, "password": "correct horse battery",
                                     "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    return client


def test_a_session_write_without_csrf_token_is_refused(university_a, admin_a):
    client = sign_in_with_csrf_checks(university_a, "ayse")

    response = client.post("/api/university/", {}, content_type="application/json")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf_failed"


@pytest.mark.urls("tests.api.urls_errors")
def test_a_refusing_permission_answers_403(client_a, token_a):
    response = client_a.get("/api/test/forbidden/", HTTP_AUTHORIZATION=f"Token {token_a}")

    assert response.status_code == 403
    assert response.json() == {
        "error": {"code": "permission_denied", "message": in_language("tr", MESSAGES["permission_denied"])},
    }


def test_an_unknown_api_address_answers_json_404_on_both_kinds_of_host(client_a, root_client):
    for client in (client_a, root_client):
        response = client.get("/api/no/such/thing/")

        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]["code"] == "not_found"


def test_an_unknown_page_is_still_an_html_page(client_a):
    response = client_a.get("/no/such/page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_method_the_endpoint_lacks_answers_405(client_a, token_a):
    response = client_a.delete("/api/university/", HTTP_AUTHORIZATION=f"Token {token_a}")

    assert response.status_code == 405
    assert response.json()["error"] == {
        "code": "method_not_allowed", "message": in_language("tr", MESSAGES["method_not_allowed"]),
    }


@pytest.mark.urls("tests.api.urls_errors")
def test_too_many_requests_answer_429_with_the_wait(client_a):
    assert client_a.get("/api/test/throttled/").status_code == 200

    response = client_a.get("/api/test/throttled/")

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    with translation.override("tr"):
        expected = translation.ngettext(
            "Too many requests. Try again in %(seconds)d second.",
            "Too many requests. Try again in %(seconds)d seconds.",
            60,
        ) % {"seconds": 60}
    assert response.json()["error"] == {"code": "throttled", "message": expected}


@pytest.mark.urls("tests.api.urls_errors")
def test_an_unexpected_failure_answers_json_500_without_its_details(university_a, caplog):
    client = Client(HTTP_HOST=host_of(university_a), raise_request_exception=False)

    response = client.get("/api/test/broken/")

    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "server_error", "message": in_language("tr", MESSAGES["server_error"])},
    }
    assert b"Traceback" not in response.content
    assert b"secret detail" not in response.content
    assert "secret detail of the failure" in caplog.text  # logged for the operators


@pytest.mark.urls("tests.api.urls_errors")
def test_a_broken_service_rule_answers_its_own_code(client_a):
    response = client_a.post("/api/test/rule/", {}, content_type="application/json")

    assert response.status_code == 409
    assert response.json() == {
        "error": {
            "code": "not_a_draft",
            "message": "This agreement is not a draft.",
            "fields": {"status": ["In force."]},
        },
    }


def test_the_root_domain_api_speaks_the_same_shape(root_client):
    response = root_client.post("/api/auth/token/", {}, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert set(response.json()["error"]["fields"]) == {"username", "password"}
