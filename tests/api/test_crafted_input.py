"""Crafted requests get a clear 4xx in the API's error shape, never a server error, and change nothing.

Each payload is one a fuzzing run or a person found: NUL in a list filter, a number of days
past the calendar's end, 100,000 nested brackets, OPTIONS on views without a lookup field, the
missing format of a statute export, a body over Django's limits.
"""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_tenants.utils import get_public_schema_name, schema_context

from core.agreements.models import Agreement
from core.documents.models import DocumentKind, GeneratedDocument
from core.partners.models import Partner
from core.statutes.models import Clause, Revision, Statute
from tests.conftest import ROOT_HOST, host_of
from tests.core.accounts.helpers import in_english, sign_in


def signed_in(university, user) -> Client:
    """A session of the user on the university's host, reading English."""
    return sign_in(in_english(Client(HTTP_HOST=host_of(university))), university, user)


@pytest.fixture
def api_a(university_a, admin_a):
    return signed_in(university_a, admin_a)


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    return error


def partner_count(university) -> int:
    with schema_context(university.schema_name):
        return Partner.objects.count()


LIST_FILTERS = [
    ("/api/partners/", "country"), ("/api/partners/", "q"), ("/api/partners/", "recognition"),
    ("/api/partners/export/", "q"), ("/api/agreements/", "country"), ("/api/agreements/", "q"),
    ("/api/agreements/export/", "file_format"), ("/api/agreements/requests/", "status"),
    ("/api/audit/", "action"), ("/api/documents/", "statute"), ("/api/notifications/", "unread"),
    ("/api/statutes/", "kind"), ("/api/users/", "page"), ("/api/partners/", "unknown_parameter"),
]


@pytest.mark.parametrize(("path", "parameter"), LIST_FILTERS)
def test_nul_in_a_list_filter_is_refused(api_a, path, parameter):
    response = api_a.get(f"{path}?{parameter}=%00")

    error = assert_error(response, 400, "invalid_query")
    assert error["message"] == "The address holds a NUL character, which no parameter may contain."


@pytest.mark.parametrize("path", ["/partners/?q=%00", "/agreements/?q=%00", "/statutes/?q=a%00b"])
def test_nul_in_a_page_filter_is_a_bad_request_page(university_a, admin_a, path):
    client = signed_in(university_a, admin_a)

    response = client.get(path)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_a_number_of_days_past_the_calendar_is_refused(api_a):
    error = assert_error(api_a.get("/api/agreements/?expiring_within=3000000"), 400, "invalid")

    assert list(error["fields"]) == ["expiring_within"]


def test_a_hundred_thousand_nested_brackets_are_a_parse_error(client_a, university_a):
    response = client_a.post("/api/auth/token/", "[" * 100_000, content_type="application/json")

    assert_error(response, 400, "parse_error")


def test_nesting_within_the_limit_is_read_as_json(client_a):
    body = '{"username": "x", "password": "[[[{{{", "otp": [[[[1]]]]}'

    error = assert_error(client_a.post("/api/auth/token/", body, content_type="application/json"), 400, "invalid")

    assert list(error["fields"]) == ["otp"]  # parsed: only the list where a string belongs is refused


@pytest.fixture
def agreement_and_clause(university_a):
    with schema_context(university_a.schema_name):
        agreement = Agreement.objects.create(kind=Agreement.Kind.BILATERAL, title_en="Exchange",
                                             scopes=["student_exchange"])
        statute = Statute.objects.create(kind=Statute.Kind.STATUTE, title_en="Directive")
        revision = Revision.objects.create(statute=statute, number=0, status="draft")
        clause = Clause.objects.create(revision=revision, position=1, number="1.", text_en="Scope")
    return agreement, clause


def test_options_on_views_without_a_lookup_field(api_a, agreement_and_clause):
    agreement, clause = agreement_and_clause

    for path in (f"/api/agreements/{agreement.pk}/publication/", f"/api/statutes/clauses/{clause.pk}/links/"):
        response = api_a.options(path)

        assert response.status_code == 200, path
        assert response.json()["parses"], path
        assert "actions" not in response.json()  # the bodies are described by the schema


