"""The statute pages: reading, editing a draft (also inline), approving, comparing; who may do what."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context, tenant_context

from core.agreements.models import WorkflowStep
from core.statutes.models import Clause, Revision, Statute
from core.statutes.selectors import revision_actions_for_user
from core.statutes.services import clause_set_links, revision_approve, revision_return, revision_start, revision_submit
from tests.core.accounts.helpers import sign_in
from tests.core.statutes.conftest import make_job_description, revision_of
from tests.moves import moves_made


def reading_in(university, user, language: str):
    with schema_context(university.schema_name):
        user.language = language
        user.save(update_fields=["language"])
    return user


def statute_form(agreed_by=(), **fields) -> dict:
    """The statute form's body: its fields and the rows of those who agreed, as the page posts them."""
    body = {"agreed_by-TOTAL_FORMS": len(agreed_by), "agreed_by-INITIAL_FORMS": 0, **fields}
    for index, row in enumerate(agreed_by):
        body.update({f"agreed_by-{index}-{name}": value for name, value in row.items()})
    return body


@pytest.fixture
def admin_client(client_a, university_a, people_a):
    """The office admin, reading English."""
    return sign_in(client_a, university_a, reading_in(university_a, people_a["admin"], "en"))


def test_the_list_shows_number_revision_and_status_in_constant_queries(admin_client, university_a, statute_a,
                                                                       draft_statute_a, people_a):
    admin_client.get("/statutes/")  # the host and the session are cached from here on
    with CaptureQueriesContext(connection) as few:
        admin_client.get("/statutes/")
    with tenant_context(university_a):
        for _ in range(3):
            make_job_description(people_a["admin"], in_force_from=date(2020, 1, 1))
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get("/statutes/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "KYS-GT-431" in page and "Job description" in page and "Draft" in page
    assert 'href="/statutes/import/"' in page
    assert len(many) == len(few)


def test_the_statute_page_shows_document_control_tree_and_revision_table(admin_client, statute_a):
    response = admin_client.get(f"/statutes/{statute_a.pk}/")
    page = response.content.decode()

    assert response.status_code == 200
    for expected in ("KYS-GT-431", "Genel Sekreter", "Hukuk Müşavirliği", "Koordinatör",
                     "Send the draft protocol to Legal Counsel", "7.16", "Document revision table",
                     "International Cooperation Officer"):
        assert expected in page, expected
    assert f"/statutes/{statute_a.pk}/revisions/0/export/pdf/" in page


def test_the_reader_sees_the_text_in_their_language_with_fallbacks(client_a, university_a, statute_a, people_a):
    sign_in(client_a, university_a, reading_in(university_a, people_a["viewer"], "tr"))

    page = client_a.get(f"/statutes/{statute_a.pk}/").content.decode()

    assert "Taslak işbirliği protokolü metnini" in page
    assert "Send the draft protocol" not in page


def test_the_revision_in_force_on_a_date(admin_client, university_a, statute_a, people_a):
    with tenant_context(university_a):
        second = revision_start(statute=statute_a, descriptions={"en": "Duties revised"}, acting_user=people_a["admin"])
        clause = second.clauses.get(number="7.4")
        clause.text_en = "Prepare the information note with rankings;"
        clause.save()
        second.status = Revision.Status.IN_APPROVAL
        second.save()
    admin_client.post(f"/statutes/{statute_a.pk}/revisions/1/approve/", {"in_force_from": "2021-10-15"})

    before = admin_client.get(f"/statutes/{statute_a.pk}/?on=2020-01-01")
    after = admin_client.get(f"/statutes/{statute_a.pk}/?on=2022-01-01")
    never = admin_client.get(f"/statutes/{statute_a.pk}/?on=2000-01-01")

    assert "Prepare the information note;" in before.content.decode()
    assert "with rankings" in after.content.decode()
    assert "No revision was in force on" in never.content.decode()


def test_create_a_statute_then_add_and_inline_edit_clauses(admin_client, university_a):
    created = admin_client.post("/statutes/new/", statute_form(
        kind="statute", title_ky="Бөлүмдүн жобосу", document_number="OSH-01",
        agreed_by=[{"name": "Проректор", "title_ky": "тышкы байланыштар"}, {"name": "Укук иштер бөлүмү"}]))
    with schema_context(university_a.schema_name):
        statute = Statute.objects.get(document_number="OSH-01")
        assert [(row.name, row.title_ky) for row in statute.agreed_by.all()] == [
            ("Проректор", "тышкы байланыштар"), ("Укук иштер бөлүмү", None)]
    editor = f"/statutes/{statute.pk}/revisions/0/edit/"
    admin_client.post(editor, {"kind": "section", "number": "I.", "text_ky": "Жалпы жоболор"})
    with schema_context(university_a.schema_name):
        section = Clause.objects.get(number="I.")
    admin_client.post(editor, {"kind": "clause", "number": "1.", "text_ky": "Бөлүм түзүлгөн.",
                               "parent": section.pk})
    with schema_context(university_a.schema_name):
        clause = Clause.objects.get(number="1.")

    form = admin_client.get(f"/statutes/clauses/{clause.pk}/edit/", HTTP_HX_REQUEST="true")
    saved = admin_client.post(f"/statutes/clauses/{clause.pk}/edit/", {
        "kind": "clause", "number": "1.", "text_ky": "Бөлүм ректордун буйругу менен түзүлгөн.",
        "text_ru": "Отдел создан приказом ректора."}, HTTP_HX_REQUEST="true")

    assert created.status_code == 302
    assert form.status_code == 200 and 'hx-post="/statutes/clauses/' in form.content.decode()
    assert saved.status_code == 200 and f'id="row-{clause.pk}"' in saved.content.decode()
    with schema_context(university_a.schema_name):
        clause.refresh_from_db()
        assert (clause.parent_id, clause.text_ru) == (section.pk, "Отдел создан приказом ректора.")


def test_the_signers_titles_are_edited_in_each_language(admin_client, university_a, draft_statute_a):
    url = f"/statutes/{draft_statute_a.pk}/edit/"
    page = admin_client.get(url).content.decode()

    # when: the approver's title in Kyrgyz and Russian beside the Turkish one, one who agreed with two titles
    saved = admin_client.post(url, statute_form(
        kind="job_description", title_tr="Görev Tanımı", document_number="KYS-GT-431",
        approved_by_name="Genel Sekreter", approved_by_title_tr="Genel Sekreter", approved_by_title_ky="Башкы катчы",
        approved_by_title_ru="Генеральный секретарь", prepared_by_name="Koordinatör",
        agreed_by=[{"name": "Hukuk Müşavirliği", "title_tr": "Hukuk Müşaviri", "title_en": "Legal Counsel"},
                   {"name": "", "title_ky": ""}]))

    # then: the page showed each language's title, and each language's title is kept
    assert 'name="approved_by_title_tr" value="Genel Sekreter"' in page
    assert 'name="agreed_by-0-name" value="Hukuk Müşavirliği"' in page
    assert "Title of the approver (Kyrgyz)" in page
    assert saved.status_code == 302
    with schema_context(university_a.schema_name):
        statute = Statute.objects.get(pk=draft_statute_a.pk)
        assert (statute.approved_by_title_tr, statute.approved_by_title_ky, statute.approved_by_title_ru,
                statute.approved_by_title_en) == ("Genel Sekreter", "Башкы катчы", "Генеральный секретарь", None)
        assert statute.prepared_by_title_tr is None
        assert [(row.name, row.title_tr, row.title_en, row.title_ky) for row in statute.agreed_by.all()] == [
            ("Hukuk Müşavirliği", "Hukuk Müşaviri", "Legal Counsel", None)]
    again = admin_client.get(url).content.decode()
    assert 'name="approved_by_title_ky" value="Башкы катчы"' in again
    assert 'name="agreed_by-0-title_en" value="Legal Counsel"' in again


def test_bad_input_is_explained_and_changes_nothing(admin_client, university_a, draft_statute_a):
    with schema_context(university_a.schema_name):
        clause = Clause.objects.get(revision__statute=draft_statute_a, number="7.4")
    no_title = admin_client.post("/statutes/new/", statute_form(kind="statute", title_tr=" "))
    no_text = admin_client.post(f"/statutes/clauses/{clause.pk}/edit/", {"kind": "clause", "number": "7.4"},
                                HTTP_ACCEPT_LANGUAGE="en")

    assert no_title.status_code == 200 and "Give the document a title in at least one language." in \
        no_title.content.decode()
    assert no_text.status_code == 400 and "Write the clause" in no_text.content.decode()
    with schema_context(university_a.schema_name):
        assert Statute.objects.count() == 1
        assert Clause.objects.get(pk=clause.pk).text_tr == "Bilgi notu hazırlamak;"


def test_a_revision_in_force_is_not_edited(admin_client, university_a, statute_a):
    with schema_context(university_a.schema_name):
        clause = Clause.objects.get(revision__statute=statute_a, number="7.4")

    editor = admin_client.get(f"/statutes/{statute_a.pk}/revisions/0/edit/")
    edit = admin_client.post(f"/statutes/clauses/{clause.pk}/edit/", {"kind": "clause", "text_tr": "Değişti"})

    assert editor.status_code == 302
    assert edit.status_code == 400
    with schema_context(university_a.schema_name):
        assert Clause.objects.get(pk=clause.pk).text_tr == "Bilgi notu hazırlamak;"


def test_submit_return_and_approve_through_the_pages(admin_client, university_a, draft_statute_a):
    url = f"/statutes/{draft_statute_a.pk}/revisions/0/"
    admin_client.post(url + "submit/")
    admin_client.post(url + "return/", {"reason": "Eksik"})
    admin_client.post(url + "submit/")
    admin_client.post(url + "approve/", {"in_force_from": "2024-07-08"})

    revision = revision_of(university_a, draft_statute_a, 0)
    assert (revision.status, revision.in_force_from) == (Revision.Status.IN_FORCE, date(2024, 7, 8))


def test_a_coordinator_edits_but_does_not_approve_and_a_viewer_only_reads(client_a, university_a, draft_statute_a,
                                                                        people_a):
    url = f"/statutes/{draft_statute_a.pk}/revisions/0/"
    sign_in(client_a, university_a, people_a["coordinator"])
    client_a.post(url + "submit/")
    coordinator_approves = client_a.post(url + "approve/", {"in_force_from": "2024-07-08"})
    sign_in(client_a, university_a, people_a["viewer"])
    viewer_reads = client_a.get(f"/statutes/{draft_statute_a.pk}/")
    viewer_creates = client_a.post("/statutes/new/", statute_form(kind="statute", title_tr="X"))
    viewer_edits = client_a.get(url + "edit/")

    assert coordinator_approves.status_code == 403
    assert revision_of(university_a, draft_statute_a, 0).status == Revision.Status.IN_APPROVAL
    assert viewer_reads.status_code == 200
    assert viewer_creates.status_code == viewer_edits.status_code == 403


def test_the_statute_page_offers_the_moves_of_the_one_rule_and_the_services_agree(client_a, university_a,
                                                                                  draft_statute_a, people_a):
    # given: the revision as a draft, then in approval, read by an admin, a coordinator and a viewer
    url = f"/statutes/{draft_statute_a.pk}/"
    links = {"edit": "revisions/0/edit/", "submit": "revisions/0/submit/", "approve": "revisions/0/approve/",
             "return": "revisions/0/return/"}
    moves = {
        "submit": lambda revision, user: revision_submit(revision=revision, acting_user=user),
        "approve": lambda revision, user: revision_approve(revision=revision, in_force_from=date(2024, 7, 8),
                                                           acting_user=user),
        "return": lambda revision, user: revision_return(revision=revision, reason="Eksik", acting_user=user),
    }
    expected = {
        "draft": {"admin": {"edit", "submit"}, "coordinator": {"edit", "submit"}, "viewer": set()},
        "in_approval": {"admin": {"approve", "return"}, "coordinator": set(), "viewer": set()},
    }
    for status, by_person in expected.items():
        with tenant_context(university_a):
            Revision.objects.filter(statute=draft_statute_a).update(status=status)
        revision = revision_of(university_a, draft_statute_a, 0)
        for person, allowed in by_person.items():
            user = people_a[person]
            sign_in(client_a, university_a, user)
            # when
            page = client_a.get(url).content.decode()
            shown = {move for move, path in links.items() if f'"{url}{path}"' in page}
            with tenant_context(university_a):  # links are offered on each clause's page, not here
                ruled = set(revision_actions_for_user(user, revision)) - {"link"}
            # then
            assert shown == ruled == allowed, (status, person)
        # the services refuse by the same statuses (roles are the pages' and the API's to check)
        with tenant_context(university_a):
            made = moves_made(Revision, revision.pk, moves, people_a["admin"])
        assert made == expected[status]["admin"] - {"edit"}

def test_compare_marks_added_removed_and_changed_words(admin_client, university_a, statute_a, people_a):
    with tenant_context(university_a):
        second = revision_start(statute=statute_a, descriptions={"en": "Revised"}, acting_user=people_a["admin"])
        clause = second.clauses.get(number="7.4")
        clause.text_en = "Prepare the <b>short</b> information note;"
        clause.save()
        second.clauses.get(number="7.5").delete()

    response = admin_client.get(f"/statutes/{statute_a.pk}/compare/?a=0&b=1&lang=en")
    page = response.content.decode()

    assert response.status_code == 200
    assert "<ins>&lt;b&gt;short&lt;/b&gt; </ins>" in page
    assert "<del>Check recognition by YÖK;</del>" in page
    assert "1 removed, 1 changed" in page
    assert admin_client.get(f"/statutes/{statute_a.pk}/compare/?a=0&b=9").status_code == 400


def test_the_clause_page_and_the_workflow_page_link_each_other(admin_client, university_a, statute_a, workflow_a,
                                                               people_a):
    with schema_context(university_a.schema_name):
        clause = Clause.objects.get(revision__statute=statute_a, number="7.6")
        opinions = WorkflowStep.objects.get(code="opinions")
    linked = admin_client.post(f"/statutes/clauses/{clause.pk}/links/", {
        "roles": ["officer"], "workflow_steps": [opinions.pk]})

    clause_page = admin_client.get(f"/statutes/clauses/{clause.pk}/").content.decode()
    workflow_page = admin_client.get("/agreements/workflow/").content.decode()
    step_page = admin_client.get(f"/agreements/workflow/steps/{opinions.pk}/").content.decode()

    assert linked.status_code == 302
    assert "Legal Counsel and Student Affairs opinions" in clause_page and "Officer" in clause_page
    assert f'href="/statutes/clauses/{clause.pk}/"' in workflow_page
    assert "Mandated by:" in workflow_page and "7.6" in workflow_page
    assert f'href="/statutes/clauses/{clause.pk}/"' in step_page


def test_the_workflow_page_asks_one_query_for_all_mandating_clauses(admin_client, university_a, statute_a,
                                                                    workflow_a, people_a):
    with tenant_context(university_a):
        steps = list(WorkflowStep.objects.all())
        for clause, step in zip(Clause.objects.filter(revision__statute=statute_a), steps, strict=False):
            clause_set_links(clause=clause, roles=[], workflow_steps=[step], acting_user=people_a["admin"])
    admin_client.get("/agreements/workflow/")  # the host and the session are cached from here on
    with CaptureQueriesContext(connection) as linked:
        admin_client.get("/agreements/workflow/")
    with tenant_context(university_a):
        Clause.workflow_steps.through.objects.all().delete()
    with CaptureQueriesContext(connection) as unlinked:
        admin_client.get("/agreements/workflow/")

    assert len(linked) == len(unlinked)


def test_another_universitys_statute_is_not_found_here(admin_client, statute_b, university_b):
    """Kastamonu holds no statute here, so Osh's ids can only name Osh's rows."""
    with schema_context(university_b.schema_name):
        clause = Clause.objects.get(revision__statute=statute_b)

    assert admin_client.get(f"/statutes/{statute_b.pk}/").status_code == 404
    assert admin_client.get(f"/statutes/{statute_b.pk}/compare/?a=0&b=0").status_code == 404
    assert admin_client.get(f"/statutes/clauses/{clause.pk}/").status_code == 404
    assert admin_client.post(f"/statutes/clauses/{clause.pk}/delete/").status_code == 404
    with schema_context(university_b.schema_name):
        assert Clause.objects.filter(pk=clause.pk).exists()


def test_a_session_of_another_host_is_refused(client_b, university_a, statute_a, people_a):
    sign_in(client_b, university_a, people_a["admin"])

    response = client_b.get(f"/statutes/{statute_a.pk}/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_office_exports_any_revision_in_a_chosen_language(client_a, university_a, draft_statute_a, people_a):
    sign_in(client_a, university_a, people_a["viewer"])

    pdf = client_a.post(f"/statutes/{draft_statute_a.pk}/revisions/0/export/pdf/", {"lang": "en"})
    unknown = client_a.post(f"/statutes/{draft_statute_a.pk}/revisions/0/export/odt/")
    fetched = client_a.get(f"/statutes/{draft_statute_a.pk}/revisions/0/export/pdf/")

    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert unknown.status_code == 404
    assert fetched.status_code == 405  # reading a page never writes a document
    assert revision_of(university_a, draft_statute_a, 0).page_count >= 1


def test_the_draft_editor_lists_the_tree_and_moves_clauses(admin_client, university_a, draft_statute_a):
    with schema_context(university_a.schema_name):
        clause = Clause.objects.get(revision__statute=draft_statute_a, number="7.5")
    editor = admin_client.get(f"/statutes/{draft_statute_a.pk}/revisions/0/edit/")
    page = admin_client.get(f"/statutes/clauses/{clause.pk}/edit/")
    moved = admin_client.post(f"/statutes/clauses/{clause.pk}/move/", {"parent": "", "place": "1"})
    described = admin_client.post(f"/statutes/{draft_statute_a.pk}/revisions/0/describe/",
                                  {"description_en": "First publication"})

    assert editor.status_code == 200
    assert editor.content.decode().count('id="row-') == 6 and "Add a section or clause" in editor.content.decode()
    assert page.status_code == 200 and "Move the clause" in page.content.decode()
    assert moved.status_code == described.status_code == 302
    with schema_context(university_a.schema_name):
        clause.refresh_from_db()
        assert (clause.parent_id, clause.position) == (None, 1)
        assert Revision.objects.get(statute=draft_statute_a).description_en == "First publication"
