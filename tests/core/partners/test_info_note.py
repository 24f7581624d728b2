"""The information note of seed 000 7.4: PDF and DOCX about a partner, in the university's language."""

import pytest
from django_tenants.utils import schema_context

from core.audit.models import AuditEntry
from core.documents.models import GeneratedDocument
from core.office.models import Role
from core.partners.info_note import info_note_generate
from kopru.errors import ServiceError
from tests.conftest import make_office_user
from tests.core.accounts.helpers import in_english, sign_in
from tests.core.documents.helpers import docx_text, flat, pdf_text


def generate(client, partner, query=""):
    response = client.post(f"/documents/info-note/{partner.pk}/{query}")
    assert response.status_code == 302, response.content
    document_url = response["Location"]
    assert client.get(document_url).status_code == 200
    pdf = client.get(f"{document_url}download/pdf/")
    docx = client.get(f"{document_url}download/docx/")
    assert pdf["Content-Type"] == "application/pdf"
    return flat(pdf_text(b"".join(pdf.streaming_content))), flat(docx_text(b"".join(docx.streaming_content)))


def test_kastamonu_note_is_in_turkish(office_a, munich_a):
    pdf, docx = generate(office_a, munich_a)

    for text in (pdf, docx):
        assert "BİLGİ NOTU" in text
        assert "Konu: Münih Teknik Üniversitesi hakkında bilgi notu" in text
        assert "T.C. KASTAMONU ÜNİVERSİTESİ" in text
        assert "Almanya" in text and "Münih" in text  # the country and the city, named in Turkish
        assert "Mühendislik Fakültesi" in text
        assert "QS" in text and "22" in text
        assert "01.10.2026" in text  # the last recognition check
        assert "Erasmus+ anlaşması" in text
        assert "Hazırlayan" in text


def test_osh_note_is_in_kyrgyz(office_b, ankara_b):
    pdf, docx = generate(office_b, ankara_b)

    for text in (pdf, docx):
        assert "МААЛЫМДАМА" in text
        assert "Темасы: Анкара университети жөнүндө маалымдама" in text
        assert "Түркия" in text
        assert "Катталган академиялык бөлүмдөрү жок." in text


def test_english_on_request(office_a, munich_a):
    pdf, docx = generate(office_a, munich_a, "?language=en")

    for text in (pdf, docx):
        assert "INFORMATION NOTE" in text
        assert "Subject: Information note on Technical University of Munich" in text
        assert "Germany" in text and "Munich" in text
        assert "School of Engineering" in text


def test_a_language_the_university_does_not_use_is_refused(university_a, admin_a, munich_a):
    with schema_context(university_a.schema_name), pytest.raises(ServiceError) as refused:
        info_note_generate(partner=munich_a, language="ky", acting_user=admin_a)

    assert refused.value.code == "language_unavailable"
    with schema_context(university_a.schema_name):
        assert not GeneratedDocument.objects.exists()
        assert not AuditEntry.objects.exists()


def test_regenerating_keeps_earlier_versions(office_a, university_a, munich_a):
    generate(office_a, munich_a)
    generate(office_a, munich_a)
    generate(office_a, munich_a, "?language=en")

    with schema_context(university_a.schema_name):
        documents = GeneratedDocument.objects.order_by("id")
        assert [(d.language, d.version) for d in documents] == [("tr", 1), ("tr", 2), ("en", 1)]
        first, second = documents[0], documents[1]
        assert first.docx.name != second.docx.name
        assert first.pdf.storage.exists(first.pdf.name)
        assert AuditEntry.objects.filter(action="document.generated").count() == 3
    page = office_a.get(f"/documents/{second.pk}/")
    assert f"/documents/{first.pk}/download/pdf/" in page.content.decode()
    assert office_a.get(f"/documents/partners/{munich_a.pk}/").content.decode().count("download/pdf/") == 3


def test_downloads_need_a_signed_in_member(client_a, university_a, admin_a, munich_a):
    with schema_context(university_a.schema_name):
        document = info_note_generate(partner=munich_a, acting_user=admin_a)
    viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER)

    anonymous = client_a.get(f"/documents/{document.pk}/download/pdf/")
    sign_in(client_a, university_a, viewer)
    allowed = client_a.get(f"/documents/{document.pk}/download/pdf/")
    unknown_format = client_a.get(f"/documents/{document.pk}/download/exe/")
    generating = client_a.post(f"/documents/info-note/{munich_a.pk}/")

    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert allowed.status_code == 200
    assert unknown_format.status_code == 404
    assert generating.status_code == 403  # viewers read documents, staff generate them


def test_a_document_of_another_university_is_not_found(office_a, university_b, admin_b, ankara_b):
    with schema_context(university_b.schema_name):
        documents = [info_note_generate(partner=ankara_b, acting_user=admin_b) for _ in range(3)]

    assert office_a.get(f"/documents/{documents[-1].pk}/").status_code == 404
    assert office_a.get(f"/documents/{documents[-1].pk}/download/pdf/").status_code == 404
    assert office_a.post(f"/documents/info-note/{ankara_b.pk}/").status_code == 404


def test_a_bad_language_in_the_page_says_so(office_a, university_a, munich_a):
    response = in_english(office_a).post(f"/documents/info-note/{munich_a.pk}/?language=ru", follow=True)

    assert "can be written in tr, en only" in response.content.decode()
    with schema_context(university_a.schema_name):
        assert not GeneratedDocument.objects.exists()



def test_a_worker_can_generate_it_after_commit(university_a, admin_a, munich_a, celery_eager,
                                               django_capture_on_commit_callbacks):
    with schema_context(university_a.schema_name):
        with django_capture_on_commit_callbacks(execute=True):
            queued = info_note_generate(partner=munich_a, language="en", acting_user=admin_a, asynchronously=True)
        assert queued is None
        document = GeneratedDocument.objects.get()
    assert (document.language, document.created_by_id) == ("en", admin_a.pk)
