"""OpenAPI schemas and docs, served by the project itself on each kind of host."""

import re

import pytest
from django.core.management import call_command
from django_tenants.utils import schema_context
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

SCHEMA = "/api/schema/"
OPENAPI_JSON = "application/vnd.oai.openapi+json"


def schema_paths(client) -> set[str]:
    response = client.get(SCHEMA, HTTP_ACCEPT=OPENAPI_JSON)
    assert response.status_code == 200
    return set(response.json()["paths"])


def test_a_university_schema_describes_its_own_api_only(client_a, root_client):
    tenant_paths = schema_paths(client_a)
    platform_paths = schema_paths(root_client)

    assert {"/api/university/", "/api/auth/token/"} <= tenant_paths
    assert "/api/university/" not in platform_paths
    # Both hosts issue, list and revoke their own tokens; every other platform endpoint stays off a
    # university's schema.
    assert tenant_paths & platform_paths == {"/api/auth/token/", "/api/auth/tokens/", "/api/auth/tokens/{token_id}/",
                                             "/api/auth/password/"}


def test_the_two_schemas_carry_their_own_titles(client_a, root_client):
    tenant = client_a.get(SCHEMA, HTTP_ACCEPT=OPENAPI_JSON).json()["info"]["title"]
    platform = root_client.get(SCHEMA, HTTP_ACCEPT=OPENAPI_JSON).json()["info"]["title"]

    assert (tenant, platform) == ("Köprü API", "Köprü platform API")


@pytest.mark.parametrize("urlconf", ["kopru.urls_tenant", "kopru.urls_public"])
def test_schema_generation_is_valid_and_warning_free(urlconf, tmp_path):
    GENERATOR_STATS.reset()  # the counts are process-wide: count this generation's warnings only
    # --fail-on-warn exits non-zero on any warning; --validate checks the OpenAPI JSON schema.
    call_command("spectacular", "--validate", "--fail-on-warn", "--urlconf", urlconf,
                 "--file", str(tmp_path / "schema.yaml"))

    assert (tmp_path / "schema.yaml").stat().st_size > 0


def asset_urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', html)


@pytest.mark.parametrize("which", ["client_a", "root_client"])
def test_the_docs_load_every_asset_from_the_same_host(which, request):
    client = request.getfixturevalue(which)

    response = client.get("/api/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "://" not in html  # no CDN, no absolute address of any other host
    assert "<style" not in html and "<script>" not in html  # nothing inline for the content security policy to block
    urls = asset_urls(html)
    assert any(url.endswith("swagger-ui-bundle.js") for url in urls)
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
        assert url.startswith(("/static/", "/api/docs/")), url
        asset = client.get(url)
        assert asset.status_code == 200, url
        if url.startswith("/api/docs/"):  # the initialising script: no online validator
            script = asset.content.decode()
            assert '"validatorUrl": null' in script
            assert "/api/schema/" in script


def generated(urlconf: str) -> dict:
    return SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)


def operations(schema: dict):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


ERROR_REF = {"$ref": "#/components/schemas/Error"}


@pytest.mark.parametrize("urlconf", ["kopru.urls_tenant", "kopru.urls_public"])
def test_every_operation_documents_its_errors_in_the_error_shape(urlconf):
    for name, operation in operations(generated(urlconf)):
        responses = operation["responses"]
        expected = {"400", "404", "409"}
        if operation.get("security") and {} not in operation["security"]:
            expected |= {"401", "403"}
        if "requestBody" in operation:
            expected |= {"413", "415"}
        for status in expected:
            assert responses[status]["content"]["application/json"]["schema"] == ERROR_REF, (name, status)


def response_schema(schema: dict, name: str, status: str = "200") -> dict:
    method, path = name.split(" ", 1)
    return schema["paths"][path][method.lower()]["responses"][status]["content"]["application/json"]["schema"]


