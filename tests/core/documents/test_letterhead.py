"""The office's letterhead: set by its administrators on a page or through the API, its own university's only."""

import re
import zipfile
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django_tenants.utils import schema_context
from docx.shared import Mm
from lxml import etree
from PIL import Image

from core.audit.models import AuditEntry
from core.documents.kinds import KINDS
from core.documents.layout import LOGO_GAP, Columns, Logo, Paragraph
from core.documents.letterhead import letterhead_get, letterhead_logo, letterhead_logo_set
from core.documents.models import Letterhead
from core.documents.pdf import render_pdf
from core.documents.services import document_generate
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api
from tests.core.documents.helpers import docx_text, docx_upload, docx_with

MULTIPART = MULTIPART_CONTENT
POINTS_PER_MM = 72 / 25.4
# The DOCX package's and WordprocessingML's namespaces.
XML = {"ct": "http://schemas.openxmlformats.org/package/2006/content-types",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
       "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
       "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
CODES = {"detsis_number": "12345678", "file_plan_code": "010.06.02"}


def logo_png(size: tuple[int, int] = (120, 60)) -> bytes:
    """A small opaque PNG: what an office's logo looks like to the renderers."""
    output = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, format="PNG")
    return output.getvalue()


def logo_jpeg() -> bytes:
    output = BytesIO()
    Image.new("RGB", (80, 80), (10, 60, 160)).save(output, format="JPEG")
    return output.getvalue()


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


def test_a_reworded_unit_name_puts_its_translation_out_of_date_on_the_page_and_in_the_api(
        admin_api, office_a_en, university_a):
    names = {"tr": "Dış İlişkiler Ofisi", "en": "International Relations Office"}
    admin_api.patch("/api/letterhead/", {"unit_name": names}, content_type="application/json")

    reworded = admin_api.patch("/api/letterhead/", {"unit_name": {"tr": "Uluslararası İlişkiler Ofisi"}},
                               content_type="application/json").json()
    page = office_a_en.get("/documents/letterhead/").content.decode()
    checked = office_a_en.post("/documents/letterhead/", {
        "unit_name_tr": "Uluslararası İlişkiler Ofisi", "unit_name_en": names["en"], "unit_name_checked": "on"})

    assert reworded["outdated_translations"] == {"unit_name": ["en"]}
    assert "Unit (English) — out of date" in page
    assert checked.status_code == 302
    assert admin_api.get("/api/letterhead/").json()["outdated_translations"] == {}


def _stored_logo(university) -> bytes | None:
    with schema_context(university.schema_name):
        return letterhead_logo()


def test_an_office_admin_uploads_replaces_and_removes_the_logo_through_the_api(
        admin_api, university_a, django_capture_on_commit_callbacks):
    png, jpeg = logo_png(), logo_jpeg()

    uploaded = admin_api.put("/api/letterhead/logo/", encode_multipart(BOUNDARY, {
        "logo": SimpleUploadedFile("logo.png", png, content_type="image/png")}), content_type=MULTIPART)
    assert uploaded.status_code == 200, uploaded.content
    assert uploaded.json()["logo"] == "/api/letterhead/logo/"
    assert _stored_logo(university_a) == png
    read = admin_api.get("/api/letterhead/logo/")
    assert (read.status_code, read["Content-Type"], b"".join(read.streaming_content)) == (200, "image/png", png)
    with schema_context(university_a.schema_name):
        first_name = letterhead_get().logo.name
        assert first_name.startswith("documents/letterhead/") and first_name.endswith(".png")
        assert "logo" not in first_name.rsplit("/", 1)[-1]  # stored under Köprü's own name

    with django_capture_on_commit_callbacks(execute=True):
        replaced = admin_api.put("/api/letterhead/logo/", encode_multipart(BOUNDARY, {
            "logo": SimpleUploadedFile("logo.png", jpeg, content_type="image/png")}), content_type=MULTIPART)
    assert replaced.status_code == 200
    assert _stored_logo(university_a) == jpeg
    with schema_context(university_a.schema_name):
        assert letterhead_get().logo.name.endswith(".jpg")  # named after its content, not the file's name
        assert not default_storage.exists(first_name)  # the replaced file is gone

    removed = admin_api.delete("/api/letterhead/logo/")
    assert removed.status_code == 200 and removed.json()["logo"] is None
    assert _stored_logo(university_a) is None
    assert admin_api.get("/api/letterhead/logo/").status_code == 404
    with schema_context(university_a.schema_name):
        assert AuditEntry.objects.filter(action="letterhead.changed").count() == 3


