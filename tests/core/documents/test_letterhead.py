"""The office's letterhead: set by its administrators on a page or through the API, its own university's only."""

from django.test import Client
from django_tenants.utils import schema_context

from core.audit.models import AuditEntry
from core.documents.letterhead import letterhead_get
from core.documents.models import Letterhead
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api

CODES = {"detsis_number": "12345678", "file_plan_code": "010.06.02"}


def test_an_office_admin_sets_the_letterhead_through_the_api(admin_api, university_a):
    response = admin_api.patch("/api/letterhead/", {
        **CODES, "kep_address": "kastamonu@hs01.kep.tr", "unit_name": {"tr": "Uluslararası İlişkiler Koordinatörlüğü",
                                                                        "en": "International Relations Office"},
    }, content_type="application/json")

    assert response.status_code == 200, response.content
    body = admin_api.get("/api/letterhead/").json()
    assert (body["detsis_number"], body["file_plan_code"], body["kep_address"]) == (
        "12345678", "010.06.02", "kastamonu@hs01.kep.tr")
    assert body["unit_name"] == {"tr": "Uluslararası İlişkiler Koordinatörlüğü", "ky": None, "ru": None,
                                 "en": "International Relations Office"}
    admin_api.patch("/api/letterhead/", {"phone": "+90 366 280 10 00"}, content_type="application/json")
    with schema_context(university_a.schema_name):
        kept = letterhead_get()
        assert (kept.phone, kept.detsis_number) == ("+90 366 280 10 00", "12345678")  # the rest is kept
        assert AuditEntry.objects.filter(action="letterhead.changed").count() == 2


def test_bad_codes_are_refused_on_their_field_and_change_nothing(admin_api, university_a):
    admin_api.patch("/api/letterhead/", CODES, content_type="application/json")

    response = admin_api.patch("/api/letterhead/", {"detsis_number": "1234", "file_plan_code": "10-6",
                                                    "phone": "0"}, content_type="application/json",
                               HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert {"detsis_number", "file_plan_code"} <= set(response.json()["error"]["fields"])
    with schema_context(university_a.schema_name):
        assert (letterhead_get().detsis_number, letterhead_get().phone) == ("12345678", "")


def test_only_office_admins_and_only_their_own_university(admin_api, university_a, university_b, admin_b, token_b):
    coordinator = make_office_user(university_a, username="koord", role="coordinator")
    admin_api.patch("/api/letterhead/", CODES, content_type="application/json")

    assert api(university_a, coordinator).get("/api/letterhead/").status_code == 403
    assert api(university_a, coordinator).patch("/api/letterhead/", {"phone": "1"},
                                                content_type="application/json").status_code == 403
    foreign_token = Client(HTTP_HOST=host_of(university_a), HTTP_AUTHORIZATION=f"Token {token_b}")
    assert foreign_token.get("/api/letterhead/").status_code == 401
    assert foreign_token.patch("/api/letterhead/", {"phone": "1"}, content_type="application/json").status_code == 401
    assert api(university_b, admin_b).get("/api/letterhead/").json()["detsis_number"] == ""  # B has its own
    with schema_context(university_b.schema_name):
        assert not Letterhead.objects.exists()


def test_the_letterhead_page_saves_and_shows_what_is_wrong(office_a_en, university_a):
    assert office_a_en.get("/documents/letterhead/").status_code == 200

    saved = office_a_en.post("/documents/letterhead/", {**CODES, "unit_name_tr": "Dış İlişkiler Ofisi",
                                                        "address_tr": "Kuzeykent, Kastamonu"})
    refused = office_a_en.post("/documents/letterhead/", {"detsis_number": "abc"})

    assert saved.status_code == 302
    assert refused.status_code == 400 and "detsis_number" in refused.context["form"].errors
    with schema_context(university_a.schema_name):
        letterhead = letterhead_get()
        assert (letterhead.unit_name_tr, letterhead.address_tr, letterhead.detsis_number) == (
            "Dış İlişkiler Ofisi", "Kuzeykent, Kastamonu", "12345678")
