"""The public statute pages: only what is in force, for anyone, in the visitor's language; never a draft."""

from datetime import date, timedelta

from django.test import Client
from django_tenants.utils import schema_context, tenant_context

from core.statutes.models import Clause, Statute
from core.statutes.services import clause_update, revision_approve, revision_start, revision_submit
from tests.conftest import host_of


def test_the_public_list_shows_statutes_in_force_only(client_a, statute_a, draft_statute_a):
    response = client_a.get("/statutes/public/?lang=en")
    page = response.content.decode()

    assert response.status_code == 200
    assert f'href="/statutes/public/{statute_a.pk}/"' in page
    assert f'href="/statutes/public/{draft_statute_a.pk}/"' not in page


def test_the_public_page_has_the_document_control_and_revision_table_in_the_visitors_language(
        client_a, published_statute_a):
    statute_a = published_statute_a
    english = client_a.get(f"/statutes/public/{statute_a.pk}/?lang=en")
    turkish = client_a.get(f"/statutes/public/{statute_a.pk}/?lang=tr")

    assert english.status_code == 200 and english["Content-Language"] == "en"
    for expected in ("KYS-GT-431", "Genel Sekreter", "Document revision table",
                     "Send the draft protocol to Legal Counsel", f"/statutes/public/{statute_a.pk}/pdf/"):
        assert expected in english.content.decode(), expected
    assert "Taslak işbirliği protokolü metnini" in turkish.content.decode()


def test_drafts_and_revisions_in_approval_never_appear_publicly(client_a, university_a, statute_a, draft_statute_a,
                                                                people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        draft = revision_start(statute=statute_a, descriptions={"en": "Secret change"}, acting_user=admin)
        clause_update(clause=draft.clauses.get(number="7.4"), texts={"en": "A DRAFT SENTENCE"}, acting_user=admin)
        revision_submit(revision=draft, acting_user=admin)
        draft_ids = set(Statute.objects.exclude(pk=statute_a.pk).values_list("pk", flat=True))

    in_force_page = client_a.get(f"/statutes/public/{statute_a.pk}/?lang=en").content.decode()
    guesses = [client_a.get(f"/statutes/public/{statute_id}/") for statute_id in (*draft_ids, 0, 999999)]
    draft_files = [client_a.get(f"/statutes/public/{draft_statute_a.pk}/{fmt}/") for fmt in ("pdf", "docx")]

    assert "A DRAFT SENTENCE" not in in_force_page and "Secret change" not in in_force_page
    assert "Prepare the information note;" in in_force_page
    assert {response.status_code for response in guesses} == {404}
    assert {response.status_code for response in draft_files} == {404}


def test_the_office_pages_stay_closed_to_visitors(client_a, statute_a):
    response = client_a.get(f"/statutes/{statute_a.pk}/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_in_force_revision_downloads_as_pdf_and_docx_and_is_reused(client_a, university_a, published_statute_a):
    statute_a = published_statute_a
    pdf = client_a.get(f"/statutes/public/{statute_a.pk}/pdf/?lang=en")
    again = client_a.get(f"/statutes/public/{statute_a.pk}/pdf/?lang=en")
    docx = client_a.get(f"/statutes/public/{statute_a.pk}/docx/?lang=tr")
    unknown = client_a.get(f"/statutes/public/{statute_a.pk}/odt/")

    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert again["Content-Disposition"] == pdf["Content-Disposition"]
    assert docx.status_code == 200 and b"".join(docx.streaming_content).startswith(b"PK")
    assert unknown.status_code == 404
    with schema_context(university_a.schema_name):
        assert statute_a.generated_documents.count() == 2


def test_another_universitys_statute_is_not_public_here(client_a, statute_b, university_b):
    osh = Client(HTTP_HOST=host_of(university_b))

    assert osh.get(f"/statutes/public/{statute_b.pk}/").status_code == 200
    assert client_a.get(f"/statutes/public/{statute_b.pk}/").status_code == 404
    with schema_context(university_b.schema_name):
        assert Clause.objects.filter(revision__statute=statute_b).exists()


def test_a_revision_approved_for_a_later_date_is_public_from_that_date(client_a, university_a, statute_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        later = revision_start(statute=statute_a, descriptions={"en": "Next year"}, acting_user=admin)
        clause_update(clause=later.clauses.get(number="7.4"), texts={"en": "NEXT YEAR'S TEXT"}, acting_user=admin)
        revision_submit(revision=later, acting_user=admin)
        revision_approve(revision=later, in_force_from=date.today() + timedelta(days=30), acting_user=admin)

    page = client_a.get(f"/statutes/public/{statute_a.pk}/?lang=en").content.decode()

    assert "Prepare the information note;" in page and "NEXT YEAR'S TEXT" not in page
