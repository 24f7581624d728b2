"""OpenAPI schemas and docs, served by the project itself on each kind of host."""

import re

import pytest
from django.core.management import call_command
from drf_spectacular.drainage import GENERATOR_STATS

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
    assert tenant_paths & platform_paths == {"/api/auth/token/", "/api/auth/tokens/", "/api/auth/tokens/{token_id}/"}


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
