"""Agreements in and out as CSV and XLSX: all or nothing with a report per cell, and a faithful round trip."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django_tenants.utils import schema_context
from openpyxl import Workbook, load_workbook

from core.agreements.models import Agreement
from core.agreements.selectors import agreements_for_user
from core.agreements.transfer import agreements_export, agreements_import
from core.audit.models import AuditEntry
from kopru.spreadsheets import ImportRefused
from tests.core.accounts.helpers import api, in_english, sign_in
from tests.core.agreements.agreement_world import make, sms_row

AGREEMENT_HEADER = ["id", "kind", "title_tr", "title_en", "partners", "units", "scopes", "starts_on", "ends_on"]
CONDITION_HEADER = ["agreement", "direction", "mobility_type", "isced", "eqf_level", "places_per_year",
                    "months_per_person", "days_per_person", "language", "cefr_level"]



def workbook(agreements: list[list], conditions: list[list]) -> SimpleUploadedFile:
    book = Workbook()
    book.active.title = "agreements"
    for row in [AGREEMENT_HEADER, *agreements]:
        book.active.append(row)
    sheet = book.create_sheet("conditions")
    for row in [CONDITION_HEADER, *conditions]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("agreements.xlsx", out.getvalue())


GOOD_AGREEMENTS = [
    ["a1", "erasmus_ka131", "Varşova Erasmus+", "", "PL WARSZAW01", "Orman Fakültesi", "student_exchange;research",
     "2025-09-01", "2029-08-31"],
    ["a2", "bilateral", "Oş protokolü", "", "Ошский государственный университет", "", "staff_exchange", "", ""],
]
GOOD_CONDITIONS = [
    ["a1", "outgoing", "SMS", "0421", 6, 2, 5, None, "en", "B2"],
    ["a1", "incoming", "STA", "", None, 1, None, 5, "", ""],
    ["a2", "outgoing", "STT", "0821", None, 1, None, 7, "ru", "B1"],
]


def test_a_workbook_creates_drafts_with_their_conditions(university_a, admin_a, world):
    with schema_context(university_a.schema_name):
        result = agreements_import(upload=workbook(GOOD_AGREEMENTS, GOOD_CONDITIONS), acting_user=admin_a)

        assert result.created == 2
        warsaw = Agreement.objects.get(title_tr="Varşova Erasmus+")
        assert warsaw.status == "draft"
        assert list(warsaw.partners.all()) == [world.warsaw]
        assert list(warsaw.units.all()) == [world.forestry]
        assert warsaw.scopes == ["student_exchange", "research"]
        assert sorted(warsaw.conditions.values_list("mobility_type", flat=True)) == ["SMS", "STA"]
        osh = Agreement.objects.get(title_tr="Oş protokolü")
        assert list(osh.partners.all()) == [world.osh]  # found by its Russian name
        assert osh.conditions.get().isced.code == "0821"
        assert AuditEntry.objects.filter(action="agreements.imported").count() == 1


def test_one_bad_cell_imports_nothing_and_every_problem_is_reported(university_a, admin_a, world):
    agreements = [GOOD_AGREEMENTS[0], ["a2", "bilateral", "", "", "Nowhere University", "", "research",
                                       "2026-01-01", "2025-01-01"]]
    conditions = [GOOD_CONDITIONS[0], ["a1", "outgoing", "SMS", "9999", 6, 2, 5, None, "en", "B2"],
                  ["a1", "incoming", "STA", "", None, 1, 3, None, "", ""], ["zz", "outgoing", "SMS", "", None, 1, 2,
                                                                            None, "", ""]]

    with schema_context(university_a.schema_name), pytest.raises(ImportRefused) as refused:
        agreements_import(upload=workbook(agreements, conditions), acting_user=admin_a)

    problems = {(row["sheet"], row["line"], row["column"]) for row in refused.value.fields["rows"]}
    assert ("conditions", 3, "isced") in problems  # no such ISCED-F code
    assert ("conditions", 4, "days_per_person") in problems  # staff in days
    assert ("conditions", 5, "agreement") in problems  # no agreement "zz"
    assert ("agreements", 3, "partners") in problems  # nobody by that name
    with schema_context(university_a.schema_name):
        assert not Agreement.objects.exists()


def test_a_csv_file_imports_agreements(university_a, admin_a, world):
    text = ("kind;title_en;partners;scopes;ends_on\n"
            "bilateral;Research with Warsaw;999876543;research;2030-01-01\n")
    with schema_context(university_a.schema_name):
        result = agreements_import(upload=SimpleUploadedFile("a.csv", text.encode()), acting_user=admin_a)

        assert result.created == 1
        assert Agreement.objects.get().partners.get() == world.warsaw  # found by its PIC


def test_export_and_import_give_back_the_same_agreements(university_a, admin_a, world):
    make(university_a, world, admin_a, titles={"tr": "Oş protokolü", "en": "Osh protocol"}, partners=[world.osh],
         units=[world.forestry, world.wood], scopes=["research", "staff_exchange"], text_languages=["tr", "ky"],
         conditions=[sms_row(world), {"direction": "incoming", "mobility_type": "STT", "places_per_year": 2,
                                      "days_per_person": 5}])
    make(university_a, world, admin_a)

    with schema_context(university_a.schema_name):
        before = agreements_export(agreements_for_user(admin_a), "xlsx")
        Agreement.objects.all().delete()
        agreements_import(upload=SimpleUploadedFile("again.xlsx", before), acting_user=admin_a)
        after = agreements_export(agreements_for_user(admin_a), "xlsx")

    def content(data: bytes) -> dict:
        book = load_workbook(io.BytesIO(data))
        sheets = {}
        for name in ("agreements", "conditions"):
            rows = list(book[name].iter_rows(values_only=True))
            # The first column is the agreement's id, which an import gives anew.
            sheets[name] = sorted(str(row[1:]) for row in rows[1:])
        return sheets

    assert content(before) == content(after)
    assert len(content(after)["conditions"]) == 3


def test_api_import_reports_rows_and_export_answers_files(university_a, admin_a, world):
    client = api(university_a, admin_a)
    bad = workbook([["a1", "bilateral", "", "", "PL WARSZAW01", "", "", "", ""]], [])

    refused = client.post("/api/agreements/import/", {"file": bad}, HTTP_ACCEPT_LANGUAGE="en")
    created = client.post("/api/agreements/import/", {"file": workbook(GOOD_AGREEMENTS, GOOD_CONDITIONS)})
    csv = client.get("/api/agreements/export/?file_format=csv")
    xlsx = client.get("/api/agreements/export/")

    assert refused.status_code == 400
    rows = refused.json()["error"]["fields"]["rows"]
    assert {(row["sheet"], row["line"]) for row in rows} == {("agreements", 2)}
    assert {row["column"] for row in rows} == {"scopes"}  # a row without a title gets a composed one
    assert created.status_code == 201 and created.json() == {"created": 2}
    assert csv.content.decode("utf-8-sig").splitlines()[0].startswith("id,kind,title_tr")
    assert xlsx.content.startswith(b"PK")


def test_import_page_shows_the_report(client_a, university_a, admin_a, world):
    sign_in(client_a, university_a, admin_a)
    in_english(client_a)

    page = client_a.post("/agreements/import/", {"file": workbook(
        [["a1", "bilateral", "X", "", "Nowhere", "", "research", "", ""]], [])}).content.decode()

    assert "Nothing is known by “Nowhere”." in page
    assert "Nothing was imported." in page


def test_commands(university_a, admin_a, world, tmp_path):
    make(university_a, world, admin_a)
    exported = tmp_path / "agreements.xlsx"

    call_command("export_agreements", str(exported), schema=university_a.schema_name)
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,title_en,partners,scopes\nbilateral,,Nowhere,research\n")

    with schema_context(university_a.schema_name):
        Agreement.objects.all().delete()
    call_command("import_agreements", str(exported), schema=university_a.schema_name)
    with pytest.raises(CommandError):
        call_command("import_agreements", str(bad), schema=university_a.schema_name)
    with schema_context(university_a.schema_name):
        assert Agreement.objects.count() == 1
