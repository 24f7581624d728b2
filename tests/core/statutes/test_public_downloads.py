"""Public statute downloads are written when a revision is approved, by a worker; a visitor only reads them.

A visitor's GET must never make the server render a document: that would let anyone with
a browser keep the workers (and the storage, one version per click) busy.
"""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django_tenants.utils import schema_context, tenant_context

from core.documents import services as document_services
from core.documents.defaults import default_template
from core.documents.models import DocumentKind, GeneratedDocument
from core.documents.services import template_reset, template_upload
from core.statutes.services import clause_update, revision_approve, revision_start, revision_submit, statute_update
from tests.core.documents.helpers import docx_text, docx_upload, docx_with


@pytest.fixture
def renders(monkeypatch):
    """Every call of the engine's DOCX and PDF renderers, counted as it passes through to the real one."""
    calls = []
    for name in ("render_docx", "render_pdf"):
        real = getattr(document_services, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(document_services, name, counted)
    return calls


def published(university, statute) -> list[GeneratedDocument]:
    with schema_context(university.schema_name):
        return list(statute.generated_documents.filter(publication__isnull=False)
                    .select_related("publication__revision").order_by("language", "version"))


def test_approving_a_revision_writes_its_public_copies_in_every_language_after_commit(
        university_a, people_a, django_capture_on_commit_callbacks, celery_eager, renders):
    from tests.core.statutes.conftest import make_job_description

    # given a statute approved through the service, as the office approves it
    with tenant_context(university_a), django_capture_on_commit_callbacks(execute=True):
        statute = make_job_description(people_a["admin"], in_force_from=date(2014, 9, 1))

    # then one copy per university language (Kastamonu: tr, en), each in both formats
    documents = published(university_a, statute)
    assert [(document.language, bool(document.pdf), bool(document.docx)) for document in documents] == [
        ("en", True, True), ("tr", True, True)]
    assert sorted(renders) == ["render_docx", "render_docx", "render_pdf", "render_pdf"]


def test_an_anonymous_download_streams_the_stored_file_and_renders_nothing(
        client_a, university_a, published_statute_a, renders, django_assert_num_queries):
    statute = published_statute_a
    stored = {document.language: document for document in published(university_a, statute)}
    client_a.get("/statutes/public/")  # the host is resolved and cached, as on a warm server

    # search_path, the statute, its agreed-by list, its revisions, the stored copy
    with django_assert_num_queries(5):
        pdf = client_a.get(f"/statutes/public/{statute.pk}/pdf/?lang=en")
    docx = client_a.get(f"/statutes/public/{statute.pk}/docx/?lang=tr")

    assert renders == []
    with schema_context(university_a.schema_name):
        assert b"".join(pdf.streaming_content) == stored["en"].pdf.open("rb").read()
        assert b"".join(docx.streaming_content) == stored["tr"].docx.open("rb").read()
        assert statute.generated_documents.count() == 2  # no new version per click


def test_before_the_copies_are_written_a_download_answers_404_without_rendering(client_a, statute_a, renders):
    page = client_a.get(f"/statutes/public/{statute_a.pk}/?lang=en")
    downloads = [client_a.get(f"/statutes/public/{statute_a.pk}/{fmt}/?lang=en") for fmt in ("pdf", "docx")]

    assert page.status_code == 200 and f"/statutes/public/{statute_a.pk}/pdf/" not in page.content.decode()
    assert [response.status_code for response in downloads] == [404, 404]
    assert renders == []


def test_changing_the_document_control_writes_new_copies_that_visitors_get(
        client_a, university_a, published_statute_a, people_a, django_capture_on_commit_callbacks, celery_eager):
    statute = published_statute_a

    with tenant_context(university_a), django_capture_on_commit_callbacks(execute=True):
        statute_update(statute=statute, acting_user=people_a["admin"], document_number="KYS-GT-999")

    newest = published(university_a, statute)[-1]
    assert (newest.language, newest.version) == ("tr", 2)
    response = client_a.get(f"/statutes/public/{statute.pk}/docx/?lang=tr")
    with schema_context(university_a.schema_name):
        assert b"".join(response.streaming_content) == newest.docx.open("rb").read()


def test_a_new_statute_template_writes_new_copies_and_resetting_it_writes_them_again(
        client_a, university_a, published_statute_a, people_a, django_capture_on_commit_callbacks, celery_eager):
    statute, admin = published_statute_a, people_a["admin"]
    office_template = docx_with("KASTAMONU OFFICE LETTERHEAD", base=default_template(DocumentKind.STATUTE, "tr"))

    with tenant_context(university_a), django_capture_on_commit_callbacks(execute=True):
        template_upload(kind=DocumentKind.STATUTE, language="tr", upload=docx_upload(office_template),
                        acting_user=admin)
    response = client_a.get(f"/statutes/public/{statute.pk}/docx/?lang=tr")
    assert "KASTAMONU OFFICE LETTERHEAD" in docx_text(b"".join(response.streaming_content))

    with tenant_context(university_a), django_capture_on_commit_callbacks(execute=True):
        template_reset(kind=DocumentKind.STATUTE, language="tr", acting_user=admin)
    response = client_a.get(f"/statutes/public/{statute.pk}/docx/?lang=tr")
    assert "KASTAMONU OFFICE LETTERHEAD" not in docx_text(b"".join(response.streaming_content))


def test_a_revision_due_later_gets_its_copies_while_todays_stay_served(
        client_a, university_a, published_statute_a, people_a, django_capture_on_commit_callbacks, celery_eager):
    statute, admin = published_statute_a, people_a["admin"]
    with tenant_context(university_a):
        later = revision_start(statute=statute, descriptions={"en": "Next year"}, acting_user=admin)
        clause_update(clause=later.clauses.get(number="7.4"), texts={"en": "NEXT YEAR'S TEXT"}, acting_user=admin)
        revision_submit(revision=later, acting_user=admin)
        with django_capture_on_commit_callbacks(execute=True):
            revision_approve(revision=later, in_force_from=date.today() + timedelta(days=30), acting_user=admin)

    today = published(university_a, statute)[0]
    response = client_a.get(f"/statutes/public/{statute.pk}/pdf/?lang=en")
    with schema_context(university_a.schema_name):
        assert later.published_documents.count() == 2
        assert b"".join(response.streaming_content) == today.pdf.open("rb").read()
        assert today.publication.revision.number == 0


def test_the_command_writes_copies_for_revisions_approved_before_approval_wrote_them(university_a, statute_a,
                                                                                      client_a):
    call_command("publish_statutes", schema=university_a.schema_name)
    call_command("publish_statutes", schema=university_a.schema_name)  # nothing twice

    assert len(published(university_a, statute_a)) == 2
    assert client_a.get(f"/statutes/public/{statute_a.pk}/pdf/?lang=tr").status_code == 200
