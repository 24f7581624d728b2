"""Uploads that would cost the server too much to read are refused before they are read, and nothing is kept.

The archives are built here, their large entries streamed through the compressor, so a
400 MB bomb costs the test about 400 KB of memory.
"""

import io
import re
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from openpyxl import Workbook

from core.agreements.models import AgreementDocument, AgreementRequest, DocumentVersion
from core.audit.models import AuditEntry
from core.partners.models import Partner, RecognitionCheck
from kopru.uploads import DOCX_MAIN_PART
from tests.core.accounts.helpers import api, in_english, sign_in
from tests.core.agreements.agreement_world import make
from tests.uploads import DOCX, PDF, PNG, assert_refused

MB = 1024 * 1024
CONTENT_TYPES_XML = b'<Types><Override PartName="/word/document.xml" ContentType="application/vnd.' + \
    b"openxmlformats-officedocument." + DOCX_MAIN_PART + b'"/></Types>'
PARTNER_HEADER = "name_en,country\n"


def archive(entries: dict[str, bytes | int], *, base: bytes | None = None) -> bytes:
    """A ZIP of `entries` (bytes, or a number of MB of zeros, streamed in), added to the entries of `base`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        if base is not None:
            with zipfile.ZipFile(io.BytesIO(base)) as original:
                for info in original.infolist():
                    written.writestr(info, original.read(info))
        for name, content in entries.items():
            if isinstance(content, bytes):
                written.writestr(name, content)
                continue
            with written.open(name, "w") as entry:
                for _ in range(content):
                    entry.write(bytes(MB))
    return out.getvalue()


def docx(entries: dict[str, bytes | int]) -> bytes:
    return archive({"[Content_Types].xml": CONTENT_TYPES_XML, **entries})


def lying_about(data: bytes, name: str, size: int) -> bytes:
    """The archive with `name`'s unpacked size declared as `size`, in its local header and the directory."""
    data = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as read:
        local = read.getinfo(name).header_offset
    struct.pack_into("<I", data, local + 22, size)
    central = next(offset for offset in _directory_headers(data) if data[offset + 46:].startswith(name.encode()))
    struct.pack_into("<I", data, central + 24, size)
    return bytes(data)


def _directory_headers(data: bytes):
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        yield offset
        offset = data.find(b"PK\x01\x02", offset + 1)


@pytest.fixture
def media(settings, tmp_path):
    """Files of this test only, under tmp_path: what a refused upload left behind can be seen there.

    (The tenant storage joins this to MEDIA_ROOT; an absolute path replaces it.)
    """
    settings.MULTITENANT_RELATIVE_MEDIA_ROOT = str(tmp_path)
    return tmp_path


def stored_files(media) -> list[str]:
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())




@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    """A DOCX of about 400 KB whose text unpacks to 400 MB."""
    return docx({"word/document.xml": 400})


def upload_document(university, user, agreement, content: bytes, name: str = "protocol.docx"):
    return in_english(api(university, user)).post(f"/api/agreements/{agreement.pk}/documents/", {
        "kind": "agreement_text", "file": SimpleUploadedFile(name, content)})


