"""Exports never hand a spreadsheet program a formula, and control characters neither get in nor break one."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from core.agreements.models import Agreement
from core.agreements.services import agreement_create
from core.partners.models import Partner
from core.partners.services import partners_import
from core.statutes.models import Statute
from core.statutes.services import clause_add, statute_create
from kopru.spreadsheets import FORMULA_STARTS, read_table
from tests.core.accounts.helpers import api, in_english, sign_in
from tests.factories.agreements import AgreementFactory
from tests.factories.partners import PartnerFactory

PAYLOADS = ['=HYPERLINK("http://evil","x")', "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]
JSON = "application/json"


@pytest.fixture
def payload_partners(university_a):
    """One partner per payload, in its name and city, each on the public list, with an agreement titled so too."""
    with schema_context(university_a.schema_name):
        partners = [PartnerFactory(names={"en": payload}, cities={"en": payload}, country="AT",
                                   erasmus_code=f"A  EVIL{number:02d}")
                    for number, payload in enumerate(PAYLOADS)]
        for partner, payload in zip(partners, PAYLOADS, strict=True):
            AgreementFactory(partners=[partner], titles={"en": payload}, published=True,
                             ends_on=timezone.localdate() + timedelta(days=300))
    return partners


def xlsx_texts(content: bytes) -> list[str]:
    """Every text cell of every sheet; a cell stored as a formula fails the test."""
    cells = [cell for sheet in load_workbook(io.BytesIO(content)).worksheets for row in sheet.iter_rows()
             for cell in row if cell.value not in (None, "")]
    assert [cell.value for cell in cells if cell.data_type == "f"] == []
    return [cell.value for cell in cells if cell.data_type == "s"]


def csv_texts(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")) for cell in row]


def assert_neutralised(texts: list[str]) -> None:
    assert [text for text in texts if text.startswith(FORMULA_STARTS)] == []
    for payload in PAYLOADS:
        assert f"'{payload}" in texts, payload


EXPORTS = [
    ("office", "/partners/export/?format=xlsx", xlsx_texts),
    ("office", "/partners/export/?format=csv", csv_texts),
    ("api", "/api/partners/export/?file_format=xlsx", xlsx_texts),
    ("api", "/api/partners/export/?file_format=csv", csv_texts),
    ("office", "/agreements/export/?file_format=xlsx", xlsx_texts),
    ("office", "/agreements/export/?file_format=csv", csv_texts),
    ("api", "/api/agreements/export/?file_format=xlsx", xlsx_texts),
    ("api", "/api/agreements/export/?file_format=csv", csv_texts),
    ("anyone", "/partners/public.csv", csv_texts),
]


@pytest.mark.parametrize(("who", "url", "texts"), EXPORTS)
def test_formulas_are_written_as_text_in_every_export(client_a, university_a, admin_a, payload_partners, who, url,
                                                      texts):
    client = {"office": lambda: in_english(sign_in(client_a, university_a, admin_a)),
              "api": lambda: api(university_a, admin_a), "anyone": lambda: client_a}[who]()

    response = client.get(url)

    assert response.status_code == 200
    assert_neutralised(texts(response.content))


@pytest.mark.parametrize(("command", "extension", "texts"), [
    ("export_partners", "xlsx", xlsx_texts), ("export_partners", "csv", csv_texts),
    ("export_agreements", "xlsx", xlsx_texts), ("export_agreements", "csv", csv_texts),
])
def test_formulas_are_written_as_text_by_the_export_commands(university_a, payload_partners, tmp_path, command,
                                                             extension, texts):
    file = tmp_path / f"export.{extension}"

    call_command(command, str(file), schema=university_a.schema_name, stdout=io.StringIO())

    assert_neutralised(texts(file.read_bytes()))


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_an_exported_table_reads_back_as_it_was_stored(office_a_en, payload_partners, file_format):
    exported = office_a_en.get(f"/partners/export/?format={file_format}").content

    names = [row["name_en"] for row in read_table(SimpleUploadedFile(f"partners.{file_format}", exported)).rows]

    assert sorted(names) == sorted(PAYLOADS)


# --- control characters --------------------------------------------------------------------------------------

def test_control_characters_are_cleaned_from_what_the_partner_form_saves(office_a_en, university_a):
    response = office_a_en.post("/partners/new/", {
        "name_en": "University\x0bof Graz", "country": "AT", "city_en": "Graz\x1b[31m",
        "notes": "First line\r\nsecond line\x0bthird\x07",
    })

    assert response.status_code == 302
    with schema_context(university_a.schema_name):
        partner = Partner.objects.get()
    assert (partner.name_en, partner.city) == ("University of Graz", "Graz[31m")
    assert partner.notes == "First line\nsecond line\nthird"  # notes may run over lines


def test_control_characters_are_cleaned_from_what_the_api_saves(university_a, admin_a):
    client = api(university_a, admin_a)

    partner = client.post("/api/partners/", {"name_en": "University\x0bof Graz", "name_tr": "Graz\x0cÜniversitesi",
                                             "country": "AT"}, content_type=JSON)
    agreement = client.post("/api/agreements/", {
        "kind": "bilateral", "title_en": "Protocol\x0bwith Graz", "scopes": ["research"],
        "partners": [partner.json()["id"]]}, content_type=JSON)

    assert partner.status_code == 201 and agreement.status_code == 201, (partner.content, agreement.content)
    assert partner.json()["names"]["en"] == "University of Graz"
    assert partner.json()["names"]["tr"] == "Graz Üniversitesi"
    assert agreement.json()["titles"]["en"] == "Protocol with Graz"


def test_control_characters_are_cleaned_from_imported_rows_and_service_calls(university_a, admin_a):
    with schema_context(university_a.schema_name):
        table = b"name_en,country,city_en\nUniversity\x0bof Graz,AT,Gr\x01az\n"
        partners_import(upload=SimpleUploadedFile("partners.csv", table), acting_user=admin_a)
        partner = Partner.objects.get()
        agreement = agreement_create(acting_user=admin_a, kind="bilateral", titles={"tr": "Graz\x0bprotokol\x00"},
                                     partners=[partner], scopes=["research"])

    assert (partner.name_en, partner.city) == ("University of Graz", "Graz")
    assert agreement.title_tr == "Graz protokol"


def test_a_control_character_already_stored_does_not_break_the_exports(office_a_en, university_a, payload_partners):
    with schema_context(university_a.schema_name):
        Partner.objects.filter(pk=payload_partners[0].pk).update(name_en="Broken\x0bName", notes="a\x01b\x1fc")
        Agreement.objects.filter(partners=payload_partners[0]).update(title_en="Broken\x0bTitle")

    partners = office_a_en.get("/partners/export/?format=xlsx")
    agreements = office_a_en.get("/agreements/export/?file_format=xlsx")

    assert partners.status_code == agreements.status_code == 200
    assert "BrokenName" in xlsx_texts(partners.content) and "abc" in xlsx_texts(partners.content)
    assert "BrokenTitle" in xlsx_texts(agreements.content)


def test_statute_titles_lose_control_characters_and_clauses_keep_their_lines(university_a, admin_a):
    with schema_context(university_a.schema_name):
        statute = statute_create(kind=Statute.Kind.STATUTE, acting_user=admin_a, titles={"en": "Exchange\x0brules"})
        clause = clause_add(revision=statute.revisions.get(), number="1.", acting_user=admin_a,
                            texts={"en": "First line\r\nsecond\x0bthird\x1b"})

    assert statute.title_en == "Exchange rules"
    assert clause.text_en == "First line\nsecond\nthird"