@pytest.mark.parametrize(("content", "code"), [
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "file_type"),
    (b"%PDF-1.4\n%%EOF\n", "file_type"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * (1024 * 1024), "file_too_large"),
    (logo_png()[:60], "file_type"),  # a PNG cut short: no letter could draw it
    (logo_png((4001, 10)), "file_too_large"),  # small in bytes, too many pixels
])
def test_a_logo_that_is_not_a_small_picture_is_refused_and_changes_nothing(admin_api, university_a, content, code):
    png = logo_png()
    admin_api.put("/api/letterhead/logo/", encode_multipart(BOUNDARY, {
        "logo": SimpleUploadedFile("logo.png", png)}), content_type=MULTIPART)

    response = admin_api.put("/api/letterhead/logo/", encode_multipart(BOUNDARY, {
        "logo": SimpleUploadedFile("logo.png", content, content_type="image/png")}), content_type=MULTIPART,
        HTTP_ACCEPT_LANGUAGE="tr")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code and set(error["fields"]) == {"logo"}
    if code == "file_type":
        assert error["message"] == "Logo PNG ya da JPEG biçiminde bir resim olmalıdır."
    assert _stored_logo(university_a) == png


def test_only_office_admins_of_its_own_university_touch_the_logo(admin_api, university_a, university_b, token_b):
    coordinator = make_office_user(university_a, username="koord", role="coordinator")
    admin_api.put("/api/letterhead/logo/", encode_multipart(BOUNDARY, {
        "logo": SimpleUploadedFile("logo.png", logo_png())}), content_type=MULTIPART)
    body = encode_multipart(BOUNDARY, {"logo": SimpleUploadedFile("other.png", logo_jpeg())})

    for client, status in ((api(university_a, coordinator), 403),
                           (Client(HTTP_HOST=host_of(university_a), HTTP_AUTHORIZATION=f"Token {token_b}"), 401)):
        assert client.get("/api/letterhead/logo/").status_code == status
        assert client.put("/api/letterhead/logo/", body, content_type=MULTIPART).status_code == status
        assert client.delete("/api/letterhead/logo/").status_code == status
    assert _stored_logo(university_a) == logo_png()
    with schema_context(university_b.schema_name):
        assert not Letterhead.objects.exists()


def test_the_letterhead_page_takes_a_logo_shows_it_and_removes_it(office_a_en, university_a):
    png = logo_png()

    refused = office_a_en.post("/documents/letterhead/", {
        "logo": SimpleUploadedFile("logo.png", b"GIF89a not a logo")})
    assert refused.status_code == 400
    assert refused.context["form"].errors["logo"] == ["The logo must be a PNG or JPEG picture."]
    assert _stored_logo(university_a) is None

    saved = office_a_en.post("/documents/letterhead/", {"unit_name_tr": "Dış İlişkiler Ofisi",
                                                        "logo": SimpleUploadedFile("logo.png", png)})
    assert saved.status_code == 302
    assert _stored_logo(university_a) == png
    page = office_a_en.get("/documents/letterhead/")
    assert 'enctype="multipart/form-data"' in page.content.decode()
    assert 'src="/documents/letterhead/logo/"' in page.content.decode() and "remove_logo" in page.context["form"].fields
    shown = office_a_en.get("/documents/letterhead/logo/")
    assert (shown["Content-Type"], b"".join(shown.streaming_content)) == ("image/png", png)

    assert office_a_en.post("/documents/letterhead/", {"remove_logo": "on"}).status_code == 302
    assert _stored_logo(university_a) is None


def _media(content: bytes) -> list[bytes]:
    archive = zipfile.ZipFile(BytesIO(content))
    return [archive.read(name) for name in archive.namelist() if name.startswith("word/media/")]


def test_the_template_preview_shows_the_logo_where_the_template_keeps_its_picture(admin_a, office_a, university_a):
    png = logo_png()
    with schema_context(university_a.schema_name):
        letterhead_logo_set(acting_user=admin_a, upload=SimpleUploadedFile("logo.png", png))

    default = b"".join(office_a.get("/documents/templates/cover_letter/tr/preview/").streaming_content)
    office_a.post("/documents/templates/cover_letter/tr/upload/",
                  {"file": docx_upload(docx_with("Sayı: {{ document.number }}"))})
    own = b"".join(office_a.get("/documents/templates/cover_letter/tr/preview/").streaming_content)

    assert _media(default) == [png]
    assert _media(own) == []  # the office's own template has no picture for it: no logo, no error
    assert "Sayı:" in docx_text(own)


