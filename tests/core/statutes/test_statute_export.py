"""A statute's revision as PDF and DOCX under document control, and its export by a worker with progress."""

from datetime import date
from io import BytesIO

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.test import Client
from django.utils.translation import override
from django_tenants.utils import schema_context
from docx import Document

from core.documents import services
from core.documents.models import DocumentJob, GeneratedDocument
from core.documents.pdf import pdf_page_count
from core.statutes.export import statute_export
from core.statutes.models import AgreedBy, Clause, Revision, Statute
from core.statutes.services import revision_approve
from core.statutes.tasks import export_statute
from kopru.errors import ServiceError
from tests.conftest import host_of
from tests.core.accounts.helpers import api, sign_in
from tests.core.documents.helpers import docx_text, flat, pdf_text

DUTY = ("İşbirliği protokolleri kapsamında gelen öğrencilere davetiyelerini hazırlamak, göndermek ve "
        "oturma izinleri için gereken belgeleri almak; ") * 3


def seed_002_job_description(*, duties: int = 3) -> Revision:
    """Seed 002's shape: a job description with two revisions, the second in force, nested clauses."""
    statute = Statute.objects.create(
        kind=Statute.Kind.JOB_DESCRIPTION, title_tr="Öğrenci İşleri Personeli Görev Tanımı",
        title_en="Student Affairs Officer Job Description", document_number="KYS-GT-431",
        first_published_on=date(2025, 10, 31), prepared_by_name="Ayşe Yılmaz",
        prepared_by_title_tr="Uluslararası İlişkiler Ofisi Koordinatörü", approved_by_name="Mehmet Demir",
        approved_by_title_tr="Genel Sekreter", position_tr="Öğrenci İşleri Personeli",
        superior_tr="Fakülte Sekreteri", deputy_tr="Öğrenci İşleri Şefi", requirements_tr="Lisans mezunu olmak",
        place_in_organisation_tr="Akademik Birimler",
    )
    AgreedBy.objects.create(statute=statute, name="Hukuk Müşavirliği", title_tr="Hukuk Müşaviri")
    Revision.objects.create(statute=statute, number=0, revised_on=date(2025, 10, 31), status="superseded",
                            description_tr="İlk yayın")
    revision = Revision.objects.create(statute=statute, number=1, revised_on=date(2026, 3, 2), status="in_force",
                                       description_tr="Görev, yetki ve sorumluluklar revize edilmiştir.")
    section = Clause.objects.create(revision=revision, position=1, kind="section", number="7.",
                                    text_tr="GÖREV, YETKİ VE SORUMLULUKLARI", text_en="DUTIES")
    clause = Clause.objects.create(revision=revision, position=2, parent=section, number="7.1.",
                                   text_tr="Protokolleri hazırlamak;")
    Clause.objects.create(revision=revision, position=3, parent=clause, number="a)", text_tr="taslağı incelemek;")
    for position in range(4, 4 + duties):
        Clause.objects.create(revision=revision, position=position, parent=section, number=f"7.{position - 2}.",
                              text_tr=DUTY)
    return revision


def test_the_pdf_carries_the_document_control_header_clauses_revisions_and_signatures(university_a, admin_a):
    with schema_context(university_a.schema_name):
        revision = seed_002_job_description(duties=40)
        document = statute_export(revision=revision, language="tr", fmt="pdf", acting_user=admin_a)
        content = document.pdf.read()
        revision.refresh_from_db()
    text = flat(pdf_text(content))
    pages = pdf_page_count(content)

    assert pages > 1 and revision.page_count == document.page_count == pages
    assert document.subject_id == revision.statute_id and not document.docx
    for expected in ("Kastamonu Üniversitesi", "Öğrenci İşleri Personeli Görev Tanımı", "Doküman No KYS-GT-431",
                     "İlk Yayın Tarihi 31.10.2025", "Revizyon Tarihi 02.03.2026", "Revizyon No 01",
                     f"Sayfa No 1 / {pages}", f"Sayfa No 2 / {pages}",
                     "Görev adı Öğrenci İşleri Personeli", "Birinci derecede sorumlu amiri Fakülte Sekreteri",
                     "7. GÖREV, YETKİ VE SORUMLULUKLARI", "7.1. Protokolleri hazırlamak;", "a) taslağı incelemek;",
                     "Rev. No Rev. Tarihi Açıklama", "00 31.10.2025 İlk yayın", "01 02.03.2026 Görev, yetki",
                     "Hazırlayan Ayşe Yılmaz", "Onaylayan Mehmet Demir", "Uygun Görüş Hukuk Müşavirliği"):
        assert expected in text, expected


