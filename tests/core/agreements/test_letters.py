"""Cover letters ("üst yazı") of the workflow steps that send something."""

import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tenants.utils import schema_context
from docx import Document
from PIL import Image

from core.agreements.letters import cover_letter_for_step
from core.agreements.models import Agreement, AgreementDocument
from core.documents.letterhead import letterhead_logo_set, letterhead_update
from core.documents.models import GeneratedDocument
from tests.core.agreements.workflow_helpers import make_letter_steps
from tests.core.documents.helpers import docx_text, flat, pdf_text
from tests.core.documents.test_letterhead import logo_png


def _agreement(partner, **names) -> Agreement:
    agreement = Agreement.objects.create(kind=Agreement.Kind.BILATERAL, scopes=["research"], **names)
    agreement.partners.add(partner)
    return agreement


def _texts(generated: GeneratedDocument) -> tuple[str, str]:
    with generated.pdf.open("rb") as pdf, generated.docx.open("rb") as docx:
        return flat(pdf_text(pdf.read())), flat(docx_text(docx.read()))


def test_senate_then_partner_letters_in_turkish_numbered_and_filed(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    year = timezone.localdate().year
    with schema_context(university_a.schema_name):
        agreement = _agreement(munich_a, title_tr="Münih ile işbirliği protokolü", reference="2026/17")
        AgreementDocument.objects.create(agreement=agreement, kind="agreement_text", title="Protokol taslağı")
        AgreementDocument.objects.create(agreement=agreement, kind="legal_opinion", title="Hukuk görüşü")

        to_senate = cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)
        to_partner = cover_letter_for_step(agreement=agreement, step=steps["partner_countersignature"],
                                           acting_user=admin_a)
        letters = list(agreement.generated_documents.order_by("id"))
        senate_pdf, senate_docx = _texts(letters[0])
        partner_pdf, partner_docx = _texts(letters[1])
        filed = [(document.kind, document.step_id, [v.number for v in document.versions.all()])
                 for document in (to_senate, to_partner)]
        version = to_senate.versions.get()
        titles = [to_senate.title, to_partner.title]

    assert [letter.number for letter in letters] == [f"KOPRU-{year}-1", f"KOPRU-{year}-2"]
    assert [letter.version for letter in letters] == [1, 2]
    for text in (senate_pdf, senate_docx):
        assert text.startswith("T.C. KASTAMONU ÜNİVERSİTESİ ULUSLARARASI İLİŞKİLER OFİSİ")
        assert f"Sayı: KOPRU-{year}-1" in text
        assert "Konu: Münih ile işbirliği protokolü hk." in text
        assert "SENATO BAŞKANLIĞINA" in text
        assert "İlgi: 2026/17" in text
        assert "Senatoda görüşülerek" in text
        assert "Bilgilerinizi ve gereğini arz ederim." in text  # to a higher authority
        assert "Ek: 1. Protokol taslağı 2. Hukuk görüşü" in text  # the Senate gets the whole file
        assert "Dağıtım" not in text  # one addressee
    for text in (partner_pdf, partner_docx):
        assert "Münih Teknik Üniversitesi Rektörlüğüne" in text
        assert "Konu: Münih ile işbirliği protokolü imzası hk." in text  # not the Senate letter's subject
        assert "tarafınızca imzalanarak" in text
        assert "Saygılarımla." in text  # to an institution outside the state's hierarchy
        assert "Ek: 1. Protokol taslağı" in text and "Hukuk görüşü" not in text  # never the internal opinions
        assert "Senatoda" not in text
    assert filed == [("cover_letter", steps["senate_submission"].pk, [1]),
                     ("cover_letter", steps["partner_countersignature"].pk, [1])]
    assert len(set(titles)) == 2 and all(f"KOPRU-{year}-" in title for title in titles)
    assert version.content_type.endswith("wordprocessingml.document")
    assert version.size > 0 and version.uploaded_by_id == admin_a.pk