def test_the_pdf_sets_the_heads_lines_beside_the_logo_and_what_follows_below_it():
    blocks = [Logo(), Paragraph("T.C.", align="center", bold=True), Paragraph("KASTAMONU", align="center"),
              Columns("Sayı: 1", "3 Aralık 2026"), Paragraph("Konu: x")]

    pdf = render_pdf(blocks, {}, title="x", language="tr", logo=logo_png())
    plain = render_pdf(blocks, {}, title="x", language="tr")

    drawn = re.search(rb"q ([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm /I", pdf)
    width, height, left, bottom = map(float, drawn.groups())
    assert (round(left / POINTS_PER_MM), round(height / POINTS_PER_MM), round(width / height)) == (25, 20, 2)
    lines = [(float(x), float(y)) for x, y in re.findall(rb"BT ([\d.]+) ([\d.]+) Td", pdf)]
    assert lines[0][0] > left + width and lines[1][0] > left + width  # the centred lines right of the logo
    assert lines[2][1] < bottom  # the number's line below its foot
    assert b"/Subtype /Image" not in plain
    assert re.findall(rb"BT ([\d.]+) [\d.]+ Td", plain)[2] == b"73.70"  # without one, the number at the margin


@pytest.mark.parametrize(("logo", "extension"), [(logo_png, "png"), (logo_jpeg, "jpg")])
def test_a_letter_with_a_logo_is_a_package_word_opens_and_its_number_starts_below_the_logo(
        admin_a, university_a, logo, extension):
    """Word refuses a package with a part of no content type, a malformed part or a picture whose relationship leads
    nowhere. Word and LibreOffice wrap paragraphs around the logo but lay a table over it: an English head has two
    lines beside a 20 mm logo, and the number and date's table came up over the logo's foot."""
    picture = logo()
    with schema_context(university_a.schema_name):
        letterhead_logo_set(acting_user=admin_a, upload=SimpleUploadedFile(f"logo.{extension}", picture))
        context = KINDS["cover_letter"].sample("en")
        letter = document_generate(kind="cover_letter", context=context, language="en", acting_user=admin_a)
        content = letter.docx.read()

    archive = zipfile.ZipFile(BytesIO(content))
    parts = {name: archive.read(name) for name in archive.namelist()}
    xml = {name: etree.fromstring(data) for name, data in parts.items() if name.endswith((".xml", ".rels"))}
    types = xml["[Content_Types].xml"]
    extensions = set(types.xpath("ct:Default/@Extension", namespaces=XML))
    overridden = set(types.xpath("ct:Override/@PartName", namespaces=XML))
    assert [name for name in parts if f"/{name}" not in overridden and name.rsplit(".", 1)[-1] not in extensions] == []
    targets = dict(zip(*(xml["word/_rels/document.xml.rels"].xpath(f"rel:Relationship/@{attribute}", namespaces=XML)
                         for attribute in ("Id", "Target")), strict=True))
    body = xml["word/document.xml"].find("w:body", XML)
    shown = [parts[f"word/{targets[embed]}"] for embed in body.xpath(".//a:blip/@r:embed", namespaces=XML)]
    assert shown == [picture]
    assert [name for name in parts if name.startswith("word/media/")] == [f"word/media/letterhead-logo-1.{extension}"]

    blocks = list(body)
    logo_at = next(i for i, block in enumerate(blocks) if block.xpath(".//wp:anchor", namespaces=XML))
    cleared_at = next((i for i, block in enumerate(blocks) if block.xpath(".//w:br[@w:clear='all']", namespaces=XML)),
                      len(blocks))
    number_at = next(i for i, block in enumerate(blocks) if block.tag == f"{{{XML['w']}}}tbl")
    beside = [block.xpath("string(.)") for block in blocks[logo_at + 1:cleared_at]]
    assert logo_at < cleared_at < number_at  # the lines beside the logo, a break that clears it, then the number
    assert len(beside) == 2 and all(beside)
    assert "No.:" in blocks[number_at].xpath("string(.)")
    assert body.xpath(".//wp:anchor/@distB", namespaces=XML) == [str(Mm(LOGO_GAP))]  # a gap below, as in the PDF
