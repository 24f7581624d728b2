"""The office's own DOCX templates: download, upload (checked with sample data), preview, reset."""


import pytest
from django.test import Client
from django_tenants.utils import schema_context

from core.audit.models import AuditEntry
from core.documents.defaults import build_default, default_path, default_template
from core.documents.kinds import KINDS
from core.documents.models import DocumentTemplate
from core.office.models import Role
from core.partners.info_note import info_note_generate
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api, in_english, sign_in
from tests.core.documents.helpers import DOCX, docx_text, docx_upload, docx_with, flat


def test_the_committed_defaults_are_what_the_layouts_build():
    for kind in KINDS:
        for language in ("tr", "ky", "ru", "en"):
            assert docx_text(default_template(kind, language)) == docx_text(build_default(kind, language)), (
                f"{default_path(kind, language)} is stale: run manage.py build_default_templates")


def test_the_offices_template_is_used_until_it_is_reset(office_a, university_a, admin_a, munich_a):
    own = docx_with("Özel not: {{ partner.name }} ({{ partner.country }})", base=default_template("info_note", "tr"))

    uploaded = office_a.post("/documents/templates/info_note/tr/upload/", {"file": docx_upload(own)})
    with schema_context(university_a.schema_name):
        with_own = info_note_generate(partner=munich_a, acting_user=admin_a)
        own_text = flat(docx_text(with_own.docx.read()))
    downloaded = office_a.get("/documents/templates/info_note/tr/")
    reset = office_a.post("/documents/templates/info_note/tr/reset/")
    with schema_context(university_a.schema_name):
        with_default = info_note_generate(partner=munich_a, acting_user=admin_a)
        default_text = flat(docx_text(with_default.docx.read()))
        templates = list(DocumentTemplate.objects.values_list("version", "is_active"))
        actions = list(AuditEntry.objects.filter(action__startswith="document_template").values_list("action",
                                                                                                        flat=True))

    assert uploaded.status_code == reset.status_code == 302
    assert "Özel not: Münih Teknik Üniversitesi (Almanya)" in own_text
    assert with_own.template_id is not None
    assert "Özel not" in flat(docx_text(b"".join(downloaded.streaming_content)))
    assert "Özel not" not in default_text and with_default.template_id is None
    assert templates == [(1, False)]  # kept, no longer in use
    assert sorted(actions) == ["document_template.reset", "document_template.uploaded"]


@pytest.mark.parametrize(("content", "named"), [
    (docx_with("Sayın {{ partner.nme }}"), "{{ partner.nme }}"),
    (docx_with("{{ rektor }}"), "{{ rektor }}"),
    (docx_with("{%p for unit in partner.units %}", "{{ unit }}"), "{% for %}"),
    (docx_with("{{ partner.name "), "{{ partner.name"),
    (b"%PDF-1.7 not a word document", ".docx"),
])
def test_a_broken_template_is_refused_naming_its_fault(office_a, university_a, content, named):
    response = in_english(office_a).post("/documents/templates/info_note/tr/upload/", {"file": docx_upload(content)},
                                         follow=True)

    assert named in response.content.decode()
    with schema_context(university_a.schema_name):
        assert not DocumentTemplate.objects.exists()
        assert not AuditEntry.objects.exists()


def test_preview_fills_the_template_with_sample_data(office_a):
    preview = office_a.get("/documents/templates/cover_letter/tr/preview/")
    page = office_a.get("/documents/templates/")

    text = flat(docx_text(b"".join(preview.streaming_content)))
    assert preview["Content-Type"] == DOCX
    assert "SENATO BAŞKANLIĞINA" in text and "Sayı: E-12345678-010.06.02-1" in text
    assert "{{ partner.recognition.status }}" in page.content.decode()
    # Kastamonu writes in Turkish and English: only those rows are offered.
    assert "/documents/templates/info_note/en/" in page.content.decode()
    assert "/documents/templates/info_note/ky/" not in page.content.decode()


def test_only_office_admins_manage_templates(university_a, office_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    client = sign_in(Client(HTTP_HOST=host_of(university_a)), university_a, officer)

    assert client.get("/documents/templates/").status_code == 403
    assert client.post("/documents/templates/info_note/tr/upload/",
                       {"file": docx_upload(docx_with("x"))}).status_code == 403
    assert office_a.get("/documents/templates/info_note/ky/").status_code == 404  # not one of Kastamonu's languages
    assert office_a.get("/documents/templates/diploma/tr/").status_code == 404


def test_templates_through_the_api(university_a, admin_a):
    client = api(university_a, admin_a)
    good = docx_with("{{ partner.name }}", base=default_template("info_note", "en"))

    listing = client.get("/api/document-templates/")
    created = client.post("/api/document-templates/info_note/en/", {"file": docx_upload(good)})
    broken = client.post("/api/document-templates/info_note/en/", {"file": docx_upload(docx_with("{{ partner.nme }}"))})
    missing = client.post("/api/document-templates/info_note/en/", {})
    current = client.get("/api/document-templates/info_note/en/download/")
    preview = client.get("/api/document-templates/info_note/en/download/?preview=1")
    reset = client.delete("/api/document-templates/info_note/en/")

    kinds = ("info_note", "cover_letter", "invitation_letter", "attendance_certificate", "residence_permit_letter",
             "statute", "report")
    assert [(row["kind"], row["language"], row["source"]) for row in listing.json()] == [
        (kind, language, "default") for kind in kinds for language in ("tr", "en")
    ]
    assert created.status_code == 201
    assert created.json()["source"] == "office" and created.json()["version"] == 1
    assert broken.status_code == 400
    assert broken.json()["error"]["code"] == "template_error"
    assert "{{ partner.nme }}" in broken.json()["error"]["message"]
    assert "file" in missing.json()["error"]["fields"]
    assert current["Content-Type"] == DOCX
    assert "Sample University" in flat(docx_text(b"".join(preview.streaming_content)))
    assert reset.status_code == 204
    with schema_context(university_a.schema_name):
        assert list(DocumentTemplate.objects.values_list("version", "is_active")) == [(1, False)]


def test_template_api_is_for_office_admins_of_this_university(university_a, university_b, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    token_a_on_b = api(university_a, admin_a)
    token_a_on_b.defaults["HTTP_HOST"] = "osh.localhost"

    assert api(university_a, officer).get("/api/document-templates/").status_code == 403
    assert token_a_on_b.get("/api/document-templates/").status_code == 401