def test_the_docx_nests_clauses_and_keeps_the_header_in_the_page_header(university_a, admin_a):
    with schema_context(university_a.schema_name):
        revision = seed_002_job_description()
        document = statute_export(revision=revision, language="tr", fmt="docx", acting_user=admin_a)
        content = document.docx.read()
    word = Document(BytesIO(content))
    paragraphs = {paragraph.text: paragraph for paragraph in word.paragraphs}
    header = flat(" ".join(cell.text for row in word.sections[0].header.tables[0].rows for cell in row.cells))

    assert not document.pdf
    assert "Doküman No" in header and "KYS-GT-431" in header and "Sayfa No" in header
    assert paragraphs["7. GÖREV, YETKİ VE SORUMLULUKLARI"].runs[0].bold
    assert round(paragraphs["7.1. Protokolleri hazırlamak;"].paragraph_format.left_indent.cm, 2) == 0.75
    assert round(paragraphs["a) taslağı incelemek;"].paragraph_format.left_indent.cm, 2) == 1.5


def test_english_falls_back_clause_by_clause_and_exports_are_versions(university_a, admin_a):
    with schema_context(university_a.schema_name):
        revision = seed_002_job_description()
        first = statute_export(revision=revision, language="en", fmt="pdf", acting_user=admin_a)
        second = statute_export(revision=revision, language="en", fmt="pdf", acting_user=admin_a)
        text = flat(pdf_text(second.pdf.read()))

    assert (first.version, second.version) == (1, 2)
    assert "Student Affairs Officer Job Description" in text and "Document No. KYS-GT-431" in text
    assert "7. DUTIES" in text and "7.1. Protokolleri hazırlamak;" in text  # no English text: the Turkish one
    assert "Prepared by Ayşe Yılmaz" in text


def seed_004_statute() -> Revision:
    """Seed 004's shape: Osh's жобо of its International Relations Department, approved by the rector."""
    statute = Statute.objects.create(
        kind=Statute.Kind.STATUTE, title_ky="Эл аралык байланыштар бөлүмүнүн жобосу",
        title_ru="Положение об отделе международных связей",
        title_en="Statute of the International Relations Department",
        document_number="ОшМУ-01", approved_by_name="проф. К.Г. Кожобеков",
        approved_by_title_ky="Ош мамлекеттик университетинин ректору",
        approved_by_title_ru="Ректор Ошского государственного университета",
        approved_by_title_en="Rector of Osh State University", prepared_by_name="А.О. Абдувалиев",
        prepared_by_title_ky="Эл аралык байланыштар бөлүмүнүн начальниги",
    )
    AgreedBy.objects.create(statute=statute, name="К.Ш. Аттокуров", title_ky="Тышкы байланыштар боюнча проректор",
                            title_ru="Проректор по внешним связям")
    Revision.objects.create(statute=statute, number=0, revised_on=date(2020, 9, 1), status="superseded",
                            description_ky="Биринчи басылышы")
    revision = Revision.objects.create(statute=statute, number=1, revised_on=date(2023, 8, 31),
                                       in_force_from=date(2023, 9, 1), status="in_force",
                                       description_ky="Бөлүмдүн милдеттери жаңыланды")
    Clause.objects.create(revision=revision, position=1, number="I.", text_ky="Жалпы жоболор",
                          text_ru="Общие положения", kind="section")
    return revision