def test_a_letter_carries_the_offices_letterhead_and_the_steps_signatory(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        letterhead_update(acting_user=admin_a, values={
            "detsis_number": "12345678", "file_plan_code": "010.06.02", "phone": "+90 366 280 10 00",
            "email": "iro@kastamonu.edu.tr", "kep_address": "kastamonuuniversitesi@hs01.kep.tr",
            "contact_name": "Ayşe Yılmaz"}, texts={
            "unit_name": {"tr": "Uluslararası İlişkiler Koordinatörlüğü"},
            "address": {"tr": "Kuzeykent Kampüsü, 37150 Kastamonu"}, "contact_title": {"tr": "Uzman"}})
        step = steps["senate_submission"]
        step.signatory_name, step.signatory_title_tr, step.signs_for_tr = "Prof. Dr. Ahmet Yılmaz", \
            "Rektör Yardımcısı", "Rektör"
        step.save()
        agreement = _agreement(munich_a, title_tr="Münih protokolü")
        cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_a)
        cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_a)
        first, second = agreement.generated_documents.order_by("id")
        texts = _texts(first)

    assert (first.number, second.number) == ("E-12345678-010.06.02-1", "E-12345678-010.06.02-2")
    for text in texts:
        assert text.startswith("T.C. KASTAMONU ÜNİVERSİTESİ ULUSLARARASI İLİŞKİLER KOORDİNATÖRLÜĞÜ")
        assert "Sayı: E-12345678-010.06.02-1" in text
        assert "Prof. Dr. Ahmet YILMAZ Rektör a. Rektör Yardımcısı" in text  # the surname in capitals
        assert "Ek:" not in text  # nothing is enclosed
        assert ("Kuzeykent Kampüsü, 37150 Kastamonu · Tel: +90 366 280 10 00 · E-posta: iro@kastamonu.edu.tr · "
                "KEP Adresi: kastamonuuniversitesi@hs01.kep.tr") in text
        assert "KEP Adresi: kastamonuuniversitesi@hs01.kep.tr Bilgi için: Ayşe Yılmaz, Uzman" in text


def test_the_opinions_letter_is_distributed_to_legal_counsel_and_student_affairs(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        agreement = _agreement(munich_a, title_tr="Münih protokolü")
        for kind, title in (("agreement_text", "Protokol taslağı"), ("info_note", "Bilgi notu"),
                            ("request_letter", "Münih'in talep yazısı")):
            AgreementDocument.objects.create(agreement=agreement, kind=kind, title=title)
        cover_letter_for_step(agreement=agreement, step=steps["opinions_requested"], acting_user=admin_a)
        texts = _texts(agreement.generated_documents.get())

    for text in texts:
        assert "Konu: Münih protokolü hakkında görüş talebi" in text
        assert "DAĞITIM YERLERİNE" in text
        assert "görüşlerinizin birimimize bildirilmesi" in text
        assert "Bilgilerinizi ve gereğini arz ederim." in text  # units beside the office
        assert "Ek: 1. Protokol taslağı 2. Bilgi notu" in text and "talep yazısı" not in text
        assert "Dağıtım: Hukuk Müşavirliğine Öğrenci İşleri Daire Başkanlığına" in text


def test_a_letter_to_the_partner_is_in_the_language_the_step_chooses(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        step = steps["partner_countersignature"]
        step.letter_language = "en"
        step.save()
        agreement = _agreement(munich_a, title_tr="Münih protokolü", title_en="Agreement with TU Munich")
        cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_a)
        letter = agreement.generated_documents.get()
        texts = _texts(letter)

    assert letter.language == "en"
    for text in texts:
        assert "Subject: Cooperation agreement “Agreement with TU Munich”" in text
        assert "Yours sincerely," in text
        assert "T.C." not in text


def test_a_letter_is_signed_by_a_person_never_by_a_login_name(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        agreement = _agreement(munich_a, title_tr="Münih protokolü")
        cover_letter_for_step(agreement=agreement, step=steps["vice_rector"], acting_user=admin_a)
        admin_a.first_name, admin_a.last_name = "Ayşe", "Demir"
        admin_a.save()
        cover_letter_for_step(agreement=agreement, step=steps["vice_rector"], acting_user=admin_a)
        unnamed, named = (_texts(letter)[0] for letter in agreement.generated_documents.order_by("id"))

    assert admin_a.username not in unnamed
    assert "arz ederim. ULUSLARARASI" not in unnamed and "arz ederim. Uluslararası İlişkiler Ofisi" in unnamed
    assert "Ayşe DEMİR" in named and "Ofis yöneticisi" in named


def test_sending_a_step_again_adds_a_version_of_its_letter(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        agreement = _agreement(munich_a, title_tr="Protokol")
        first = cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)
        again = cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)
        versions = list(again.versions.order_by("number").values_list("number", flat=True))

    assert first.pk == again.pk
    assert versions == [1, 2]


def test_osh_letter_is_in_kyrgyz_with_a_generic_addressee(university_b, admin_b, ankara_b):
    steps = make_letter_steps(university_b)
    with schema_context(university_b.schema_name):
        agreement = _agreement(ankara_b, title_ky="Кызматташуу келишими")
        cover_letter_for_step(agreement=agreement, step=steps["vice_rector"], acting_user=admin_b)
        pdf, docx = _texts(agreement.generated_documents.get())

    for text in (pdf, docx):
        assert text.startswith("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН БИЛИМ БЕРҮҮ ЖАНА ИЛИМ МИНИСТРЛИГИ ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ")
        assert "Темасы: «Кызматташуу келишими» жөнүндө" in text
        assert "ТИЕШЕЛҮҮ МЕКЕМЕГЕ" in text
        assert "Урматтоо менен," in text


def test_the_agreements_documents_page_lists_its_letters(office_a, university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        agreement = _agreement(munich_a, title_tr="Protokol")
        cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)

        letter = agreement.generated_documents.get()

    page = office_a.get(f"/documents/agreements/{agreement.pk}/").content.decode()
    download = office_a.get(f"/documents/{letter.pk}/download/pdf/")

    assert "Protokol hk." in page and f"KOPRU-{timezone.localdate().year}-1" in page
    assert f'filename="kopru-{timezone.localdate().year}-1-protokol-hk-v1.pdf"' in download["Content-Disposition"]
    assert office_a.get("/documents/agreements/999999/").status_code == 404


def test_a_partner_is_addressed_in_the_letters_own_grammar(university_b, admin_b, ankara_b):
    steps = make_letter_steps(university_b)
    with schema_context(university_b.schema_name):
        step = steps["partner_countersignature"]
        step.letter_language = "ru"
        step.save()
        agreement = _agreement(ankara_b, title_ru="Соглашение с Анкарским университетом")
        cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_b)
        ankara_b.letter_addressee_ru = "Ректору Анкарского университета"
        ankara_b.save()
        cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_b)
        plain, declined = (_texts(letter) for letter in agreement.generated_documents.order_by("id"))

    for text in plain:
        assert "Ректору: Анкара университети" in text  # no grammar guessed for a name the office did not decline
    for text in declined:
        assert "Ректору Анкарского университета" in text
        assert text.startswith("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ КЫРГЫЗСКОЙ РЕСПУБЛИКИ ОШ")
        assert "С уважением," in text


