"""Importing a statute from text: preview, correction, save as a draft, parallel languages, refusals, isolation."""

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context, tenant_context

from core.audit.models import AuditEntry
from core.office.models import Role
from core.statutes.importing.services import DROP, MERGE, SPLIT, Row, rows_corrected, statute_import_parallel
from core.statutes.models import Clause, Revision, Statute
from kopru.errors import ServiceError
from tests.conftest import make_office_user
from tests.core.accounts.helpers import sign_in, token_for

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"
START, REVIEW = "/statutes/import/", "/statutes/import/review/"
API_PREVIEW, API_SAVE, API_PARALLEL = "/api/statutes/import/preview/", "/api/statutes/import/", \
    "/api/statutes/import/parallel/"


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text("utf-8")


def txt(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/plain")


def review_data(response, **changes) -> dict:
    """The review form as the page shows it, with some fields changed ("form-3-action": "drop")."""
    data = {}
    details, rows = response.context["details"], response.context["rows"]
    for name in details.fields:
        data[name] = details[name].value()
    for key, value in rows.management_form.initial.items():
        data[f"form-{key}"] = value
    for index, form in enumerate(rows.forms):
        for name in ("level", "number", "text", "action"):
            value = form[name].value()
            data[f"form-{index}-{name}"] = "" if value is None else value
        if form["section"].value():
            data[f"form-{index}-section"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def statutes_in(university) -> int:
    with schema_context(university.schema_name):
        return Statute.objects.count()


# The pages ---------------------------------------------------------------------------------------

def test_an_uploaded_job_description_is_previewed_with_its_numbers_levels_and_document_control(office_a_en):
    # when
    response = office_a_en.post(START, {"kind": "job_description", "language": "tr",
                                         "file": txt("gt.txt", seed_text("seed_002.tr.txt").encode())})

    # then
    assert response.status_code == 200
    content = response.content.decode()
    assert "<td>KYS-GT-431</td>" in content and "<td>31 Oct 2025</td>" in content
    rows = [form.initial for form in response.context["rows"].forms]
    assert rows[3] == {"level": 0, "number": "", "text": "GÖREV, YETKİ VE SORUMLULUKLARI", "section": True}
    assert rows[4]["level"] == 1 and rows[4]["number"] == "·"
    assert response.context["details"]["title"].value() == "Öğrenci İşleri Personeli Görev Tanımı"
    assert ("position", "Akademik Birimler Öğrenci İşleri Personeli") in [
        (str(label), value) for label, value in response.context["job"]]


def test_the_reviewed_rows_are_saved_as_a_draft_revision_00(office_a_en, university_a):
    preview = office_a_en.post(START, {"kind": "job_description", "language": "tr",
                                       "text": seed_text("seed_002.tr.txt")})

    # when
    response = office_a_en.post(REVIEW, review_data(preview, save="1"))

    # then
    assert response.status_code == 302
    with schema_context(university_a.schema_name):
        statute = Statute.objects.get()
        assert response["Location"] == f"/statutes/{statute.pk}/"
        assert (statute.kind, statute.title_tr, statute.document_number) == (
            "job_description", "Öğrenci İşleri Personeli Görev Tanımı", "KYS-GT-431")
        assert statute.first_published_on == date(2025, 10, 31)
        assert statute.position_tr == "Akademik Birimler Öğrenci İşleri Personeli"
        revision = statute.revisions.get()
        assert (revision.number, revision.status, revision.page_count) == (0, Revision.Status.DRAFT, 3)
        clauses = list(revision.clauses.order_by("position"))
        assert len(clauses) == 45
        duties = clauses[3]
        assert (duties.kind, duties.text_tr, duties.parent_id) == ("section", "GÖREV, YETKİ VE SORUMLULUKLARI", None)
        assert [clause.parent_id for clause in clauses[4:34]] == [duties.pk] * 30
        assert AuditEntry.objects.filter(action="statute.imported").count() == 1


def test_corrections_drop_merge_split_and_renumber_before_saving(office_a_en, university_a):
    preview = office_a_en.post(START, {"kind": "statute", "language": "ky", "text": seed_text("seed_004.ky.txt")})
    # rows: 0 "I.", 1 "1.", 2 "2.", …
    data = review_data(preview, **{
        "form-1-number": "1.1.", "form-2-action": MERGE, "form-3-action": DROP,
        "form-4-text": "Биринчи сүйлөм.\nЭкинчи сүйлөм.", "form-4-action": SPLIT, "apply": "1"})

    # when
    applied = office_a_en.post(REVIEW, data)

    # then
    assert applied.status_code == 200
    rows = [form.initial for form in applied.context["rows"].forms]
    assert rows[1]["number"] == "1.1." and rows[1]["text"].endswith("№4062-ФХД буйругу менен түзүлгөн. Бөлүм - эл "
                                                                      "аралык байланыштар жаатында университеттин "
                                                                      "дипломатиялык саясатын жүргүзүүчү структуралык "
                                                                      "түзүм.")
    assert [row["text"] for row in rows[2:4]] == ["Биринчи сүйлөм.", "Экинчи сүйлөм."]
    assert statutes_in(university_a) == 0  # the preview is not stored

    # when
    saved = office_a_en.post(REVIEW, review_data(applied, save="1"))

    # then
    assert saved.status_code == 302
    with schema_context(university_a.schema_name):
        revision = Revision.objects.get()
        first = revision.clauses.order_by("position")[:4]
        assert [clause.number for clause in first] == ["I.", "1.1.", "4.", ""]  # a split keeps its number first
        assert first[2].text_ky == "Биринчи сүйлөм." and first[2].parent_id == first[0].pk


def test_a_row_two_levels_below_the_one_above_is_refused(office_a_en, university_a):
    preview = office_a_en.post(START, {"kind": "statute", "language": "ky", "text": seed_text("seed_004.ky.txt")})
    data = review_data(preview, **{"form-1-level": "3", "save": "1"})
    data["form-0-level"] = "0"

    # rows_corrected settles levels; the service refuses what still jumps (as from the API)
    assert rows_corrected([Row(level=0, number="I.", text="a"), Row(level=3, number="1.", text="b")])[1].level == 1
    response = office_a_en.post(REVIEW, data)
    assert response.status_code == 302  # settled to level 1, not refused
    with schema_context(university_a.schema_name):
        assert Clause.objects.order_by("position")[1].parent.number == "I."


def test_a_file_that_is_not_utf8_text_is_refused_with_a_clear_message(office_a_en, university_a):
    for upload in (txt("latin.txt", "Görev".encode("latin-1")),
                   txt("utf16.txt", "Görev tanımı".encode("utf-16")),
                   txt("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")):
        response = office_a_en.post(START, {"kind": "statute", "language": "tr", "file": upload})

        assert response.status_code == 400
        assert "not plain text in UTF-8" in response.content.decode()
    assert statutes_in(university_a) == 0


def test_an_altered_preview_is_refused(office_a_en, university_a):
    preview = office_a_en.post(START, {"kind": "statute", "language": "tr", "text": "1. Bir\n2. İki"})

    response = office_a_en.post(REVIEW, review_data(preview, payload="forged", title="Yönerge", save="1"))

    assert response.status_code == 400
    assert "expired or was altered" in response.content.decode()
    assert statutes_in(university_a) == 0


def test_people_without_the_right_cannot_import(client_a, university_a):
    viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER)
    sign_in(client_a, university_a, viewer)

    assert client_a.get(START).status_code == 403
    assert client_a.post(REVIEW, {}).status_code == 403


def test_a_session_of_another_university_means_nothing_on_this_host(office_a_en, client_b, university_a, university_b,
                                                                    admin_a):
    # given: Kastamonu's session cookie presented on Osh's host
    client_b.cookies = office_a_en.cookies

    # when
    response = client_b.post(START, {"kind": "statute", "language": "ky", "text": seed_text("seed_004.ky.txt")})

    # then
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert statutes_in(university_b) == 0


# The API -----------------------------------------------------------------------------------------

def test_the_api_previews_then_saves_the_rows(admin_api_en, university_a):
    preview = admin_api_en.post(API_PREVIEW, {"text": seed_text("seed_000.tr.txt"), "kind": "job_description"},
                                content_type="application/json")

    assert preview.status_code == 200
    body = preview.json()
    assert [row["number"] for row in body["rows"] if row["level"] == 0] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert len(body["control"]["revisions"]) == 6 and body["control"]["revisions"][5]["revised_on"] == "2024-07-08"
    assert body["job"]["deputy"] == "Uluslararası İlişkiler Ofisi Koordinatör Yardımcısı"

    # when
    saved = admin_api_en.post(API_SAVE, {"kind": "job_description", "language": "tr", "title": "Görev Tanımı",
                                         "rows": body["rows"], "control": body["control"], "job": body["job"]},
                              content_type="application/json")

    # then
    assert saved.status_code == 201
    assert saved.json()["clauses"] == 32 and saved.json()["revision"] == 0
    with schema_context(university_a.schema_name):
        statute = Statute.objects.get(pk=saved.json()["id"])
        # The titles the document gives are in its language.
        assert statute.prepared_by_title_tr == "Uluslararası İlişkiler Ofisi Koordinatörü"
        assert statute.prepared_by_title_en is None
        assert statute.deputy_tr == "Uluslararası İlişkiler Ofisi Koordinatör Yardımcısı"


def test_the_api_previews_an_uploaded_file_and_refuses_other_encodings(admin_api_en, university_a):
    good = admin_api_en.post(API_PREVIEW, {"file": txt("a.txt", seed_text("seed_003.tr.txt").encode())})
    bad = admin_api_en.post(API_PREVIEW, {"file": txt("a.txt", "Görev".encode("cp1254"))})

    assert good.status_code == 200
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "file_encoding"


def test_the_api_refuses_rows_that_jump_levels_and_saves_nothing(admin_api_en, university_a):
    response = admin_api_en.post(API_SAVE, {"kind": "statute", "language": "tr", "title": "Yönerge", "rows": [
        {"level": 0, "number": "1.", "text": "Bir", "kind": "clause"},
        {"level": 2, "number": "1.1.1", "text": "Üç", "kind": "clause"}]}, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"] == {"code": "invalid_rows", "message": "Row 2 is more than one level below the "
                                         "row above it.", "fields": {"rows": ["Row 2 is more than one level below "
                                                                              "the row above it."]}}
    assert statutes_in(university_a) == 0


def test_the_api_imports_parallel_texts_into_every_language(admin_api_en, university_a):
    response = admin_api_en.post(API_PARALLEL, {"kind": "statute", "texts": {
        "tr": seed_text("seed_001.tr.txt"), "en": seed_text("seed_001.en.txt")}}, content_type="application/json")

    assert response.status_code == 201
    with schema_context(university_a.schema_name):
        statute = Statute.objects.get()
        assert (statute.title_tr, statute.title_en) == ("Görev ve Sorumluluklar", "Duties and Responsibilities")
        heading = Clause.objects.get(parent=None)
        assert (heading.text_tr, heading.text_en) == ("Görev ve Sorumluluklar", "Duties and Responsibilities")
        assert Clause.objects.filter(number="o", text_en__isnull=False).count() == 13


def test_parallel_texts_of_different_structure_are_refused_naming_the_first_difference(admin_api_en, university_a):
    english = seed_text("seed_000.en.txt").replace("7.16. To track", "7.17. To track")

    response = admin_api_en.post(API_PARALLEL, {"kind": "job_description", "texts": {
        "tr": seed_text("seed_000.tr.txt"), "en": english}}, content_type="application/json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "structure_mismatch"
    assert error["message"] == ("The English text does not have the structure of the Turkish one: where the Turkish "
                                "text has “7.16.” at level 2, the English text has “7.17.” at level 2.")
    assert statutes_in(university_a) == 0


def test_the_api_refuses_other_roles_and_other_hosts_tokens(client_a, client_b, university_a, university_b, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.VIEWER)
    client_a.defaults["HTTP_AUTHORIZATION"] = f"Token {token_for(university_a, officer)}"
    client_b.defaults["HTTP_AUTHORIZATION"] = f"Token {token_for(university_a, admin_a)}"
    body = {"kind": "statute", "texts": {"ky": seed_text("seed_004.ky.txt")}}

    assert client_a.post(API_PARALLEL, body, content_type="application/json").status_code == 403
    assert client_b.post(API_PARALLEL, body, content_type="application/json").status_code in (401, 403)
    assert statutes_in(university_a) == statutes_in(university_b) == 0


def test_an_import_on_osh_stays_in_osh(client_b, university_a, university_b, admin_b):
    client_b.defaults["HTTP_AUTHORIZATION"] = f"Token {token_for(university_b, admin_b)}"

    response = client_b.post(API_PARALLEL, {"kind": "statute", "texts": {"ky": seed_text("seed_004.ky.txt")}},
                             content_type="application/json")

    assert response.status_code == 201
    assert statutes_in(university_b) == 1 and statutes_in(university_a) == 0


def test_rows_corrected_merges_into_the_row_above_and_lifts_orphans():
    rows = rows_corrected([
        Row(level=0, number="I.", text="Heading", kind="section", action=DROP),
        Row(level=1, number="1.", text="One"),
        Row(level=1, number="", text="and more", action=MERGE),
        Row(level=2, number="a)", text="Sub"),
    ])

    assert [(row.level, row.number, row.text) for row in rows] == [(0, "1.", "One and more"), (1, "a)", "Sub")]


def test_the_parallel_service_refuses_a_language_koprü_does_not_speak(university_a, admin_a):
    with tenant_context(university_a), pytest.raises(ServiceError) as refused:
        statute_import_parallel(texts={"de": "1. Eins"}, kind="statute", acting_user=admin_a)

    assert refused.value.code == "invalid_language"


# Statutes of every shape (tests/core/statutes/texts/) ---------------------------------------------

TEXTS = Path(__file__).resolve().parent / "texts"


def text_of(name: str) -> str:
    return (TEXTS / name).read_text("utf-8")


def test_a_yonerge_pasted_without_blank_lines_is_previewed_as_chapters_articles_paragraphs_and_items(
        office_a_en, university_a):
    # when
    response = office_a_en.post(START, {"kind": "statute", "language": "tr",
                                        "text": text_of("tr_uluslararasi_iliskiler_ofisi_yonergesi.txt")})

    # then
    assert response.status_code == 200
    rows = [form.initial for form in response.context["rows"].forms]
    assert len(rows) == 33
    assert rows[:4] == [
        {"level": 0, "number": "BİRİNCİ BÖLÜM", "text": "Amaç ve Kapsam, Dayanak ve Tanımlar", "section": True},
        {"level": 1, "number": "Madde 1", "text": "Amaç ve kapsam", "section": False},
        {"level": 2, "number": "(1)", "text": rows[2]["text"], "section": False},
        {"level": 2, "number": "(2)", "text": rows[3]["text"], "section": False}]
    assert [row["number"] for row in rows if row["level"] == 3][:5] == ["a)", "b)", "c)", "ç)", "d)"]
    assert response.context["details"]["title"].value() == "ULUSLARARASI İLİŞKİLER OFİSİ YÖNERGESİ"
    content = response.content.decode()
    assert "Not placed" in content and "<td>28</td><td>Sayfa 1 / 3</td>" in content


def test_the_lines_not_placed_stay_on_the_review_page_after_corrections_and_the_yonerge_is_saved(
        office_a_en, university_a):
    preview = office_a_en.post(START, {"kind": "statute", "language": "tr",
                                       "text": text_of("tr_uluslararasi_iliskiler_ofisi_yonergesi.txt")})

    # when: the person applies the corrections (none)
    applied = office_a_en.post(REVIEW, review_data(preview, apply="1"))

    # then
    assert applied.status_code == 200
    assert [(line.line, line.text) for line in applied.context["unplaced"]][-1] == (60, "3")

    # when
    saved = office_a_en.post(REVIEW, review_data(applied, save="1"))

    # then
    assert saved.status_code == 302
    with schema_context(university_a.schema_name):
        clauses = list(Revision.objects.get().clauses.order_by("position"))
        assert len(clauses) == 33
        chapter, article, paragraph = clauses[:3]
        assert (chapter.kind, chapter.number, chapter.parent_id) == ("section", "BİRİNCİ BÖLÜM", None)
        assert (article.number, article.text_tr, article.parent_id) == ("Madde 1", "Amaç ve kapsam", chapter.pk)
        assert (paragraph.number, paragraph.parent_id) == ("(1)", article.pk)


def test_the_api_previews_a_kyrgyz_jobo_with_berene_articles_and_saves_it(admin_api_en, university_a):
    # given: before chapters and articles were read, this text had nothing to import
    preview = admin_api_en.post(API_PREVIEW, {"text": text_of("ky_akademiyalyk_mobilduuluk_jobosu.txt")},
                                content_type="application/json")

    # then
    assert preview.status_code == 200
    body = preview.json()
    assert body["unplaced"] == []
    assert [(row["level"], row["number"]) for row in body["rows"][:5]] == [
        (0, "БИРИНЧИ БӨЛҮМ"), (1, "1-берене."), (2, "1.1."), (2, "1.2."), (1, "2-берене.")]
    assert body["rows"][0] == {"level": 0, "number": "БИРИНЧИ БӨЛҮМ", "text": "ЖАЛПЫ ЖОБОЛОР", "kind": "section"}
    assert len(body["rows"]) == 27
    assert body["control"]["approved_by"]["name"] == "Ж.К. Асанов"

    # when
    saved = admin_api_en.post(API_SAVE, {"kind": "statute", "language": "ky", "title": "Академиялык мобилдүүлүк",
                                         "rows": body["rows"], "control": body["control"]},
                              content_type="application/json")

    # then
    assert saved.status_code == 201 and saved.json()["clauses"] == 27
    with schema_context(university_a.schema_name):
        item = Clause.objects.get(number="в)", text_ky__startswith="чет тилин")
        assert item.parent.number == "3.3." and item.parent.parent.number == "3-берене."


def test_the_api_lists_the_lines_of_a_pasted_yonerge_it_placed_nowhere(admin_api_en, university_a):
    response = admin_api_en.post(API_PREVIEW, {"text": text_of("tr_uluslararasi_iliskiler_ofisi_yonergesi.txt")},
                                 content_type="application/json")

    assert response.status_code == 200
    assert [(row["level"], row["number"]) for row in response.json()["rows"][-4:]] == [
        (1, "Madde 7"), (2, "(1)"), (1, "Madde 8"), (2, "(1)")]
    assert response.json()["unplaced"] == [
        {"line": 1, "text": "T.C."}, {"line": 2, "text": "DAĞ ETEĞİ ÜNİVERSİTESİ"},
        {"line": 28, "text": "Sayfa 1 / 3"}, {"line": 29, "text": "Uluslararası İlişkiler Ofisi Yönergesi"},
        {"line": 47, "text": "Sayfa 2 / 3"}, {"line": 48, "text": "Uluslararası İlişkiler Ofisi Yönergesi"},
        {"line": 60, "text": "3"}]


def test_an_uploaded_jobo_without_blank_lines_is_previewed_with_its_letterhead_listed_as_not_placed(office_a_en):
    text = text_of("ky_osh_eab_jobosu_without_blank_lines.txt")

    # when
    response = office_a_en.post(START, {"kind": "statute", "language": "ky", "file": txt("jobo.txt", text.encode())})

    # then
    assert response.status_code == 200
    rows = [form.initial for form in response.context["rows"].forms]
    assert [row["number"] for row in rows if row["level"] == 0] == ["I.", "II.", "III.", "IV.", "V.", "VI."]
    head = next(index for index, row in enumerate(rows) if row["text"].endswith("Начальник:"))
    assert [(row["level"], row["number"]) for row in rows[head:head + 3]] == [(1, "2."), (2, "1."), (2, "2.")]
    assert [(line.line, line.text) for line in response.context["unplaced"]] == [
        (1, "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН БИЛИМ"), (2, "БЕРҮҮ ЖАНА ИЛИМ МИНИСТРЛИГИ"), (3, "ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ")]
    assert "<td>3</td><td>ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ</td>" in response.content.decode()