# What a Turkish quality system writes on a document and a Kyrgyz one never does.
KYS_WORDS = ("Revizyon", "Doküman No", "Документтин №", "Кайра кароонун №", "Кайра каралган күнү", "Барак №",
             "Кайра кароолордун тарыхы", "Номер редакции", "Дата пересмотра", "История редакций", "Revision No.",
             "Revision history")


def test_a_turkish_universitys_statute_keeps_the_document_control_table_in_pdf_and_docx(university_a, admin_a):
    with schema_context(university_a.schema_name):
        revision = seed_002_job_description()
        pdf = flat(pdf_text(statute_export(revision=revision, language="tr", fmt="pdf",
                                           acting_user=admin_a).pdf.read()))
        docx = flat(docx_text(statute_export(revision=revision, language="tr", fmt="docx",
                                             acting_user=admin_a).docx.read()))

    for text in (pdf, docx):
        for expected in ("Doküman No KYS-GT-431", "İlk Yayın Tarihi 31.10.2025", "Revizyon No 01", "Sayfa No",
                         "Revizyon geçmişi"):
            assert expected in text, expected
        assert "ONAYLIYORUM" not in text


@pytest.mark.parametrize(("language", "head", "approval", "heading"), [
    ("ky", ("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН БИЛИМ БЕРҮҮ ЖАНА ИЛИМ МИНИСТРЛИГИ", "ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ"),
     ("БЕКИТЕМИН", "Ош мамлекеттик университетинин ректору", "2023-жылдын 31-августу",
      "Күчүнө кирген күнү: 2023-жылдын 1-сентябры"), "ЭЛ АРАЛЫК БАЙЛАНЫШТАР БӨЛҮМҮНҮН ЖОБОСУ"),
    ("ru", ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ"),
     ("УТВЕРЖДАЮ", "Ректор Ошского государственного университета", "31 августа 2023 г.",
      "Введено в действие с 1 сентября 2023 г."), "ПОЛОЖЕНИЕ ОБ ОТДЕЛЕ МЕЖДУНАРОДНЫХ СВЯЗЕЙ"),
    ("en", ("ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ",),
     ("APPROVED", "Rector of Osh State University", "31 August 2023", "In force from 1 September 2023"),
     "STATUTE OF THE INTERNATIONAL RELATIONS DEPARTMENT"),
])
def test_a_kyrgyz_universitys_statute_is_headed_by_its_approval_block_in_pdf_and_docx(
        university_b, admin_b, language, head, approval, heading):
    with schema_context(university_b.schema_name):
        revision = seed_004_statute()
        pdf = statute_export(revision=revision, language=language, fmt="pdf", acting_user=admin_b).pdf.read()
        docx = statute_export(revision=revision, language=language, fmt="docx", acting_user=admin_b).docx.read()
    approved, title, day, in_force = approval
    # The block at the right, in its order: the word, who approved (with the title in the document's language),
    # when in words; then the title in capitals.
    block = f"{approved} {title} проф. К.Г. Кожобеков {day} {in_force} {heading}"

    for text in (flat(pdf_text(pdf)), flat(docx_text(docx))):
        assert text.startswith(" ".join(head)), text[:200]
        assert block in text
        assert "I. " in text and "А.О. Абдувалиев" in text and "К.Ш. Аттокуров" in text
        for word in (*KYS_WORDS, "ОшМУ-01"):
            assert word not in text, word
    assert not Document(BytesIO(docx)).sections[0].header.tables


def test_an_unknown_format_is_refused(university_a, admin_a):
    with schema_context(university_a.schema_name):
        revision = seed_002_job_description()
        with pytest.raises(ServiceError) as refused:
            statute_export(revision=revision, language="tr", fmt="odt", acting_user=admin_a)
        assert not GeneratedDocument.objects.exists()
    assert refused.value.code == "unknown_format"


