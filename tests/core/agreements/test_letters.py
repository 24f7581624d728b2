"""Cover letters ("üst yazı") of the workflow steps that send something."""

from django.utils import timezone
from django_tenants.utils import schema_context

from core.agreements.letters import cover_letter_for_step
from core.agreements.models import Agreement, AgreementDocument
from core.documents.models import GeneratedDocument
from tests.core.agreements.workflow_helpers import make_letter_steps
from tests.core.documents.helpers import docx_text, flat, pdf_text


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

        to_senate = cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)
        to_partner = cover_letter_for_step(agreement=agreement, step=steps["partner_countersignature"],
                                           acting_user=admin_a)
        letters = list(agreement.generated_documents.order_by("id"))
        senate_pdf, senate_docx = _texts(letters[0])
        partner_pdf, partner_docx = _texts(letters[1])
        filed = [(document.kind, document.step_id, [v.number for v in document.versions.all()])
                 for document in (to_senate, to_partner)]
        version = to_senate.versions.get()

    assert [letter.number for letter in letters] == [f"KOPRU-{year}-1", f"KOPRU-{year}-2"]
    assert [letter.version for letter in letters] == [1, 2]
    for text in (senate_pdf, senate_docx):
        assert f"Sayı: KOPRU-{year}-1" in text
        assert "Konu: Münih ile işbirliği protokolü hk." in text
        assert "SENATO BAŞKANLIĞINA" in text
        assert "İlgi: 2026/17" in text
        assert "Senatoda görüşülerek" in text
        assert "Gereğini bilgilerinize arz ederim." in text
        assert "Ek: 1. Protokol taslağı" in text
        assert "Dağıtım: Gereği: SENATO BAŞKANLIĞINA" in text
    for text in (partner_pdf, partner_docx):
        assert "Münih Teknik Üniversitesi Rektörlüğüne" in text
        assert "tarafınızca imzalanarak" in text
        assert "Senatoda" not in text
    assert filed == [("cover_letter", steps["senate_submission"].pk, [1]),
                     ("cover_letter", steps["partner_countersignature"].pk, [1])]
    assert version.content_type.endswith("wordprocessingml.document")
    assert version.size > 0 and version.uploaded_by_id == admin_a.pk


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
        assert "Ош мамлекеттик университети" in text
        assert "Темасы: «Кызматташуу келишими» жөнүндө" in text
        assert "ТИЕШЕЛҮҮ МЕКЕМЕГЕ" in text
        assert "Урматтоо менен," in text


def test_the_agreements_documents_page_lists_its_letters(office_a, university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        agreement = _agreement(munich_a, title_tr="Protokol")
        cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)

    page = office_a.get(f"/documents/agreements/{agreement.pk}/").content.decode()

    assert "Protokol hk." in page and f"KOPRU-{timezone.localdate().year}-1" in page
    assert office_a.get("/documents/agreements/999999/").status_code == 404
