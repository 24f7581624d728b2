"""Every kind of document, opened as PDF and as DOCX, says what it should in the language asked for."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from docx import Document

from core.documents.kinds import KINDS
from core.documents.layout import Outline, Paragraph
from core.documents.mobility import (
    attendance_certificate_generate,
    invitation_letter_generate,
    residence_permit_letter_generate,
)
from core.documents.mobility_kinds import MobilityPerson, MobilityStay
from core.documents.models import GeneratedDocument
from core.documents.pdf import render_pdf
from core.documents.report import report_generate
from core.documents.report_kind import ReportData
from core.documents.services import document_generate
from core.documents.texts import TEXTS
from kopru.errors import ServiceError
from tests.core.accounts.helpers import in_english
from tests.core.documents.helpers import docx_text, flat, pdf_text

PERSON = MobilityPerson(name="Jonas Müller", passport_number="C01X00T47", nationality="DE",
                        home_institution="Technische Universität München", date_of_birth=date(2004, 5, 17))
STAY = MobilityStay(programme="Erasmus+ KA131", starts_on=date(2026, 9, 14), ends_on=date(2027, 1, 29),
                    host_unit="Mühendislik Fakültesi", enclosures=("Pasaport fotokopisi",))
# What a reader finds in each kind of document, in Turkish, Kyrgyz and English.
EXPECTED = {
    "invitation_letter": {
        "tr": ["DAVET MEKTUBU", "Sayın Jonas Müller,", "Technische Universität München öğrencisi Jonas Müller",
               "14.09.2026 – 29.01.2027", "Almanya"],
        "ky": ["ЧАКЫРУУ КАТЫ", "Урматтуу Jonas Müller,", "окуу мобилдүүлүгү үчүн биздин университетке чакырылат"],
        "en": ["LETTER OF INVITATION", "Dear Jonas Müller,", "a student of Technische Universität München"],
    },
    "attendance_certificate": {
        "tr": ["KATILIM BELGESİ", "İLGİLİ MAKAMA", "öğrenim hareketliliği faaliyetine katılmıştır"],
        "ky": ["КАТЫШУУ СЕРТИФИКАТЫ", "ТИЕШЕЛҮҮ МЕКЕМЕГЕ", "катышкандыгын тастыктайт"],
        "en": ["CERTIFICATE OF ATTENDANCE", "This is to certify that Jonas Müller"],
    },
    "residence_permit_letter": {
        "tr": ["T.C. Kastamonu Valiliği İl Göç İdaresi Müdürlüğüne", "Almanya uyruklu Jonas Müller",
               "1. Pasaport fotokopisi", "Gereği: T.C. Kastamonu Valiliği"],
        "ky": ["Ош облусунун миграция кызматына", "Германия жараны Jonas Müller"],
        "en": ["To the Provincial Directorate of Migration Management", "a national of Germany"],
    },
    "report": {
        "tr": ["Giden öğrenciler 2025–2026", "Dönem: 2025–2026", "Münih Teknik Üniversitesi", "Kayıt sayısı: 2"],
        "ky": ["Giden öğrenciler 2025–2026", "Мезгил: 2025–2026", "Жазуулардын саны: 2"],
        "en": ["Giden öğrenciler 2025–2026", "Period: 2025–2026", "Number of records: 2"],
    },
}
REPORT = ReportData(title="Giden öğrenciler 2025–2026", period="2025–2026", columns=["Ortak", "Ülke", "Sayı"],
                    rows=[["Münih Teknik Üniversitesi", "DE", 3], ["Анкара университети", "TR", 1]])
GENERATE = {
    "invitation_letter": lambda **kw: invitation_letter_generate(person=PERSON, stay=STAY, **kw),
    "attendance_certificate": lambda **kw: attendance_certificate_generate(person=PERSON, stay=STAY, **kw),
    "residence_permit_letter": lambda **kw: residence_permit_letter_generate(person=PERSON, stay=STAY, **kw),
    "report": lambda **kw: report_generate(report=REPORT, **kw),
}


def read_both(document: GeneratedDocument) -> tuple[str, str]:
    return flat(pdf_text(document.pdf.read())), flat(docx_text(document.docx.read()))


@pytest.mark.parametrize("kind", list(GENERATE))
@pytest.mark.parametrize(("university", "language"), [
    ("university_a", None), ("university_b", None), ("university_a", "en"), ("university_b", "en"),
])
def test_each_letter_is_written_in_the_universitys_language_or_english_on_request(
        request, kind, university, language):
    university = request.getfixturevalue(university)
    user = request.getfixturevalue("admin_a" if university.slug == "kastamonu" else "admin_b")
    expected_language = language or {"kastamonu": "tr", "osh": "ky"}[university.slug]
    with schema_context(university.schema_name):
        extra = {"city": "Ош" if university.slug == "osh" else "Kastamonu"} if kind == "residence_permit_letter" else {}
        document = GENERATE[kind](acting_user=user, language=language, **extra)
        pdf, docx = read_both(document)

    assert document.language == expected_language
    for text in EXPECTED[kind][expected_language]:
        assert text in pdf, f"{kind} PDF ({expected_language}) lacks “{text}”"
        assert text in docx, f"{kind} DOCX ({expected_language}) lacks “{text}”"
    if kind != "report":
        assert document.number.startswith("KOPRU-")
        assert document.number in pdf and document.number in docx


def test_every_kind_renders_its_sample_in_every_language(university_a, university_b, admin_a):
    """The samples the template page previews with: each kind, each language of the university."""
    for university, languages in ((university_a, ("tr", "en")), (university_b, ("ky", "ru", "en"))):
        with schema_context(university.schema_name):
            for kind in KINDS:
                for language in languages:
                    context = KINDS[kind].sample(language)
                    context["document"]["number"] = ""  # samples share one number; documents may not
                    document = document_generate(kind=kind, context=context, language=language, acting_user=None)
                    pdf, docx = read_both(document)
                    office = TEXTS[language]["office"]
                    assert office in pdf and office in docx, (kind, language)
                    assert document.version == 1 and document.subject is None


def test_a_standalone_letter_is_a_version_of_its_own_and_numbers_follow_each_other(university_a, admin_a):
    with schema_context(university_a.schema_name):
        first = invitation_letter_generate(person=PERSON, stay=STAY, acting_user=admin_a)
        second = invitation_letter_generate(person=PERSON, stay=STAY, acting_user=admin_a)

    assert (first.version, second.version) == (1, 1)
    prefix, year, number = first.number.rsplit("-", 2)
    assert second.number == f"{prefix}-{year}-{int(number) + 1}"


def test_a_broken_office_template_names_its_placeholder_and_writes_nothing(office_a, university_a, admin_a):
    base = Document()
    base.add_paragraph("Sayın {{ person.nam }}")
    content = BytesIO()
    base.save(content)
    upload = SimpleUploadedFile("davet.docx", content.getvalue())

    response = in_english(office_a).post("/documents/templates/invitation_letter/tr/upload/", {"file": upload},
                                         follow=True)

    assert "{{ person.nam }}" in response.content.decode()
    with schema_context(university_a.schema_name):
        assert not GeneratedDocument.objects.exists()


def test_the_pdf_reports_its_progress_up_to_the_end():
    context = {"rows": [{"number": f"{n}.", "text": "Madde", "depth": 0, "section": False} for n in range(40)]}
    heard: list[int] = []
    render_pdf([Paragraph("Başlık"), Outline("rows")], context, title="t", language="tr", progress=heard.append)

    assert heard == sorted(heard) and heard[-1] == 100 and len(heard) > 10


def test_a_language_the_university_does_not_write_is_refused(university_a, admin_a):
    with schema_context(university_a.schema_name), pytest.raises(ServiceError) as refused:
        invitation_letter_generate(person=PERSON, stay=STAY, acting_user=admin_a, language="ky")
    assert refused.value.code == "language_unavailable"


def test_without_a_city_the_letter_goes_to_the_provincial_migration_office(university_a, admin_a):
    with schema_context(university_a.schema_name):
        document = residence_permit_letter_generate(person=PERSON, stay=STAY, acting_user=admin_a)
        pdf, docx = read_both(document)

    assert "İl Göç İdaresi Müdürlüğüne" in pdf and "Valiliği" not in docx
