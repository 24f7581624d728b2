"""Partner and ranking tables in and out: all rows or none, per-row reports, the commands."""

import io

import pytest
from django.core.management import CommandError, call_command
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from core.audit.models import AuditEntry
from core.partners.models import Partner, RankingEntry
from core.partners.services import partners_import, rankings_import
from kopru.spreadsheets import ImportRefused
from tests.core.partners.tables import csv_file, xlsx_file

HEADER = ["name_tr", "name_en", "name_ky", "country", "city_en", "erasmus_code", "pic", "ror", "website"]
GOOD_ROWS = [
    ["Ankara Üniversitesi", "Ankara University", "", "TR", "Ankara", "TR ANKARA01", "999866155", "", ""],
    ["", "Osh State University", "Ош мамлекеттик университети", "KG", "Osh", "", "987654321",
     "https://ror.org/05dxps055", "oshsu.kg"],
]


def as_csv(rows) -> str:
    return "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows) + "\n"


@pytest.mark.parametrize("make_file", [lambda rows: csv_file(as_csv(rows)), xlsx_file])
def test_a_good_table_is_imported_and_importing_it_again_updates(in_kastamonu_in_english, admin_a, make_file):
    result = partners_import(upload=make_file([HEADER, *GOOD_ROWS]), acting_user=admin_a)
    changed = [HEADER, [*GOOD_ROWS[0][:4], "Ankara (Tandoğan)", *GOOD_ROWS[0][5:]], GOOD_ROWS[1]]
    again = partners_import(upload=make_file(changed), acting_user=admin_a)

    assert result.as_dict() == {"created": 2, "updated": 0}
    assert again.as_dict() == {"created": 0, "updated": 2}
    assert Partner.objects.count() == 2
    ankara = Partner.objects.get(erasmus_code="TR ANKARA01")
    osh = Partner.objects.get(pic="987654321")
    assert (ankara.name_tr, ankara.city) == ("Ankara Üniversitesi", "Ankara (Tandoğan)")
    assert (osh.name_ky, osh.ror, osh.website) == ("Ош мамлекеттик университети", "05dxps055", "https://oshsu.kg")
    assert AuditEntry.objects.filter(action="partners.imported").count() == 2


@pytest.mark.parametrize("make_file", [lambda rows: csv_file(as_csv(rows)), xlsx_file])
def test_one_bad_row_means_nothing_is_imported_and_every_problem_is_listed(in_kastamonu_in_english, make_file):
    rows = [HEADER, GOOD_ROWS[0],
            ["", "Bad codes", "", "XX", "", "TRKASTAMO", "12345678", "05dxps056", ""],
            GOOD_ROWS[1],
            ["", "", "", "TR", "", "", "", "", ""],
            ["Ankara kopyası", "", "", "TR", "", "TR ANKARA01", "123456789", "", ""]]

    with pytest.raises(ImportRefused) as caught:
        partners_import(upload=make_file(rows), acting_user=None)

    problems = {(error.line, error.column) for error in caught.value.rows}
    assert {(3, "country"), (3, "erasmus_code"), (3, "pic"), (3, "ror"), (5, "name")} <= problems
    # Row 6 would update Ankara (row 2, by Erasmus code) with a new PIC: a valid row of its own.
    assert not any(line in (2, 4, 6) for line, _column in problems)
    assert caught.value.message == "2 rows are not valid; nothing was imported."
    assert not Partner.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_row_whose_codes_name_two_partners_is_refused(in_kastamonu_in_english, partners_a):
    rows = [["name_en", "country", "erasmus_code", "pic"],
            ["Mixed", "PL", "PL WARSZAW01", partners_a["berlin"].pic]]

    with pytest.raises(ImportRefused) as caught:
        partners_import(upload=csv_file(as_csv(rows)), acting_user=None)

    assert caught.value.rows[0].column == "pic"


def test_rankings_import_finds_partners_by_any_identifier_or_name(in_kastamonu_in_english, partners_a):
    partners_a["warsaw"].ror = "039bjqg32"
    partners_a["warsaw"].save()
    table = xlsx_file([
        ["Partner", "System", "Year", "Rank", "Band"],
        ["D  BERLIN01", "THE", 2024, 98, None],
        ["999976093", "qs", 2024, "101-125", None],
        ["https://ror.org/039bjqg32", "ARWU", 2023, None, "301–400"],
        ["Ошский государственный университет", "THE", 2024, None, "1501+"],
    ])

    result = rankings_import(upload=table, acting_user=None)
    again = rankings_import(upload=xlsx_file([["partner", "system", "year", "rank"],
                                              ["free university of berlin", "THE", 2024, 95]]), acting_user=None)

    assert result.as_dict() == {"created": 4, "updated": 0}
    assert again.as_dict() == {"created": 0, "updated": 1}
    entries = {(entry.partner_id, entry.system, entry.year): entry.rank or entry.band
               for entry in RankingEntry.objects.all()}
    assert entries == {
        (partners_a["berlin"].pk, "THE", 2024): 95, (partners_a["berlin"].pk, "QS", 2024): "101–125",
        (partners_a["warsaw"].pk, "ARWU", 2023): "301–400", (partners_a["osh"].pk, "THE", 2024): "1501+",
    }


def test_a_bad_ranking_table_writes_nothing_and_reports_rows(in_kastamonu_in_english, partners_a):
    table = csv_file("partner,system,year,rank\nD  BERLIN01,THE,2024,98\nNowhere University,QS,2024,5\n"
                     "PL WARSZAW01,XYZ,twenty,\n")

    with pytest.raises(ImportRefused) as caught:
        rankings_import(upload=table, acting_user=None)

    assert [(error.line, error.column) for error in caught.value.rows] == [
        (3, "partner"), (4, "year")]
    assert "Nowhere University" in caught.value.rows[0].message
    assert not RankingEntry.objects.exists()


def test_commands_export_and_import_one_universitys_partners(university_a, partners_a, tmp_path):
    exported = tmp_path / "partners.xlsx"
    with schema_context("kastamonu"):
        Partner.objects.filter(pk=partners_a["osh"].pk).update(pic="912345678")  # a row is known by a code

    call_command("export_partners", str(exported), schema="kastamonu", stdout=io.StringIO())
    sheet = load_workbook(exported).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["name_tr", "name_ky", "name_ru", "name_en"]
    assert len(rows) == 4
    bad = tmp_path / "bad.csv"
    bad.write_text("name_en,country\nNowhere,XX\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()

    call_command("import_partners", str(exported), schema="kastamonu", stdout=out)
    with pytest.raises(CommandError):
        call_command("import_partners", str(bad), schema="kastamonu", stderr=err)
    with pytest.raises(CommandError):
        call_command("import_partners", str(exported), schema="nowhere")

    assert "0 created, 3 updated" in out.getvalue()
    assert f"{bad}:2: country:" in err.getvalue()
    with schema_context("kastamonu"):
        assert Partner.objects.count() == 3
