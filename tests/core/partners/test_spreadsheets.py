"""kopru.spreadsheets: reading tables, importing them all or nothing, writing them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from kopru.errors import ServiceError
from kopru.spreadsheets import ImportRefused, RowInvalid, import_rows, read_table, write_table
from tests.core.partners.tables import csv_file, xlsx_file


def test_csv_with_semicolons_a_bom_and_blank_lines_keeps_the_line_numbers():
    table = read_table(csv_file("\ufeffSystem;Year\nTHE;2024\n\n\"Q\nS\";2023\nARWU;2022\n"))

    assert table.columns == ["system", "year"]
    assert [(row.line, row["system"], row["year"]) for row in table.rows] == [
        (2, "THE", "2024"), (4, "Q\nS", "2023"), (6, "ARWU", "2022")]
    assert table.rows[0]["missing"] == ""


def test_xlsx_numbers_come_back_as_the_text_people_typed():
    table = read_table(xlsx_file([["pic", "year", "name"], [123456789, 2024.0, "Ош"], [None, None, None],
                                  ["012345678", 2023, "Osh"]]))

    assert [(row.line, row["pic"], row["year"], row["name"]) for row in table.rows] == [
        (2, "123456789", "2024", "Ош"), (4, "012345678", "2023", "Osh")]


@pytest.mark.parametrize(("content", "code"), [
    (b"", "empty_table"),
    ("ad\nŞ".encode("cp1254"), "table_encoding"),
    (b"PK\x03\x04 not really a workbook", "unreadable_table"),
])
def test_unreadable_tables_say_why(content, code):
    with pytest.raises(ServiceError) as caught:
        read_table(SimpleUploadedFile("t.csv", content))

    assert caught.value.code == code


def test_a_table_too_large_or_without_a_column_is_refused(settings):
    settings.KOPRU_TABLE_MAX_MB = 1
    with pytest.raises(ServiceError) as large:
        read_table(csv_file("a\n" + "x\n" * 600_000))
    with pytest.raises(ServiceError) as missing:
        read_table(csv_file("a,b\n1,2\n")).require_columns({"a", "year"})

    assert large.value.code == "table_too_large"
    assert missing.value.code == "missing_columns" and "year" in missing.value.message


@pytest.mark.django_db
def test_import_rows_reports_every_bad_row_and_keeps_nothing(university_a):
    from django_tenants.utils import schema_context

    from core.office.models import AcademicUnit

    table = read_table(csv_file("name,kind\nA,faculty\nB,castle\n,faculty\nD,faculty\n"))

    def save_row(row):
        if not row["name"]:
            raise RowInvalid("name", "A name is needed.")
        unit = AcademicUnit(name_en=row["name"], kind=row["kind"])
        unit.full_clean()
        unit.save()
        return "created"

    with schema_context(university_a.schema_name):
        before = AcademicUnit.objects.count()
        with pytest.raises(ImportRefused) as caught:
            import_rows(table, save_row)
        assert AcademicUnit.objects.count() == before
        good = import_rows(read_table(csv_file("name,kind\nA,faculty\n")), save_row)

    assert [(error.line, error.column) for error in caught.value.rows] == [(3, "kind"), (4, "name")]
    assert caught.value.fields["rows"][1] == {"line": 4, "column": "name", "message": "A name is needed."}
    assert caught.value.message == "2 rows are not valid; nothing was imported."
    assert good.as_dict() == {"created": 1, "updated": 0}


def test_write_table_in_both_formats():
    columns = [("name", "name"), ("pic", "pic")]
    rows = [{"name": "Ош, Кыргызстан", "pic": "012345678"}]

    csv_bytes = write_table(columns, rows, "csv")
    sheet = load_workbook(io.BytesIO(write_table(columns, rows, "xlsx"))).active

    assert csv_bytes.decode("utf-8-sig") == 'name,pic\r\n"Ош, Кыргызстан",012345678\r\n'
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [["name", "pic"],
                                                                           ["Ош, Кыргызстан", "012345678"]]
