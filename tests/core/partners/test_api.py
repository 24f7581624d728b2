"""The partner register's API on a university's host."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tenants.utils import schema_context

from core.office.models import Role
from core.partners.models import Partner, RankingEntry
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api, in_english, token_for
from tests.core.partners.tables import csv_file, xlsx_file
from tests.uploads import PDF, PNG

JSON = "application/json"


def test_partner_crud(admin_api_en, university_a, admin_a):
    created = admin_api_en.post("/api/partners/", {
        "name_ky": "Ош мамлекеттик университети", "name_en": "Osh State University", "country": "kg",
        "cities": {"en": "Osh", "ky": "Ош"}, "erasmus_code": "", "pic": "987 654 321", "ror": "https://ror.org/05dxps055",
    }, content_type=JSON)
    partner_id = created.json()["id"]
    patched = admin_api_en.patch(f"/api/partners/{partner_id}/", {"name_ru": "Ошский государственный университет",
                                                                 "website": "oshsu.kg"}, content_type=JSON)
    turkish = api(university_a, admin_a)
    turkish.cookies["kopru_language"] = "tr"
    one = turkish.get(f"/api/partners/{partner_id}/")
    deleted = admin_api_en.delete(f"/api/partners/{partner_id}/")

    assert created.status_code == 201
    assert created.json()["pic"] == "987654321" and created.json()["ror"] == "05dxps055"
    assert created.json()["country_name"] == "Kyrgyzstan"
    assert (created.json()["city"], created.json()["cities"]) == ("Osh", {"tr": None, "ky": "Ош", "ru": None,
                                                                          "en": "Osh"})
    assert patched.json()["names"] == {"tr": None, "ky": "Ош мамлекеттик университети",
                                       "ru": "Ошский государственный университет", "en": "Osh State University"}
    assert patched.json()["website"] == "https://oshsu.kg"
    assert one.json()["name"] == "Osh State University"  # no Turkish name: the closest language
    assert one.json()["country_name"] == "Kırgızistan"
    assert one.json()["city"] == "Osh"  # no Turkish city either: the closest language
    assert one.json()["recognition"] == "unchecked" and one.json()["recognition_needs_attention"] is True
    assert deleted.status_code == 204
    with schema_context(university_a.schema_name):
        assert not Partner.objects.exists()


def test_bad_partner_input_is_refused_field_by_field(admin_api_en, university_a, partners_a):
    bad = admin_api_en.post("/api/partners/", {
        "name_en": "Bad", "country": "DE", "erasmus_code": "TRKASTAMO", "pic": "12345678", "oid": "10208522",
        "schac": "x", "ror": "05dxps056",
    }, content_type=JSON)
    taken = admin_api_en.post("/api/partners/", {"name_en": "Copy", "country": "DE", "erasmus_code": "D  BERLIN01",
                                                 "pic": "999976093"}, content_type=JSON)
    nameless = admin_api_en.patch(f"/api/partners/{partners_a['warsaw'].pk}/", {"name_en": ""}, content_type=JSON)

    assert bad.status_code == taken.status_code == nameless.status_code == 400
    assert set(bad.json()["error"]["fields"]) == {"erasmus_code", "pic", "oid", "schac", "ror"}
    assert taken.json()["error"]["fields"]["erasmus_code"] == [
        "Another partner already has this Erasmus code: Free University of Berlin."]
    assert "pic" in taken.json()["error"]["fields"]
    assert nameless.json()["error"]["code"] == "name_required"
    with schema_context(university_a.schema_name):
        assert Partner.objects.count() == 3
        assert Partner.objects.get(pk=partners_a["warsaw"].pk).name_en == "University of Warsaw"


def test_list_search_filters_and_query_count(admin_api_en, university_a, partners_a, django_assert_max_num_queries):
    with schema_context(university_a.schema_name):
        Partner.objects.bulk_create([Partner(name_en=f"Université {n}", country="FR") for n in range(60)])

    with django_assert_max_num_queries(8):
        first_page = admin_api_en.get("/api/partners/")
    with django_assert_max_num_queries(8):
        second_page = admin_api_en.get("/api/partners/?page=2")
    osh = admin_api_en.get("/api/partners/?q=osh").json()
    attention = admin_api_en.get("/api/partners/?recognition=attention&country=DE").json()

    assert first_page.json()["count"] == 63 and len(first_page.json()["results"]) == 50
    assert len(second_page.json()["results"]) == 13
    assert [partner["name"] for partner in first_page.json()["results"][:2]] == [
        "Free University of Berlin", "Université 0"]
    assert [partner["id"] for partner in osh["results"]] == [partners_a["osh"].pk]
    assert [partner["id"] for partner in attention["results"]] == [partners_a["berlin"].pk]


def test_units_contacts_and_rankings(admin_api_en, partners_a):
    base = f"/api/partners/{partners_a['berlin'].pk}"

    unit = admin_api_en.post(f"{base}/units/", {"name_en": "Faculty of Law"}, content_type=JSON).json()
    renamed = admin_api_en.patch(f"{base}/units/{unit['id']}/", {"name_tr": "Hukuk Fakültesi"}, content_type=JSON)
    contact = admin_api_en.post(f"{base}/contacts/", {"name": "Anna Schmidt", "email": "anna@fu.example",
                                                      "is_primary": True}, content_type=JSON)
    bad_contact = admin_api_en.post(f"{base}/contacts/", {"name": "X", "email": "no"}, content_type=JSON)
    added = admin_api_en.post(f"{base}/rankings/", {"system": "THE", "year": 2024, "band": "101-125"},
                              content_type=JSON)
    again = admin_api_en.post(f"{base}/rankings/", {"system": "THE", "year": 2024, "rank": 110}, content_type=JSON)
    edited = admin_api_en.patch(f"{base}/rankings/{added.json()['id']}/", {"year": 2023, "rank": 110, "band": ""},
                                content_type=JSON)
    detail = admin_api_en.get(f"{base}/").json()

    assert renamed.json()["names"]["tr"] == "Hukuk Fakültesi"
    assert contact.status_code == 201 and bad_contact.status_code == 400
    assert (added.status_code, again.status_code) == (201, 400)  # an entry is changed, never overwritten unseen
    assert "change that entry instead" in again.json()["error"]["fields"]["year"][0]
    assert edited.json() == {"id": added.json()["id"], "system": "THE", "year": 2023, "rank": 110, "band": ""}
    assert [u["name"] for u in detail["units"]] == ["Faculty of Law"]
    assert [c["name"] for c in detail["contacts"]] == ["Anna Schmidt"]
    assert admin_api_en.delete(f"{base}/units/{unit['id']}/").status_code == 204
    assert admin_api_en.delete(f"{base}/rankings/{added.json()['id']}/").status_code == 204
    assert admin_api_en.delete(f"{base}/contacts/{contact.json()['id']}/").status_code == 204


def test_recognition_checks_through_the_api(admin_api_en, university_a, partners_a):
    partner = partners_a["berlin"]
    url = f"/api/partners/{partner.pk}/recognition-checks/"
    today = date.today().isoformat()

    no_number = admin_api_en.post(url, {"status": "recognised", "checked_on": today, "method": "yok_letter"})
    wrong_type = admin_api_en.post(url, {"status": "recognised", "checked_on": today, "method": "okultanima",
                                         "evidence": SimpleUploadedFile("result.pdf", b"GIF89a....")})
    recorded = admin_api_en.post(url, {"status": "not_recognised", "checked_on": today, "method": "okultanima",
                                       "evidence": SimpleUploadedFile("result.png", PNG)})
    evidence = admin_api_en.get(f"{url}{recorded.json()['id']}/evidence/")

    assert no_number.json()["error"]["fields"]["reference"] == ["Give the number of YÖK's letter."]
    assert wrong_type.json()["error"]["fields"]["evidence"] == [
        "Upload the evidence as a PDF, PNG or JPEG file; this file is none of them."]
    assert recorded.status_code == 201 and recorded.json()["has_evidence"] is True
    assert b"".join(evidence.streaming_content).startswith(b"\x89PNG")
    partner_now = admin_api_en.get(f"/api/partners/{partner.pk}/").json()
    assert partner_now["recognition"] == "not_recognised"
    assert len(partner_now["recognition_checks"]) == 1


def test_imports_answer_counts_or_row_errors(admin_api_en, university_a, partners_a):
    refused = admin_api_en.post("/api/partners/import/", {"file": csv_file(
        "name_en,country,erasmus_code\nGood,DE,D  GOOD01\nBad,DE,BAD\n")})
    imported = admin_api_en.post("/api/partners/import/", {"file": xlsx_file(
        [["name_en", "country", "erasmus_code"], ["Good", "DE", "D  GOOD01"], ["Warsaw", "PL", "PL WARSZAW01"]])})
    rankings_refused = admin_api_en.post("/api/partners/rankings/import/", {"file": csv_file(
        "partner,system,year,rank\nD  GOOD01,THE,2024,5\nD  GOOD01,QS,1800,5\n")})
    rankings = admin_api_en.post("/api/partners/rankings/import/", {"file": csv_file(
        "partner,system,year,rank\nD  GOOD01,THE,2024,5\n")})
    not_a_table = admin_api_en.post("/api/partners/import/", {"file": SimpleUploadedFile("x.xlsx", PDF)})

    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "import_invalid"
    assert refused.json()["error"]["fields"]["rows"] == [{"line": 3, "column": "erasmus_code", "message": (
        "Enter an Erasmus code such as “TR KASTAMO01”: country, city and number.")}]
    assert imported.json() == {"created": 1, "updated": 1}
    assert rankings_refused.json()["error"]["fields"]["rows"][0]["line"] == 3
    assert rankings.json() == {"created": 1, "updated": 0}
    assert not_a_table.status_code == 400
    with schema_context(university_a.schema_name):
        assert Partner.objects.count() == 4 and RankingEntry.objects.count() == 1


def test_export(admin_api_en, partners_a):
    xlsx = admin_api_en.get("/api/partners/export/?file_format=xlsx&q=berlin")
    csv = admin_api_en.get("/api/partners/export/?country=KG")

    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert csv.content.decode("utf-8-sig").count("\n") == 2


@pytest.mark.parametrize("role", [Role.UNIT_STAFF, Role.VIEWER])
def test_readers_cannot_change_partners(university_a, partners_a, role):
    reader = in_english(api(university_a, make_office_user(university_a, username="okur", role=role)))
    partner = partners_a["berlin"]

    assert reader.get("/api/partners/").status_code == 200
    assert reader.get(f"/api/partners/{partner.pk}/").status_code == 200
    refused = [
        reader.post("/api/partners/", {"name_en": "X", "country": "DE"}, content_type=JSON),
        reader.patch(f"/api/partners/{partner.pk}/", {"cities": {"en": "Potsdam"}}, content_type=JSON),
        reader.delete(f"/api/partners/{partner.pk}/"),
        reader.post(f"/api/partners/{partner.pk}/units/", {"name_en": "X"}, content_type=JSON),
        reader.post(f"/api/partners/{partner.pk}/rankings/", {"system": "QS", "year": 2024, "rank": 1},
                    content_type=JSON),
        reader.post(f"/api/partners/{partner.pk}/recognition-checks/",
                    {"status": "recognised", "checked_on": "2025-01-01", "method": "okultanima"}),
        reader.post("/api/partners/import/", {"file": csv_file("name_en,country\nX,DE\n")}),
    ]
    assert {response.status_code for response in refused} == {403}
    with schema_context(university_a.schema_name):
        assert Partner.objects.get(pk=partner.pk).city_en == "Berlin" and Partner.objects.count() == 3


def test_isolation(admin_api_en, university_a, university_b, admin_a, partner_b):
    urls = [f"/api/partners/{partner_b.pk}/", f"/api/partners/{partner_b.pk}/units/",
            f"/api/partners/{partner_b.pk}/contacts/", f"/api/partners/{partner_b.pk}/rankings/",
            f"/api/partners/{partner_b.pk}/recognition-checks/"]
    kastamonu_token_on_osh = Client(HTTP_HOST=host_of(university_b),
                                    HTTP_AUTHORIZATION=f"Token {token_for(university_a, admin_a)}")

    assert all(admin_api_en.get(url).status_code == 404 for url in urls)
    assert admin_api_en.patch(urls[0], {"cities": {"en": "X"}}, content_type=JSON).status_code == 404
    assert admin_api_en.delete(urls[0]).status_code == 404
    assert kastamonu_token_on_osh.get("/api/partners/").status_code == 401
    assert kastamonu_token_on_osh.get(urls[0]).status_code == 401
    with schema_context(university_b.schema_name):
        assert Partner.objects.get(pk=partner_b.pk).city_en is None