# The parts each language's convention requires of a letter to the Senate: the head, the number and subject with
# their labels, the addressee, the closing and the signature.
CONVENTIONS = {
    "tr": ("T.C. KASTAMONU ÜNİVERSİTESİ", "Sayı: KOPRU-", "Konu: ", "SENATO BAŞKANLIĞINA",
           "Bilgilerinizi ve gereğini arz ederim."),
    "en": ("INTERNATIONAL RELATIONS OFFICE", "No.: KOPRU-", "Subject: ", "TO THE SENATE", "Yours faithfully,"),
    "ky": ("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН БИЛИМ БЕРҮҮ ЖАНА ИЛИМ МИНИСТРЛИГИ ОШ МАМЛЕКЕТТИК УНИВЕРСИТЕТИ", "№ KOPRU-",
           "Темасы: ", "ОКУМУШТУУЛАР КЕҢЕШИНЕ", "Урматтоо менен,"),
    "ru": ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "№ KOPRU-", "Тема: ", "В УЧЁНЫЙ СОВЕТ",
           "С уважением,"),
}


@pytest.mark.parametrize("language", CONVENTIONS)
def test_each_language_writes_the_parts_its_convention_requires(request, language):
    university = request.getfixturevalue("university_a" if language in ("tr", "en") else "university_b")
    user = request.getfixturevalue("admin_a" if language in ("tr", "en") else "admin_b")
    partner = request.getfixturevalue("munich_a" if language in ("tr", "en") else "ankara_b")
    steps = make_letter_steps(university)
    with schema_context(university.schema_name):
        user.first_name, user.last_name = "Aida", "Sydykova"
        user.save()
        step = steps["senate_submission"]
        step.letter_language = language
        step.save()
        agreement = _agreement(partner, **{f"title_{language}": "Protocol 2026"})
        cover_letter_for_step(agreement=agreement, step=step, acting_user=user)
        letter = agreement.generated_documents.get()
        texts = _texts(letter)

    head, number, subject, addressee, closing = CONVENTIONS[language]
    assert letter.language == language
    for text in texts:
        assert head in text[:len(head) + 40]  # the head comes first (the English name of the fixture is Turkish)
        assert number in text and f"{subject}" in text and addressee in text and closing in text
        assert ("Aida SYDYKOVA" if language == "tr" else "Aida Sydykova") in text
        assert text.index(addressee) < text.index(closing) < text.index("Sydykova".upper() if language == "tr"
                                                                         else "Sydykova")