def test_a_400_kb_docx_that_unpacks_to_400_mb_is_refused_and_nothing_is_kept(university_a, admin_a, agreement,
                                                                             media, docx_bomb):
    assert len(docx_bomb) < 500 * 1024

    response = upload_document(university_a, admin_a, agreement, docx_bomb)

    assert_refused(response, "archive_entry_too_large", "50 MB")
    assert response.json()["error"]["fields"]["file"] == [response.json()["error"]["message"]]
    with schema_context(university_a.schema_name):
        assert not AgreementDocument.objects.exists() and not DocumentVersion.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize(("bounds", "entries", "code", "words"), [
    ({"KOPRU_ARCHIVE_MAX_ENTRIES": 5}, {f"word/media/image{n}.png": PNG for n in range(5)}, "archive_entries",
     ["5 parts"]),
    ({"KOPRU_ARCHIVE_MAX_TOTAL_MB": 3}, {f"word/part{n}.xml": bytes(MB // 2) + b"x" for n in range(8)},
     "archive_too_large", ["3 MB"]),
    ({}, {"word/document.xml": 2}, "archive_ratio", ["100 times"]),
])
def test_each_bound_of_an_archive_is_named_when_it_refuses(settings, university_a, admin_a, agreement, media,
                                                           bounds, entries, code, words):
    for name, value in bounds.items():
        setattr(settings, name, value)

    response = upload_document(university_a, admin_a, agreement, docx(entries))

    assert_refused(response, code, *words)
    assert stored_files(media) == []


def test_sizes_an_archive_lies_about_are_not_believed(university_a, admin_a, agreement, media):
    # given a DOCX whose text says it unpacks to 1 KB and unpacks to 60 MB
    lying = lying_about(docx({"word/document.xml": 60}), "word/document.xml", 1024)

    response = upload_document(university_a, admin_a, agreement, lying)

    assert_refused(response, "file_type")
    assert stored_files(media) == []


def test_a_docx_within_the_bounds_is_kept(university_a, admin_a, agreement, media):
    response = upload_document(university_a, admin_a, agreement, docx({"word/document.xml": b"<w:document/>"}))

    assert response.status_code == 201


def test_bombs_are_refused_on_the_pages_and_for_recognition_evidence(client_a, university_a, admin_a, agreement,
                                                                      media, docx_bomb):
    in_english(sign_in(client_a, university_a, admin_a))
    with schema_context(university_a.schema_name):
        partner = Partner.objects.create(name_en="University of Graz", country="AT")

    page = client_a.post(f"/agreements/{agreement.pk}/documents/", {
        "kind": "agreement_text", "file": SimpleUploadedFile("protocol.docx", docx_bomb)}, follow=True)
    evidence = api(university_a, admin_a).post(f"/api/partners/{partner.pk}/recognition-checks/", {
        "status": "recognised", "checked_on": "2026-01-05", "method": "okultanima",
        "evidence": SimpleUploadedFile("result.pdf", docx_bomb)}, HTTP_ACCEPT_LANGUAGE="en")

    assert "unpacks to more than 50 MB" in page.content.decode()
    assert evidence.status_code == 400 and "evidence" in evidence.json()["error"]["fields"]
    with schema_context(university_a.schema_name):
        assert not DocumentVersion.objects.exists() and not RecognitionCheck.objects.exists()
    assert stored_files(media) == []


# --- tables ------------------------------------------------------------------------------------------------

def xlsx(cells: dict[tuple[int, int], str]) -> bytes:
    """A workbook with the given (row, column) cells only: the rows and columns between are blank."""
    workbook = Workbook()
    for (row, column), value in cells.items():
        workbook.active.cell(row=row, column=column, value=value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def import_partners(university, user, content: bytes, name: str = "partners.xlsx"):
    return in_english(api(university, user)).post("/api/partners/import/",
                                                  {"file": SimpleUploadedFile(name, content)})


def assert_nothing_imported(university) -> None:
    with schema_context(university.schema_name):
        assert not Partner.objects.exists()
        assert not AuditEntry.objects.filter(action="partners.imported").exists()


HEADER_CELLS = {(1, 1): "name_en", (1, 2): "country"}


@pytest.mark.parametrize(("content", "code", "words"), [
    # A million blank rows, then one partner.
    (xlsx({**HEADER_CELLS, (1_000_002, 1): "Hidden University", (1_000_002, 2): "DE"}), "table_too_long",
     ["10000 rows", "blank rows included"]),
    # A partner whose row goes on to the last column a sheet has.
    (xlsx({**HEADER_CELLS, (2, 1): "Wide University", (2, 2): "DE", (2, 16_384): "x"}), "table_too_wide",
     ["100 columns"]),
    (xlsx({**HEADER_CELLS, **{(1, column): f"extra{column}" for column in range(3, 150)},
           (2, 1): "Wide University", (2, 2): "DE"}), "table_too_wide", ["100 columns"]),
    # A workbook that carries a 200 MB part besides its sheet.
    (archive({"xl/media/padding.bin": 200}, base=xlsx({**HEADER_CELLS, (2, 1): "Padded University", (2, 2): "DE"})),
     "archive_entry_too_large", ["50 MB"]),
])
def test_workbooks_over_a_bound_import_nothing(university_a, admin_a, content, code, words):
    response = import_partners(university_a, admin_a, content)

    assert_refused(response, code, *words)
    assert_nothing_imported(university_a)


def test_cells_are_counted_across_the_workbook(settings, university_a, admin_a):
    settings.KOPRU_TABLE_MAX_CELLS = 1000
    rows = {(row, column): f"v{row}" for row in range(2, 60) for column in range(3, 21)}

    response = import_partners(university_a, admin_a, xlsx({**HEADER_CELLS, **rows}))

    assert_refused(response, "table_too_many_cells", "1000 cells")
    assert_nothing_imported(university_a)


@pytest.mark.parametrize(("text", "code", "words"), [
    (PARTNER_HEADER + "\n" * 10_000 + "Hidden University,DE\n", "table_too_long", ["10000 rows"]),
    (PARTNER_HEADER + "Wide University,DE" + ",x" * 120 + "\n", "table_too_wide", ["100 columns"]),
])
def test_csv_tables_over_a_bound_import_nothing(university_a, admin_a, text, code, words):
    response = import_partners(university_a, admin_a, text.encode(), "partners.csv")

    assert_refused(response, code, *words)
    assert_nothing_imported(university_a)


def test_a_csv_file_over_its_size_imports_nothing(settings, university_a, admin_a):
    settings.KOPRU_TABLE_MAX_MB = 1
    text = PARTNER_HEADER + "".join(f"University {n},DE\n" for n in range(70_000))

    response = import_partners(university_a, admin_a, text.encode(), "partners.csv")

    assert_refused(response, "table_too_large", "1 MB")
    assert_nothing_imported(university_a)


def test_tables_within_the_bounds_are_imported_blank_rows_and_all(university_a, admin_a):
    content = xlsx({**HEADER_CELLS, (2, 1): "Graz University", (2, 2): "AT", (40, 1): "Osh University",
                    (40, 2): "KG"})

    response = import_partners(university_a, admin_a, content)

    assert response.status_code == 200 and response.json() == {"created": 2, "updated": 0}


def test_an_agreement_workbook_bomb_imports_nothing(university_a, admin_a, world):
    response = api(university_a, admin_a).post("/api/agreements/import/", {"file": SimpleUploadedFile(
        "agreements.xlsx", archive({"xl/worksheets/sheet9.xml": 120}, base=xlsx(HEADER_CELLS)))},
        HTTP_ACCEPT_LANGUAGE="en")

    assert_refused(response, "archive_entry_too_large")
    with schema_context(university_a.schema_name):
        assert not AuditEntry.objects.filter(action="agreements.imported").exists()


# --- stored names --------------------------------------------------------------------------------------------

STORED = re.compile(r"^kastamonu/(?P<folder>[a-z/]+/)(?:\d{4}/)?(?P<name>[0-9a-f]{32})\.(?P<extension>[a-z]+)$")


@pytest.mark.parametrize(("content", "client_name", "extension"), [
    (DOCX, "../../evil.php.docx", "docx"),
    (PDF, "evil.php.docx", "pdf"),  # the name says DOCX, the content is a PDF
    (PNG, "..\\..\\x.exe", "png"),
    (PDF, "protocol", "pdf"),
])
def test_an_uploaded_document_is_stored_under_koprus_name_with_its_contents_extension(
        university_a, admin_a, agreement, media, content, client_name, extension):
    response = upload_document(university_a, admin_a, agreement, content, client_name)

    assert response.status_code == 201
    with schema_context(university_a.schema_name):
        version = DocumentVersion.objects.select_related("document").get()
    [stored] = stored_files(media)
    match = STORED.match(stored)
    assert match and match["extension"] == extension, stored
    assert version.file.name == stored.removeprefix("kastamonu/")
    # The sender's name stays only as the title people see, and names the download.
    assert version.document.title == client_name.replace("\\", "/").rsplit("/", 1)[-1]
    download = api(university_a, admin_a).get(
        f"/api/agreements/{agreement.pk}/documents/{version.document_id}/versions/1/file/")
    assert download.status_code == 200 and "evil.php" not in stored
    assert f".{extension}" in download["Content-Disposition"]


def test_letters_and_evidence_are_stored_under_koprus_names(university_a, admin_a, world, media):
    in_force = make(university_a, world, admin_a)
    with schema_context(university_a.schema_name):
        type(in_force).objects.filter(pk=in_force.pk).update(status="in_force")
        partner = Partner.objects.create(name_en="University of Graz", country="AT")
    client = api(university_a, admin_a)

    letter = client.post("/api/agreements/requests/", {
        "agreement": in_force.pk, "received_on": "2026-01-05", "sender": "Graz", "subject": "Visit",
        "letter": SimpleUploadedFile("../../letter.php.pdf", PDF)})
    evidence = client.post(f"/api/partners/{partner.pk}/recognition-checks/", {
        "status": "recognised", "checked_on": "2026-01-05", "method": "okultanima",
        "evidence": SimpleUploadedFile("../result.php.png", PNG)})

    assert letter.status_code == 201, letter.content
    assert evidence.status_code == 201, evidence.content
    with schema_context(university_a.schema_name):
        names = [AgreementRequest.objects.get().letter.name, RecognitionCheck.objects.get().evidence.name]
    assert [STORED.match(f"kastamonu/{name}")["extension"] for name in names] == ["pdf", "png"]
    assert sorted(stored_files(media)) == sorted(f"kastamonu/{name}" for name in names)
