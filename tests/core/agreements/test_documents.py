"""Agreement documents: checked by content and size on upload, versioned, downloaded only with permission."""

import pytest
from django.test import override_settings
from django_tenants.utils import schema_context

from core.agreements.models import AgreementDocument, DocumentVersion
from core.agreements.services import document_add_version
from core.office.models import Role
from kopru.errors import ServiceError
from tests.conftest import make_office_user
from tests.core.accounts.helpers import api, in_english, sign_in
from tests.core.agreements.agreement_world import make, unit_staff
from tests.uploads import DOCX, ODT, PDF, PNG, XLSX, upload


def test_uploading_again_adds_the_next_version_with_who_and_when(university_a, admin_a, agreement):
    client = api(university_a, admin_a)

    first = client.post(f"/api/agreements/{agreement.pk}/documents/", {
        "kind": "agreement_text", "title": "Protocol text", "file": upload()})
    document_id = first.json()["id"]
    second = client.post(f"/api/agreements/{agreement.pk}/documents/{document_id}/versions/",
                         {"file": upload(DOCX, "protocol.docx")})

    assert first.status_code == second.status_code == 201
    versions = second.json()["versions"]
    assert [v["number"] for v in versions] == [2, 1]
    assert versions[0]["uploaded_by"] == "ayse"
    assert versions[0]["content_type"].endswith("wordprocessingml.document")
    download = client.get(versions[1]["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize(("content", "name"), [(PDF, "a.pdf"), (DOCX, "a.docx"), (ODT, "a.odt"), (PNG, "a.png"),
                                               (b"\xff\xd8\xff\xe0JFIF", "a.jpg"),
                                               (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, "a.doc")])
def test_accepted_kinds(university_a, admin_a, agreement, content, name):
    with schema_context(university_a.schema_name):
        version = document_add_version(agreement=agreement, kind="other", titles={},
                                       uploaded_file=upload(content, name), acting_user=admin_a)
        assert version.number == 1
        assert version.document.title == name


@pytest.mark.parametrize(("content", "name"), [
    (b"MZ\x90\x00 not a document", "protocol.pdf"),  # an executable called .pdf
    (XLSX, "protocol.docx"),  # a spreadsheet called .docx
    (b"PK\x03\x04 broken zip", "protocol.odt"),
    (b"<html></html>", "protocol.doc"),
])
def test_files_that_are_not_documents_are_refused_whatever_their_name(university_a, admin_a, agreement, content,
                                                                      name):
    response = api(university_a, admin_a).post(f"/api/agreements/{agreement.pk}/documents/", {
        "kind": "agreement_text", "file": upload(content, name)})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "file_type"
    # in Kastamonu's language
    assert "PDF, DOCX, DOC, ODT, PNG veya JPEG dosyası yükleyin" in response.json()["error"]["fields"]["file"][0]
    with schema_context(university_a.schema_name):
        assert not AgreementDocument.objects.exists()


@override_settings(KOPRU_MAX_UPLOAD_MB=1)
def test_files_over_the_limit_are_refused(university_a, admin_a, agreement):
    with schema_context(university_a.schema_name), pytest.raises(ServiceError) as refused:
        document_add_version(agreement=agreement, kind="other", titles={}, acting_user=admin_a,
                             uploaded_file=upload(PDF + b"0" * (1024 * 1024), "big.pdf"))

    assert refused.value.code == "file_too_large"
    with schema_context(university_a.schema_name):
        assert not DocumentVersion.objects.exists()


def test_upload_and_refusal_on_the_agreement_page(client_a, university_a, admin_a, agreement):
    sign_in(client_a, university_a, admin_a)
    in_english(client_a)

    stored = client_a.post(f"/agreements/{agreement.pk}/documents/", {
        "kind": "senate_decision", "title": "Senato kararı", "file": upload()}, follow=True)
    refused = client_a.post(f"/agreements/{agreement.pk}/documents/", {
        "kind": "other", "file": upload(b"plain text", "notes.pdf")}, follow=True)

    assert "Version 1 of “Senato kararı” is stored." in stored.content.decode()
    assert "this file is none of them" in refused.content.decode()
    with schema_context(university_a.schema_name):
        document = AgreementDocument.objects.get()
    page = client_a.get(f"/agreements/{agreement.pk}/").content.decode()
    assert f"/agreements/{agreement.pk}/documents/{document.pk}/v1/" in page
    assert client_a.get(f"/agreements/{agreement.pk}/documents/{document.pk}/v1/").status_code == 200


def test_downloads_follow_the_agreements_visibility(university_a, admin_a, world):
    medicine = make(university_a, world, admin_a, units=[world.medicine])
    with schema_context(university_a.schema_name):
        version = document_add_version(agreement=medicine, kind="other", titles={}, uploaded_file=upload(),
                                       acting_user=admin_a)
    url = f"/api/agreements/{medicine.pk}/documents/{version.document_id}/versions/1/file/"
    viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER)

    assert api(university_a, viewer).get(url).status_code == 200
    assert api(university_a, unit_staff(university_a, world.forestry)).get(url).status_code == 404
    assert api(university_a, viewer).post(f"/api/agreements/{medicine.pk}/documents/", {
        "kind": "other", "file": upload()}).status_code == 403


def test_another_universitys_document_is_not_found(university_a, university_b, admin_a, admin_b, agreement_b):
    with schema_context(university_b.schema_name):
        version = document_add_version(agreement=agreement_b, kind="other", titles={}, uploaded_file=upload(),
                                       acting_user=admin_b)
    client = api(university_a, admin_a)

    assert client.get(f"/api/agreements/{agreement_b.pk}/documents/").status_code == 404
    assert client.get(f"/api/agreements/{agreement_b.pk}/documents/{version.document_id}/versions/1/file/"
                      ).status_code == 404
    assert client.post(f"/api/agreements/{agreement_b.pk}/documents/{version.document_id}/versions/",
                       {"file": upload()}).status_code == 404