def test_the_text_of_a_turkish_letter_is_indented_and_an_english_ones_is_not(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        agreement = _agreement(munich_a, title_tr="Münih protokolü", title_en="TUM agreement")
        cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)
        step = steps["partner_countersignature"]
        step.letter_language = "en"
        step.save()
        cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_a)
        indents = []
        for letter in agreement.generated_documents.order_by("id"):
            with letter.docx.open("rb") as file:
                body = [p for p in Document(file).paragraphs if "Senatoda" in p.text or "kindly ask" in p.text]
            indents.append(body[0].paragraph_format.first_line_indent)

    assert round(indents[0].mm, 1) == 12.5 and indents[1] is None


def _files(generated: GeneratedDocument) -> tuple[bytes, dict[str, bytes]]:
    with generated.pdf.open("rb") as pdf, generated.docx.open("rb") as docx:
        archive = zipfile.ZipFile(BytesIO(docx.read()))
        return pdf.read(), {name: archive.read(name) for name in archive.namelist()}


def test_a_letter_carries_the_offices_logo_at_the_head_once_it_has_one(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    logo = logo_png()
    with schema_context(university_a.schema_name):
        agreement = _agreement(munich_a, title_tr="Münih protokolü")
        step = steps["senate_submission"]
        cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_a)
        letterhead_logo_set(acting_user=admin_a, upload=SimpleUploadedFile("logo.png", logo))
        cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_a)
        without, with_logo = agreement.generated_documents.order_by("id")
        plain_pdf, plain_docx = _files(without)
        logo_pdf, logo_docx = _files(with_logo)
        texts = _texts(with_logo)

    assert b"/Subtype /Image" not in plain_pdf
    assert not [name for name in plain_docx if name.startswith("word/media/")]  # the placeholder is taken out
    assert b"letterhead-logo" not in plain_docx["word/document.xml"]
    assert logo_pdf.count(b"/Subtype /Image") == 1
    media = {name: content for name, content in logo_docx.items() if name.startswith("word/media/")}
    assert list(media.values()) == [logo]
    document = logo_docx["word/document.xml"].decode()
    # As high as the placeholder (20 mm), as wide as the logo's proportions (2:1) ask.
    assert 'cx="1440000" cy="720000"' in document and "wp:anchor" in document
    for text in texts:  # the head reads as before beside the logo
        assert text.startswith("T.C. KASTAMONU ÜNİVERSİTESİ ULUSLARARASI İLİŞKİLER OFİSİ")


def test_a_jpeg_logo_goes_into_the_docx_as_a_jpeg(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    output = BytesIO()
    Image.new("RGB", (50, 50), (0, 90, 0)).save(output, format="JPEG")
    with schema_context(university_a.schema_name):
        letterhead_logo_set(acting_user=admin_a, upload=SimpleUploadedFile("logo.jpg", output.getvalue()))
        agreement = _agreement(munich_a, title_tr="Münih protokolü")
        cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)
        pdf, docx = _files(agreement.generated_documents.get())

    assert [name for name in docx if name.startswith("word/media/")] == ["word/media/letterhead-logo-1.jpg"]
    assert docx["word/media/letterhead-logo-1.jpg"] == output.getvalue()
    assert b'Extension="jpg" ContentType="image/jpeg"' in docx["[Content_Types].xml"] or \
        b'ContentType="image/jpeg"' in docx["[Content_Types].xml"]
    assert b"/Filter /DCTDecode" in pdf  # fpdf2 keeps a JPEG as it is


def test_a_filed_letter_is_named_by_its_step_in_each_language(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        step = steps["senate_submission"]
        step.name_tr, step.name_en = "Senatoya sunuş", "Submission to the Senate"
        step.save()
        agreement = _agreement(munich_a, title_tr="Protokol")
        filed = cover_letter_for_step(agreement=agreement, step=step, acting_user=admin_a)
        number = agreement.generated_documents.get().number

    assert filed.title_tr == f"Senatoya sunuş: Protokol hk. ({number})"
    assert filed.title_en == f"Submission to the Senate: Protokol hk. ({number})"  # the letter is in Turkish