def test_a_worker_exports_with_progress_the_page_polls(university_a, admin_a, office_a,
                                                      django_capture_on_commit_callbacks):
    with schema_context(university_a.schema_name):
        revision = seed_002_job_description(duties=20)
        with django_capture_on_commit_callbacks() as queued:
            job = statute_export(revision=revision, language="tr", fmt="pdf", acting_user=admin_a,
                                 asynchronously=True)
    waiting = office_a.get(f"/documents/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()

    with schema_context(university_a.schema_name):
        document_id = export_statute(job.pk)
        job.refresh_from_db()
        revision.refresh_from_db()
    done = office_a.get(f"/documents/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    polled = api(university_a, admin_a).get(f"/api/document-jobs/{job.pk}/").json()

    assert len(queued) == 1
    assert "hx-get" in waiting and "0%" in waiting
    assert (job.status, job.progress, job.document_id) == ("done", 100, document_id)
    assert revision.page_count and job.finished_at
    assert "hx-get" not in done and f"/documents/{document_id}/" in done
    assert polled["status"] == "done" and polled["progress"] == 100
    assert polled["document"]["links"]["pdf"].endswith(f"/documents/{document_id}/download/pdf/")
    assert "docx" not in polled["document"]["links"]


def test_a_job_is_not_found_on_another_universitys_host(university_a, university_b, admin_a, admin_b, office_a,
                                                         django_capture_on_commit_callbacks):
    with schema_context(university_b.schema_name):
        statute = Statute.objects.create(kind=Statute.Kind.STATUTE, title_ky="Жобо")
        revision = Revision.objects.create(statute=statute, number=0)
        with django_capture_on_commit_callbacks():
            theirs = statute_export(revision=revision, language="ky", acting_user=admin_b, asynchronously=True)
    with schema_context(university_a.schema_name):
        assert not DocumentJob.objects.filter(pk=theirs.pk).exists()
    token = api(university_a, admin_a).defaults["HTTP_AUTHORIZATION"]

    assert office_a.get(f"/documents/jobs/{theirs.pk}/").status_code == 404
    assert api(university_a, admin_a).get(f"/api/document-jobs/{theirs.pk}/").status_code == 404
    assert office_a.get("/documents/jobs/0/").status_code == 404
    # Kastamonu's session and token mean nothing on Osh's host.
    other_host = Client(HTTP_HOST=host_of(university_b))
    other_host.cookies = office_a.cookies
    assert other_host.get(f"/documents/jobs/{theirs.pk}/").status_code == 302
    assert Client(HTTP_HOST=host_of(university_b), HTTP_AUTHORIZATION=token).get(
        f"/api/document-jobs/{theirs.pk}/").status_code in (401, 403)


def test_an_export_stopped_by_the_workers_time_limit_fails_its_job(university_a, admin_a, monkeypatch,
                                                                   django_capture_on_commit_callbacks):
    def past_the_soft_time_limit(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    with schema_context(university_a.schema_name):
        revision = seed_002_job_description()
        with django_capture_on_commit_callbacks():
            job = statute_export(revision=revision, language="tr", fmt="pdf", acting_user=admin_a,
                                 asynchronously=True)
        # What Celery raises in the task when it runs past CELERY_TASK_SOFT_TIME_LIMIT.
        monkeypatch.setattr(services, "render_pdf", past_the_soft_time_limit)
        with override("en"):
            export_statute(job.pk)
        job.refresh_from_db()
        written = GeneratedDocument.objects.exists()

    assert job.status == "failed" and job.finished_at
    assert job.error == "The export took longer than 5 minutes and was stopped."
    assert not written


@pytest.mark.parametrize(("language", "title", "agreed", "day"), [
    ("ky", "Ош мамлекеттик университетинин ректору", "Тышкы байланыштар боюнча проректор", "2026-жылдын 2-марты"),
    ("ru", "Ректор Ошского государственного университета", "Проректор по внешним связям", "2 марта 2026 г."),
])
def test_a_kyrgyz_statute_names_its_signers_in_the_documents_language_and_writes_the_date_in_words(
        university_b, admin_b, language, title, agreed, day):
    with schema_context(university_b.schema_name):
        revision = seed_004_statute()
        Revision.objects.filter(pk=revision.pk).update(revised_on=date(2026, 3, 2), in_force_from=date(2026, 3, 2))
        revision.refresh_from_db()
        pdf = flat(pdf_text(statute_export(revision=revision, language=language, fmt="pdf",
                                           acting_user=admin_b).pdf.read()))
        docx = flat(docx_text(statute_export(revision=revision, language=language, fmt="docx",
                                             acting_user=admin_b).docx.read()))

    for text in (pdf, docx):
        assert f"{title} проф. К.Г. Кожобеков {day}" in text
        assert f"К.Ш. Аттокуров {agreed}" in text  # the signatures table, too
        assert "02.03.2026" not in text


def test_a_title_missing_in_the_documents_language_is_taken_from_another(university_b, admin_b):
    with schema_context(university_b.schema_name):
        revision = seed_004_statute()
        Statute.objects.filter(pk=revision.statute_id).update(
            approved_by_title_ky=None, approved_by_title_ru=None, approved_by_title_en=None,
            approved_by_title_tr="Oş Devlet Üniversitesi Rektörü")
        revision.refresh_from_db()
        text = flat(pdf_text(statute_export(revision=revision, language="ky", fmt="pdf",
                                            acting_user=admin_b).pdf.read()))

    assert "БЕКИТЕМИН Oş Devlet Üniversitesi Rektörü проф. К.Г. Кожобеков 2023-жылдын 31-августу" in text


def test_the_councils_decision_given_at_approval_heads_a_kyrgyz_statute(university_b, admin_b):
    with schema_context(university_b.schema_name):
        revision = seed_004_statute()
        draft = Revision.objects.create(statute=revision.statute, number=2, status="in_approval",
                                        description_ky="Жаңы редакция")
        revision_approve(revision=draft, in_force_from=date(2024, 9, 1), acting_user=admin_b,
                         decision_number="3", decision_date=date(2024, 8, 29))
        draft.refresh_from_db()
        texts = {language: flat(pdf_text(statute_export(revision=draft, language=language, fmt="pdf",
                                                       acting_user=admin_b).pdf.read()))
                 for language in ("ky", "ru")}
        docx = flat(docx_text(statute_export(revision=draft, language="ky", fmt="docx", acting_user=admin_b)
                              .docx.read()))

    assert (draft.decision_number, draft.decision_date) == ("3", date(2024, 8, 29))
    for text in (texts["ky"], docx):
        assert "Окумуштуулар кеңешинин №3 протоколу менен бекитилген, протоколдун күнү: 2024-жылдын 29-августу" in text
    assert "Утверждено решением Учёного совета, протокол № 3 от 29 августа 2024 г." in texts["ru"]


def test_the_decision_is_given_on_the_approval_page_and_through_the_api(university_b, admin_b, client_b):
    with schema_context(university_b.schema_name):
        statute = seed_004_statute().statute
        first = Revision.objects.create(statute=statute, number=2, status="in_approval")
        Revision.objects.create(statute=statute, number=3, status="in_approval")
    sign_in(client_b, university_b, admin_b)

    page = client_b.post(f"/statutes/{statute.pk}/revisions/2/approve/", {
        "in_force_from": "2024-09-01", "decision_number": "3", "decision_date": "2024-08-29"})
    api_answer = api(university_b, admin_b).post(f"/api/statutes/{statute.pk}/revisions/3/approve/", {
        "in_force_from": "2025-09-01", "decision_number": "7", "decision_date": "2025-08-28"},
        content_type="application/json")

    assert page.status_code == 302
    assert api_answer.status_code == 200, api_answer.content
    assert (api_answer.json()["decision_number"], api_answer.json()["decision_date"]) == ("7", "2025-08-28")
    with schema_context(university_b.schema_name):
        first.refresh_from_db()
        assert (first.decision_number, first.decision_date) == ("3", date(2024, 8, 29))
