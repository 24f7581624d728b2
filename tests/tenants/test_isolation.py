"""What one university's host, session or token can reach of another's."""

import re

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.utils import translation
from django.utils.translation import gettext
from django_tenants.utils import schema_context

from core.accounts.models import User
from tenants.models import University
from tenants.selectors import forget_university_hosts
from tests.conftest import host_of
from tests.core.accounts.helpers import sign_in_with_password, token_for


def test_unknown_host_answers_404(db, client):
    response = client.get("/", HTTP_HOST="nowhere.localhost")

    assert response.status_code == 404


def test_each_host_signs_in_its_own_users(client_a, client_b, admin_a, admin_b):
    response = sign_in_with_password(client_a, "ayse")
    assert response.status_code == 302

    response = sign_in_with_password(client_b, "ayse")
    assert response.status_code == 200  # the form again: no such user on Osh's host


def test_a_session_from_one_university_means_nothing_on_another(client_a, university_b, admin_a):
    sign_in_with_password(client_a, "ayse")
    assert client_a.get("/").status_code == 200

    # the same cookie jar, presented to the other university's host
    response = client_a.get("/", HTTP_HOST=host_of(university_b))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_users_live_in_their_own_schema(admin_a, admin_b, university_a, university_b):
    with schema_context(university_a.schema_name):
        assert list(User.objects.values_list("username", flat=True)) == ["ayse"]
    with schema_context(university_b.schema_name):
        assert list(User.objects.values_list("username", flat=True)) == ["aibek"]


# The API, the console and the platform API, seen from the wrong host.

CONSOLE_TEMPLATES = {f"console/{path.name}" for path in (settings.BASE_DIR / "templates" / "console").glob("*.html")}


def console_paths() -> list[str]:
    """Every route of the platform console, with sample arguments."""
    samples = {"slug": "kastamonu", "int": "1"}

    def fill(match: re.Match) -> str:
        return samples.get(match["converter"] or "str", "x")

    paths = []
    for entry in get_resolver("kopru.urls_public").url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == "console":
            for pattern in entry.url_patterns:
                route = re.sub(r"<(?:(?P<converter>\w+):)?\w+>", fill, f"{entry.pattern}{pattern.pattern}")
                paths.append(f"/{route}")
    return paths


def platform_api_operations(root_client) -> list[tuple[str, str]]:
    """(method, path) of every operation the platform schema describes, except issuing tokens."""
    schema = root_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operations = []
    for template, item in schema["paths"].items():
        if template == "/api/auth/token/":
            continue
        path = re.sub(r"\{(\w+)\}", lambda m: "1" if m[1].endswith("id") else "kastamonu", template)
        operations += [(method, path) for method in item if method in {"get", "post", "put", "patch", "delete"}]
    return operations


def test_the_same_address_answers_each_university_its_own_data(client_a, client_b, university_a, university_b,
                                                              admin_a, admin_b):
    token_a, token_b = token_for(university_a, admin_a), token_for(university_b, admin_b)
    assert sign_in_with_password(client_a, "ayse").status_code == 302
    assert sign_in_with_password(client_b, "aibek").status_code == 302

    assert client_a.get("/api/university/", HTTP_AUTHORIZATION=f"Token {token_a}").json()["slug"] == "kastamonu"
    assert client_b.get("/api/university/", HTTP_AUTHORIZATION=f"Token {token_b}").json()["slug"] == "osh"
    home_a, home_b = client_a.get("/"), client_b.get("/")
    assert home_a.context["university"].slug == "kastamonu"
    assert home_b.context["university"].slug == "osh"
    assert "Ош мамлекеттик" not in home_a.content.decode()
    assert "Kastamonu Üniversitesi" not in home_b.content.decode()


def test_a_session_from_one_university_opens_no_api_on_another(client_a, university_b, admin_a):
    assert sign_in_with_password(client_a, "ayse").status_code == 302
    assert client_a.get("/api/university/").status_code == 200

    response = client_a.get("/api/university/", HTTP_HOST=host_of(university_b))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_a_token_of_one_university_is_refused_on_another(client_b, university_a, admin_a):
    token = token_for(university_a, admin_a)

    response = client_b.get("/api/university/", HTTP_AUTHORIZATION=f"Token {token}")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_the_console_is_not_reachable_from_a_university_host(client_a, university_a, admin_a):
    paths = console_paths()
    assert "/" in paths and len(paths) > 1
    for signed_in in (False, True):
        if signed_in:
            assert sign_in_with_password(client_a, "ayse").status_code == 302
        for path in paths:
            for send in (client_a.get, client_a.post):
                response = send(path)

                assert not CONSOLE_TEMPLATES & {t.name for t in response.templates}, path
                if response.status_code == 302:
                    assert response["Location"].startswith("/accounts/login/"), path  # this host's own login
                else:
                    assert response.status_code in (200, 404, 405), path
                    assert response.status_code != 200 or path == "/", path  # "/" is the office's home
    university_a.refresh_from_db()
    assert university_a.status == University.Status.ACTIVE


def test_a_university_token_opens_nothing_of_the_platform_api(root_client, university_a, admin_a):
    token = token_for(university_a, admin_a)
    operations = platform_api_operations(root_client)
    assert operations

    for method, path in operations:
        response = getattr(root_client, method)(path, HTTP_AUTHORIZATION=f"Token {token}")

        assert response.status_code == 401, (method, path)
        assert response.json()["error"]["code"] == "authentication_failed"
    university_a.refresh_from_db()
    assert university_a.status == University.Status.ACTIVE


def test_a_university_session_opens_nothing_on_the_root_domain(client_a, root_client, admin_a):
    assert sign_in_with_password(client_a, "ayse").status_code == 302
    root_client.cookies = client_a.cookies  # a stolen or replayed cookie, presented to the root domain

    console = root_client.get("/")
    api = root_client.get("/api/universities/")

    assert console.status_code == 302 and console["Location"].startswith("/accounts/login/")
    assert api.status_code == 401


def test_unknown_hosts_answer_404_for_pages_and_api(db, client):
    page = client.get("/", HTTP_HOST="nowhere.localhost")
    api = client.get("/api/university/", HTTP_HOST="nowhere.localhost")

    assert page.status_code == 404
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not_found"


@pytest.fixture
def suspended_a(university_a):
    University.objects.filter(pk=university_a.pk).update(status=University.Status.SUSPENDED)
    forget_university_hosts(university_a)
    yield university_a
    University.objects.filter(pk=university_a.pk).update(status=University.Status.ACTIVE)
    forget_university_hosts(university_a)


def test_a_suspended_university_answers_503_on_pages_and_api(client_a, suspended_a, admin_a):
    token = token_for(suspended_a, admin_a)

    page = client_a.get("/accounts/login/")
    api = client_a.get("/api/university/", HTTP_AUTHORIZATION=f"Token {token}")

    assert page.status_code == 503
    assert "tenants/suspended.html" in {t.name for t in page.templates}
    assert api.status_code == 503
    assert api.json()["error"]["code"] == "university_suspended"
    with translation.override("tr"):
        assert api.json()["error"]["message"] == gettext("This university's account is suspended.")


def test_suspending_one_university_leaves_the_other_open(client_b, suspended_a):
    assert client_b.get("/accounts/login/").status_code == 200