WHOLE_LISTS = [
    "GET /api/statutes/{statute_id}/revisions/", "GET /api/statutes/{statute_id}/diff/",
    "GET /api/agreements/{agreement_id}/documents/", "GET /api/document-templates/", "GET /api/isced-fields/",
    "GET /api/partners/{partner_id}/units/", "GET /api/partners/{partner_id}/contacts/",
    "GET /api/partners/{partner_id}/rankings/", "GET /api/partners/{partner_id}/recognition-checks/",
]


def test_lists_answered_whole_are_documented_as_arrays():
    schema = generated("kopru.urls_tenant")

    for name in WHOLE_LISTS:
        assert response_schema(schema, name)["type"] == "array", name


def test_paginated_lists_are_documented_as_pages():
    schema = generated("kopru.urls_tenant")

    for name in ("GET /api/partners/", "GET /api/agreements/", "GET /api/users/", "GET /api/audit/",
                 "GET /api/statutes/"):
        page = schema["components"]["schemas"][response_schema(schema, name)["$ref"].rsplit("/", 1)[-1]]
        assert {"count", "results"} <= set(page["properties"]), name


def test_files_are_documented_with_their_media_types():
    paths = generated("kopru.urls_tenant")["paths"]

    def media_types(path):
        return {media_type.split(";")[0] for media_type in paths[path]["get"]["responses"]["200"]["content"]}

    spreadsheets = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    assert media_types("/api/partners/export/") == spreadsheets
    assert media_types("/api/agreements/export/") == spreadsheets
    assert media_types("/api/documents/{document_id}/download/{file_format}/") == {
        "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    assert media_types("/api/partners/{partner_id}/recognition-checks/{check_id}/evidence/") == {
        "application/pdf", "image/png", "image/jpeg"}
    assert "application/octet-stream" not in media_types(
        "/api/agreements/{agreement_id}/documents/{document_id}/versions/{number}/file/")


@pytest.mark.parametrize(("address", "parameter"), [
    ("/api/agreements/?status=signed-ish", "status"), ("/api/agreements/?kind=treaty", "kind"),
    ("/api/agreements/?partner=abc", "partner"), ("/api/agreements/?unit=", "unit"),
    ("/api/agreements/?page_size=500", "page_size"), ("/api/agreements/export/?file_format=pdf", "file_format"),
    ("/api/partners/?recognition=maybe", "recognition"), ("/api/partners/export/?file_format=ods", "file_format"),
    ("/api/statutes/?kind=law", "kind"), ("/api/notifications/?unread=perhaps", "unread"),
    ("/api/documents/?agreement=-1", "agreement"), ("/api/audit/?actor=me", "actor"),
    ("/api/agreements/requests/?status=lost", "status"), ("/api/users/?page=x", "page"), ("/api/units/?page=", "page"),
    ("/api/document-templates/info_note/tr/download/?preview=perhaps", "preview"),
])
def test_invalid_enum_and_integer_query_values_are_refused(admin_api, address, parameter):
    response = admin_api.get(address)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert list(response.json()["error"]["fields"]) == [parameter]


@pytest.fixture
def in_force_agreement(university_a):
    from core.agreements.models import Agreement

    with schema_context(university_a.schema_name):
        return Agreement.objects.create(kind=Agreement.Kind.BILATERAL, title_en="Exchange", status="in_force",
                                        scopes=["student_exchange"], published=True)


@pytest.mark.parametrize("content_type", ["application/json", "multipart/form-data; boundary=B"])
def test_an_empty_required_body_is_refused(admin_api, university_a, in_force_agreement, content_type):
    body = "" if content_type == "application/json" else "--B--\r\n"

    response = admin_api.put(f"/api/agreements/{in_force_agreement.pk}/publication/", body, content_type=content_type)

    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["published"]
    with schema_context(university_a.schema_name):
        in_force_agreement.refresh_from_db()
    assert in_force_agreement.published  # an empty form does not unpublish it

