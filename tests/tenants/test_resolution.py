"""Resolving the university from the host: no query once warm, changes seen on the next request."""

from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tenants.models import Domain, University
from tenants.selectors import forget_university_hosts
from tests.core.accounts.helpers import sign_in_with_password, token_for

PUBLIC_TABLES = ("tenants_domain", "tenants_university")


def public_table_queries(captured: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in captured if any(table in query["sql"] for table in PUBLIC_TABLES)]


@contextmanager
def statements():
    """Every SQL statement the request runs through Django's cursors."""
    seen: list[str] = []

    def record(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield seen


def test_a_warm_host_costs_no_query_on_the_public_tables(client_a, university_a):
    client_a.get("/accounts/login/")  # warms the host cache

    with CaptureQueriesContext(connection) as captured:
        response = client_a.get("/accounts/login/")

    assert response.status_code == 200
    assert public_table_queries(captured) == []


def test_suspension_applies_on_the_next_request(client_a, university_a):
    assert client_a.get("/accounts/login/").status_code == 200

    University.objects.filter(pk=university_a.pk).update(status=University.Status.SUSPENDED)
    forget_university_hosts(university_a)

    assert client_a.get("/accounts/login/").status_code == 503


def test_a_new_domain_answers_at_once(client, university_a):
    assert client.get("/accounts/login/", HTTP_HOST="kastamonu.example.org").status_code == 404

    Domain.objects.create(domain="kastamonu.example.org", tenant=university_a, is_primary=False)

    response = client.get("/accounts/login/", HTTP_HOST="kastamonu.example.org")
    assert response.status_code == 200
    assert response.wsgi_request.tenant.schema_name == university_a.schema_name


def test_hosts_are_matched_without_regard_to_case(client, university_a):
    response = client.get("/accounts/login/", HTTP_HOST="Kastamonu.LOCALHOST")

    assert response.status_code == 200
    assert response.wsgi_request.tenant.schema_name == university_a.schema_name


def test_a_university_still_being_provisioned_opens_when_it_is_done(client_a, university_a):
    University.objects.filter(pk=university_a.pk).update(status=University.Status.PROVISIONING)
    forget_university_hosts(university_a)
    assert client_a.get("/accounts/login/").status_code == 404

    University.objects.filter(pk=university_a.pk).update(status=University.Status.ACTIVE)

    assert client_a.get("/accounts/login/").status_code == 200  # not cached while provisioning


def assert_search_path_set_once_first(seen: list[str], *, queries_at_least: int) -> None:
    search_paths = [sql for sql in seen if sql.upper().startswith("SET SEARCH_PATH")]
    assert len(search_paths) == 1, seen
    assert seen[0] == search_paths[0], seen
    assert len(seen) - 1 >= queries_at_least, seen  # the request did query after the SET


def test_search_path_is_set_once_per_request(client_a, university_a, admin_a):
    token = token_for(university_a, admin_a)
    client_a.get("/api/university/", HTTP_AUTHORIZATION=f"Token {token}")  # warm

    with statements() as seen:
        response = client_a.get("/api/university/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    assert_search_path_set_once_first(seen, queries_at_least=1)  # the token, with its user

    sign_in_with_password(client_a, "ayse")
    with statements() as seen:
        response = client_a.get("/api/university/")
    assert response.status_code == 200
    assert_search_path_set_once_first(seen, queries_at_least=2)  # the session, its user, and whatever the stack reads