def api_routes(urlconf: str) -> list[str]:
    """Every API address of a URLconf, from the resolver, with 1 for each id and `x` for each word."""
    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route

    routes = [route for route in walk(get_resolver(urlconf).url_patterns, "/") if route.startswith("/api/")]
    filled = []
    for route in routes:
        for converter, value in (("int", "1"), ("slug", "x"), ("str", "x")):
            while f"<{converter}:" in route:
                start = route.index(f"<{converter}:")
                route = route[:start] + value + route[route.index(">", start) + 1:]
        filled.append(route)
    return filled


def test_options_works_on_every_api_address(api_a, university_a, platform_admin):
    platform = Client(HTTP_HOST=ROOT_HOST)
    with schema_context(get_public_schema_name()):
        platform.force_login(platform_admin)

    for client, urlconf in ((api_a, "kopru.urls_tenant"), (platform, "kopru.urls_public")):
        routes = api_routes(urlconf)
        assert "/api/partners/" in routes or "/api/universities/" in routes
        for path in routes:
            response = client.options(path)

            assert response.status_code < 500, path


def test_head_answers_like_get(api_a):
    assert api_a.head("/api/partners/").status_code == 200


def pdf_only_statute_export(university) -> GeneratedDocument:
    with schema_context(university.schema_name):
        statute = Statute.objects.create(kind=Statute.Kind.STATUTE, title_en="Directive")
        return GeneratedDocument.objects.create(
            kind=DocumentKind.STATUTE, language="en", subject=statute, version=1, title="Directive",
            pdf=ContentFile(b"%PDF-1.4\n%%EOF\n", name="directive.pdf"),
        )


def test_a_statute_export_made_as_pdf_asked_as_docx_says_so(api_a, university_a):
    document = pdf_only_statute_export(university_a)

    response = api_a.get(f"/api/documents/{document.pk}/download/docx/")

    error = assert_error(response, 404, "format_not_made")
    assert error["message"] == "This document was not made as DOCX. Its links name the files it has."
    assert api_a.get(f"/api/documents/{document.pk}/download/pdf/").status_code == 200


def test_the_page_download_of_the_missing_format_is_not_found(university_a, admin_a):
    document = pdf_only_statute_export(university_a)

    response = signed_in(university_a, admin_a).get(f"/documents/{document.pk}/download/docx/")

    assert response.status_code == 404


@pytest.fixture
def small_limits(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10


def test_a_json_body_over_the_limit_answers_413(api_a, university_a, small_limits):
    body = '{"name_en": "%s", "country": "DE"}' % ("x" * 2000)

    response = api_a.post("/api/partners/", body, content_type="application/json")

    assert_error(response, 413, "too_large")
    assert partner_count(university_a) == 0


def test_an_anonymous_body_over_the_limit_answers_413(client_a, small_limits):
    body = '{"username": "%s", "password": "x"}' % ("x" * 2000)

    assert_error(client_a.post("/api/auth/token/", body, content_type="application/json"), 413, "too_large")


def test_a_form_with_too_many_fields_answers_413(api_a, small_limits):
    fields = {f"field{number}": "x" for number in range(20)}

    assert_error(api_a.post("/api/partners/import/", fields), 413, "too_large")


def test_a_form_field_over_the_limit_answers_413(api_a, university_a, small_limits):
    with schema_context(university_a.schema_name):
        partner = Partner.objects.create(name_en="Graz University", country="AT")

    # The units' address reads forms too (a partner's own body is JSON only: it nests texts by language).
    response = api_a.post(f"/api/partners/{partner.pk}/units/", {"name_en": "x" * 2000})

    assert_error(response, 413, "too_large")
    with schema_context(university_a.schema_name):
        assert not partner.units.exists()


def test_a_body_over_the_limit_on_a_page_is_still_a_page(university_a, admin_a, small_limits):
    client = signed_in(university_a, admin_a)

    response = client.post("/partners/new/", {"name_en": "x" * 2000})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_a_valid_request_still_works(api_a, university_a):
    response = api_a.get(f"/api/agreements/?expiring_within=30&status=in_force&ends_on={date.today()}")

    assert response.status_code == 200
