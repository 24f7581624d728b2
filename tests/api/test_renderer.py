"""The API writes its JSON with orjson (kopru/api/renderers.py): the same JSON DRF's own renderer writes."""

import json
from datetime import UTC, date, datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy
from django_tenants.utils import schema_context
from rest_framework.renderers import JSONRenderer as DrfJSONRenderer

from core.partners.models import Partner
from kopru.api.renderers import JSONRenderer


def test_a_list_reads_as_drfs_own_json_would(admin_api, university_a):
    with schema_context(university_a.schema_name):
        Partner.objects.create(name_en="Line\u2028Separator University", city="Ош", country="KG")

    response = admin_api.get("/api/partners/", HTTP_ACCEPT_LANGUAGE="en")

    assert response["Content-Type"] == "application/json"
    drf_would_write = DrfJSONRenderer().render(response.data)
    assert json.loads(response.content) == json.loads(drf_would_write)
    assert b"\\u2028" in response.content and "\u2028".encode() not in response.content  # escaped, as DRF does
    assert "Ош".encode() in response.content  # UTF-8, not \\u escapes


def test_values_no_serializer_wrote_are_written_as_drf_writes_them():
    data = {"at": datetime(2026, 12, 3, 9, 30, 15, 123456, tzinfo=UTC), "on": date(2026, 12, 3),
            "months": Decimal("5.0"), "label": gettext_lazy("Partners"), 7: ["a", None, 1.5, True]}

    assert JSONRenderer().render(data) == DrfJSONRenderer().render(data)
    assert b'"at":"2026-12-03T09:30:15.123456Z"' in JSONRenderer().render(data)


def test_a_client_asking_for_indented_json_gets_it(admin_api):
    response = admin_api.get("/api/university/", HTTP_ACCEPT="application/json; indent=2")

    assert response.content.startswith(b'{\n  "')


def test_errors_and_their_translated_messages_are_written_too(admin_api):
    response = admin_api.get("/api/partners/999999/", HTTP_ACCEPT_LANGUAGE="tr")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert response.json()["error"]["message"]
