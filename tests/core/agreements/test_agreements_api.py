"""The agreements API on a university's host: CRUD, filters, scoping, isolation and its query count."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from core.agreements.models import Agreement
from core.office.models import Role
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api
from tests.core.agreements.agreement_world import make, sms_row, unit_staff


def payload(world, **overrides) -> dict:
    return {
        "kind": "erasmus_ka131", "title_tr": "Varşova Erasmus+ anlaşması", "title_en": "Erasmus+ with Warsaw",
        "reference": "KA131-2025-3", "partners": [world.warsaw.pk], "units": [world.forestry.pk],
        "scopes": ["student_exchange", "staff_exchange"], "starts_on": "2025-09-01", "ends_on": "2029-08-31",
        "renewal": "by_notice", "text_languages": ["en"],
        "signatories": [{"side": "ours", "name": "Prof. Dr. Ahmet Hamdi Topal",
                         "titles": {"tr": "Rektör", "en": "Rector"}}],
        "conditions": [
            {"direction": "outgoing", "mobility_type": "SMS", "isced": "0421", "eqf_level": 6, "places_per_year": 2,
             "months_per_person": "5.0", "language": "en", "cefr_level": "B2"},
            {"direction": "incoming", "mobility_type": "STA", "places_per_year": 1, "days_per_person": 5},
        ],
        **overrides,
    }


def test_create_read_update_delete(university_a, admin_a, world):
    client = api(university_a, admin_a)

    created = client.post("/api/agreements/", payload(world), content_type="application/json")
    agreement_id = created.json()["id"]
    read = client.get(f"/api/agreements/{agreement_id}/", HTTP_ACCEPT_LANGUAGE="tr")
    changed = client.patch(f"/api/agreements/{agreement_id}/", {"ends_on": "2030-08-31", "partners": [
        world.warsaw.pk, world.osh.pk]}, content_type="application/json")
    deleted = client.delete(f"/api/agreements/{agreement_id}/")

    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["status"] == "draft"
    assert body["titles"]["tr"] == "Varşova Erasmus+ anlaşması"
    by_type = {row["mobility_type"]: row for row in body["conditions"]}
    assert set(by_type) == {"SMS", "STA"}
    assert by_type["SMS"]["isced"]["code"] == "0421"
    assert by_type["STA"]["days_per_person"] == 5
    assert body["signatories"][0]["name"] == "Prof. Dr. Ahmet Hamdi Topal"
    assert body["unrecognised_partner"] is False
    assert read.status_code == 200
    assert changed.status_code == 200
    assert changed.json()["ends_on"] == "2030-08-31"
    assert len(changed.json()["conditions"]) == 2  # conditions not given are left as they were
    assert changed.json()["unrecognised_partner"] is True  # Osh is not checked against YÖK's list
    assert deleted.status_code == 204
    with schema_context(university_a.schema_name):
        assert not Agreement.objects.exists()


@pytest.mark.parametrize(("overrides", "field"), [
    ({"partners": []}, "partners"),
    ({"translations_checked": ["reference"]}, "translations_checked"),
    ({"starts_on": "2026-01-01", "ends_on": "2025-01-01"}, "ends_on"),
    ({"conditions": [{"direction": "outgoing", "mobility_type": "STA", "places_per_year": 1,
                      "months_per_person": "2"}]}, "conditions"),
    ({"conditions": [{"direction": "outgoing", "mobility_type": "SMS", "places_per_year": 1,
                      "months_per_person": "2", "isced": "9999"}]}, "conditions"),
    ({"partners": [999999]}, "partners"),
])
def test_bad_input_is_refused_clearly_and_changes_nothing(university_a, admin_a, world, overrides, field):
    response = api(university_a, admin_a).post("/api/agreements/", payload(world, **overrides),
                                               content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert field in response.json()["error"]["fields"]
    with schema_context(university_a.schema_name):
        assert not Agreement.objects.exists()


def test_the_row_that_breaks_a_rule_is_the_one_reported(university_a, admin_a, world):
    conditions = payload(world)["conditions"] + [
        {"direction": "outgoing", "mobility_type": "SMT", "places_per_year": 1, "days_per_person": 60}]

    response = api(university_a, admin_a).post("/api/agreements/", payload(world, conditions=conditions),
                                               content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")

    rows = response.json()["error"]["fields"]["conditions"]
    assert rows[0] == rows[1] == {}
    assert "ay olarak sayılır" in rows[2]["months_per_person"][0]  # "counted in months", in Turkish


def test_filters(university_a, admin_a, world):
    with_osh = make(university_a, world, admin_a, titles={"tr": "Oş protokolü"}, partners=[world.osh],
                    kind="bilateral", units=[world.wood])
    make(university_a, world, admin_a, titles={"en": "Warsaw"}, units=[world.medicine])
    client = api(university_a, admin_a)

    def ids(query: str) -> list[int]:
        return [row["id"] for row in client.get(f"/api/agreements/?{query}").json()["results"]]

    assert ids("q=Ош") == ids("q=osh") == ids("q=Oş") == [with_osh.pk]  # any script, title or partner name
    assert ids("q=государственный") == [with_osh.pk]
    assert ids("kind=bilateral") == [with_osh.pk]
    assert ids("country=KG") == ids(f"partner={world.osh.pk}") == [with_osh.pk]
    assert ids(f"unit={world.forestry.pk}") == [with_osh.pk]  # the department is part of the faculty
    assert ids("status=in_force") == []


def test_expiring_within(university_a, admin_a, world):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    soon = make(university_a, world, admin_a, ends_on=today + timedelta(days=20))
    make(university_a, world, admin_a, ends_on=today + timedelta(days=200))
    make(university_a, world, admin_a, ends_on=today - timedelta(days=1))

    response = api(university_a, admin_a).get("/api/agreements/?expiring_within=30")

    assert [row["id"] for row in response.json()["results"]] == [soon.pk]


def test_unit_staff_see_the_agreements_of_their_units_and_below(university_a, admin_a, world):
    wood_agreement = make(university_a, world, admin_a, units=[world.wood])
    forestry_agreement = make(university_a, world, admin_a, units=[world.forestry, world.medicine])
    medicine_agreement = make(university_a, world, admin_a, units=[world.medicine])
    staff = unit_staff(university_a, world.forestry)
    client = api(university_a, staff)

    listed = {row["id"] for row in client.get("/api/agreements/").json()["results"]}

    assert listed == {wood_agreement.pk, forestry_agreement.pk}
    assert client.get(f"/api/agreements/{medicine_agreement.pk}/").status_code == 404
    assert client.get(f"/api/agreements/{wood_agreement.pk}/").status_code == 200


def test_readers_cannot_change_agreements(university_a, admin_a, world):
    agreement = make(university_a, world, admin_a)
    viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER)
    client = api(university_a, viewer)

    assert client.get(f"/api/agreements/{agreement.pk}/").status_code == 200
    assert client.post("/api/agreements/", payload(world), content_type="application/json").status_code == 403
    assert client.patch(f"/api/agreements/{agreement.pk}/", {"reference": "x"},
                        content_type="application/json").status_code == 403
    assert client.delete(f"/api/agreements/{agreement.pk}/").status_code == 403


def test_another_universitys_agreement_is_not_found_and_its_token_is_refused(university_a, university_b, admin_a,
                                                                            admin_b, agreement_b):
    with schema_context(university_a.schema_name):
        assert not Agreement.objects.filter(pk=agreement_b.pk).exists()

    on_kastamonu = api(university_a, admin_a)
    assert on_kastamonu.get(f"/api/agreements/{agreement_b.pk}/").status_code == 404
    assert on_kastamonu.patch(f"/api/agreements/{agreement_b.pk}/", {"reference": "x"},
                              content_type="application/json").status_code == 404
    assert on_kastamonu.get("/api/agreements/").json()["count"] == 0

    kastamonu_token_on_osh = Client(HTTP_HOST=host_of(university_b),
                                    HTTP_AUTHORIZATION=api(university_a, admin_a).defaults["HTTP_AUTHORIZATION"])
    assert kastamonu_token_on_osh.get("/api/agreements/").status_code == 401
    assert kastamonu_token_on_osh.get(f"/api/agreements/{agreement_b.pk}/").status_code == 401


def test_the_list_runs_the_same_queries_whatever_the_page_size(university_a, admin_a, world):
    for number in range(50):
        make(university_a, world, admin_a, titles={"en": f"Agreement {number}"}, partners=[world.warsaw, world.osh],
             units=[world.forestry, world.wood], conditions=[sms_row(world), sms_row(world, direction="incoming")])
    client = api(university_a, admin_a)
    client.get("/api/agreements/?page_size=5")  # warm the host and token caches

    counts = {}
    for size in (5, 50):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/agreements/?page_size={size}")
        assert len(response.json()["results"]) == size
        counts[size] = len(queries)

    assert counts[5] == counts[50]
    assert counts[50] <= 10


def test_isced_fields_are_listed_in_the_readers_language(university_b, admin_b):
    response = api(university_b, admin_b).get("/api/isced-fields/", HTTP_ACCEPT_LANGUAGE="ru")

    fields = {row["code"]: row["name"] for row in response.json()}
    assert len(fields) == 120
    assert fields["0912"] == "Медицина"
