"""The partner pages on a university's host."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from core.office.models import Role
from core.partners.models import Partner, RankingEntry
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import sign_in
from tests.core.partners.tables import csv_file, xlsx_file
from tests.uploads import PDF


def test_create_edit_and_delete_a_partner(office_a_en, university_a):
    created = office_a_en.post("/partners/new/", {
        "name_tr": "Ankara Üniversitesi", "name_en": "Ankara University", "country": "TR", "city_en": "Ankara",
        "erasmus_code": "tr ankara01", "pic": "999866155", "ror": "https://ror.org/05dxps055",
    })
    with schema_context(university_a.schema_name):
        partner = Partner.objects.get()
    edited = office_a_en.post(f"/partners/{partner.pk}/edit/", {
        "name_tr": "Ankara Üniversitesi", "name_en": "Ankara University", "country": "TR", "city_en": "Çankaya",
        "erasmus_code": "TR ANKARA01", "oid": "E10208522",
    })
    page = office_a_en.get(f"/partners/{partner.pk}/").content.decode()
    deleted = office_a_en.post(f"/partners/{partner.pk}/delete/")

    assert created["Location"] == f"/partners/{partner.pk}/"
    assert (partner.erasmus_code, partner.ror) == ("TR ANKARA01", "05dxps055")
    assert edited.status_code == 302
    assert "Çankaya" in page and "E10208522" in page and "Türkiye" in page
    assert "has not been checked" in page
    assert deleted["Location"] == "/partners/"
    with schema_context(university_a.schema_name):
        assert not Partner.objects.exists()


def test_bad_identifiers_are_shown_under_their_fields_and_nothing_is_saved(office_a_en, university_a):
    response = office_a_en.post("/partners/new/", {
        "name_en": "Bad", "country": "TR", "erasmus_code": "TRKASTAMO", "pic": "12345678", "oid": "E1",
        "schac": "nodomain", "ror": "05dxps056",
    })

    page = response.content.decode()
    assert response.status_code == 200
    assert "TR KASTAMO01" in page and "9 digits" in page and "E followed by 8 digits" in page
    assert "domain name" in page and "A ROR id has 9 characters" in page
    with schema_context(university_a.schema_name):
        assert not Partner.objects.exists()


def test_list_search_filters_badges_and_country_names_in_the_readers_language(client_a, university_a, admin_a,
                                                                            partners_a,
                                                                            django_assert_max_num_queries):
    sign_in(client_a, university_a, admin_a)
    with schema_context(university_a.schema_name):
        for number in range(30):
            Partner.objects.create(name_en=f"College {number}", country="FR")

    with django_assert_max_num_queries(10):
        everything = client_a.get("/partners/").content.decode()  # Turkish, the university's language
    osh = client_a.get("/partners/?q=Osh").content.decode()
    germany = client_a.get("/partners/?country=DE").content.decode()

    assert "Almanya" in everything and "Kırgızistan" in everything
    assert everything.count('class="badge failed"') == 32  # every partner but Warsaw needs a check
    assert "Ош мамлекеттик университети" in osh and "Berlin" not in osh
    assert "Berlin Hür Üniversitesi" in germany and "Warsaw" not in germany


def test_list_query_count_does_not_grow_with_the_partners(office_a_en, university_a,
                                                          django_assert_max_num_queries):
    with schema_context(university_a.schema_name):
        Partner.objects.bulk_create([Partner(name_en=f"University {n}", country="DE") for n in range(120)])

    with django_assert_max_num_queries(10):
        response = office_a_en.get("/partners/?page=2")

    assert response.status_code == 200
    assert "Page 2 of 3" in response.content.decode()


def test_page_and_export_links_keep_the_filters(office_a_en, university_a):
    with schema_context(university_a.schema_name):
        Partner.objects.bulk_create([Partner(name_en=f"University {n}", country="DE") for n in range(120)])

    page = office_a_en.get("/partners/?country=DE&page=2").content.decode()

    assert 'href="?country=DE&amp;page=1"' in page and 'href="?country=DE&amp;page=3"' in page
    assert 'href="/partners/export/?country=DE&amp;format=csv"' in page


def test_units_contacts_and_rankings_on_the_partner_page(office_a_en, university_a, partners_a):
    partner = partners_a["berlin"]
    base = f"/partners/{partner.pk}"

    office_a_en.post(f"{base}/units/", {"unit-name_en": "Faculty of Law", "unit-name_tr": "Hukuk Fakültesi"})
    office_a_en.post(f"{base}/contacts/", {"contact-name": "Anna Schmidt", "contact-email": "anna@fu.example",
                                           "contact-is_primary": "on"})
    office_a_en.post(f"{base}/rankings/", {"ranking-system": "QS", "ranking-year": "2024", "ranking-band": "101-125"})
    bad_ranking = office_a_en.post(f"{base}/rankings/", {"ranking-system": "QS", "ranking-year": "2024"})
    with schema_context(university_a.schema_name):
        unit = partner.units.get()
        entry = RankingEntry.objects.get()
    renamed = office_a_en.post(f"{base}/unit/{unit.pk}/", {"name_en": "Law Faculty"})
    changed = office_a_en.post(f"{base}/ranking/{entry.pk}/", {"system": "QS", "year": "2024", "rank": "110"})
    page = office_a_en.get(f"{base}/").content.decode()

    assert bad_ranking.status_code == 400 and "Give the rank or the band." in bad_ranking.content.decode()
    assert renamed.status_code == changed.status_code == 302
    assert "Law Faculty" in page and "Anna Schmidt" in page and "110" in page
    assert office_a_en.post(f"{base}/unit/{unit.pk}/delete/").status_code == 302
    with schema_context(university_a.schema_name):
        assert not partner.units.exists()


def test_recording_a_recognition_check_with_evidence(office_a_en, university_a, partners_a):
    partner = partners_a["berlin"]
    today = date.today().isoformat()

    recorded = office_a_en.post(f"/partners/{partner.pk}/recognition/", {
        "check-status": "recognised", "check-checked_on": today, "check-method": "yok_letter",
        "check-reference": "E-2025-123", "check-evidence": SimpleUploadedFile("letter.pdf", PDF),
    })
    with schema_context(university_a.schema_name):
        check = partner.recognition_checks.get()
        partner.refresh_from_db()
    evidence = office_a_en.get(f"/partners/{partner.pk}/recognition/{check.pk}/evidence/")
    page = office_a_en.get(f"/partners/{partner.pk}/").content.decode()

    assert recorded.status_code == 302
    assert partner.recognition == "recognised"
    assert b"".join(evidence.streaming_content).startswith(b"%PDF")
    assert "E-2025-123" in page and "has not been checked" not in page


@pytest.mark.parametrize(("upload", "message"), [
    (SimpleUploadedFile("letter.pdf", b"<html>not a pdf</html>"), "PDF, PNG or JPEG"),
    (SimpleUploadedFile("letter.pdf", PDF + b"0" * (10 * 1024 * 1024)), "larger than 10 MB"),
])
def test_evidence_of_the_wrong_type_or_size_is_refused(office_a_en, university_a, partners_a, upload, message):
    partner = partners_a["berlin"]

    response = office_a_en.post(f"/partners/{partner.pk}/recognition/", {
        "check-status": "recognised", "check-checked_on": date.today().isoformat(), "check-method": "okultanima",
        "check-evidence": upload,
    })

    assert response.status_code == 400
    assert message in response.content.decode()
    with schema_context(university_a.schema_name):
        assert not partner.recognition_checks.exists()
        assert Partner.objects.get(pk=partner.pk).recognition == "unchecked"


def test_import_page_reports_rows_and_imports_nothing_then_everything(office_a_en, university_a):
    bad = office_a_en.post("/partners/import/", {"file": csv_file(
        "name_en,country,pic\nGood University,DE,123456789\nBad University,DE,12345\n")})
    good = office_a_en.post("/partners/import/", {"file": xlsx_file(
        [["name_en", "country", "pic"], ["Good University", "DE", "123456789"]])})

    assert bad.status_code == 400
    report = bad.content.decode()
    assert "1 row is not valid; nothing was imported." in report
    assert "<td>3</td><td>pic</td>" in report
    assert "Imported: 1 new, 0 updated." in good.content.decode()
    with schema_context(university_a.schema_name):
        assert list(Partner.objects.values_list("name_en", flat=True)) == ["Good University"]


def test_ranking_import_page(office_a_en, university_a, partners_a):
    response = office_a_en.post("/partners/rankings/import/", {"file": csv_file(
        "partner,system,year,rank\nPL WARSZAW01,THE,2024,601-800\n")})

    assert "Imported: 1 new, 0 updated." in response.content.decode()
    with schema_context(university_a.schema_name):
        assert RankingEntry.objects.get().band == "601–800"


def test_export_the_filtered_list(office_a_en, partners_a):
    response = office_a_en.get("/partners/export/?country=PL&format=csv")

    lines = response.content.decode("utf-8-sig").splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0].startswith("name_tr,name_ky,name_ru,name_en,short_name,country")
    assert len(lines) == 2 and "PL WARSZAW01" in lines[1] and lines[1].endswith(",recognised")


@pytest.mark.parametrize("role", [Role.UNIT_STAFF, Role.VIEWER])
def test_unit_staff_and_viewers_read_but_cannot_change_partners(client_a, university_a, partners_a, role):
    reader = make_office_user(university_a, username="okur", role=role)
    sign_in(client_a, university_a, reader)
    partner = partners_a["berlin"]

    assert client_a.get("/partners/").status_code == 200
    assert client_a.get(f"/partners/{partner.pk}/").status_code == 200
    refused = [
        client_a.get("/partners/new/"), client_a.post("/partners/new/", {"name_en": "X", "country": "DE"}),
        client_a.post(f"/partners/{partner.pk}/edit/", {"name_en": "X", "country": "DE"}),
        client_a.post(f"/partners/{partner.pk}/delete/"),
        client_a.post(f"/partners/{partner.pk}/units/", {"unit-name_en": "X"}),
        client_a.post(f"/partners/{partner.pk}/rankings/", {"ranking-system": "QS", "ranking-year": "2024",
                                                            "ranking-rank": "1"}),
        client_a.post("/partners/import/", {"file": csv_file("name_en,country\nX,DE\n")}),
    ]
    assert {response.status_code for response in refused} == {403}
    with schema_context(university_a.schema_name):
        assert Partner.objects.count() == 3 and not RankingEntry.objects.exists()


def test_another_universitys_partner_is_not_found_here(office_a_en, partner_b, university_b):
    pages = [f"/partners/{partner_b.pk}/", f"/partners/{partner_b.pk}/edit/",
             f"/partners/{partner_b.pk}/unit/1/", f"/partners/{partner_b.pk}/recognition/1/evidence/"]

    assert all(office_a_en.get(page).status_code == 404 for page in pages)
    assert office_a_en.post(f"/partners/{partner_b.pk}/delete/").status_code == 404
    # Kastamonu's session means nothing on Osh's host.
    assert office_a_en.get("/partners/", HTTP_HOST=host_of(university_b)).status_code == 302  # to sign in
