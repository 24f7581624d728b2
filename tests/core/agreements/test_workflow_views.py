"""The workflow on the agreement's page (timeline and moves, with and without htmx) and the office admins' editor."""

from django.urls import reverse
from django_tenants.utils import schema_context

from core.agreements.models import Agreement, Transition, WorkflowStep
from tests.core.accounts.helpers import in_english, sign_in
from tests.core.agreements.workflow_helpers import default_step, fresh, pdf

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_an_officer_sends_a_draft_for_approval_from_its_page(client_a, university_a, draft_a, people_a):
    in_english(sign_in(client_a, university_a, people_a["officer"]))
    page = client_a.get(f"/agreements/{draft_a.pk}/").content.decode()
    assert 'id="workflow"' in page and "Send for approval" in page and "Not sent for approval yet." in page

    response = client_a.post(f"/agreements/{draft_a.pk}/steps/submit/", {"comment": "Letter of the rector"})

    assert response["Location"] == f"/agreements/{draft_a.pk}/#workflow"
    page = client_a.get(response["Location"]).content.decode()
    assert "Now at: Request received" in page
    assert "Still needed: Request letter" in page
    assert 'name="request_letter"' in page and "Letter of the rector" in page
    assert "Send back" in page and "Skip this step" not in page  # the first step may not be skipped


def test_completing_with_htmx_reloads_the_page_and_the_timeline_links_the_documents(client_a, university_a,
                                                                                   draft_a, people_a):
    in_english(sign_in(client_a, university_a, people_a["officer"]))
    client_a.post(f"/agreements/{draft_a.pk}/steps/submit/")
    first = default_step(university_a, "request_received")

    response = client_a.post(f"/agreements/{draft_a.pk}/steps/complete/",
                             {"step": first.pk, "comment": "Registered", "request_letter": pdf("talep.pdf")}, **HTMX)

    assert response.status_code == 200 and response["HX-Refresh"] == "true"
    page = client_a.get(f"/agreements/{draft_a.pk}/").content.decode()
    with schema_context(university_a.schema_name):
        document = Transition.objects.get(action="completed").documents.get()
    assert reverse("agreements:document_download", args=[draft_a.pk, document.pk, 1]) in page
    assert "Now at: Information note" in page and "Registered" in page


def test_a_refused_move_with_htmx_shows_why_in_the_panel(client_a, university_a, draft_a, people_a):
    in_english(sign_in(client_a, university_a, people_a["officer"]))
    client_a.post(f"/agreements/{draft_a.pk}/steps/submit/")
    first = default_step(university_a, "request_received")

    missing = client_a.post(f"/agreements/{draft_a.pk}/steps/complete/", {"step": first.pk}, **HTMX)
    no_reason = client_a.post(f"/agreements/{draft_a.pk}/steps/reject/", {"step": first.pk, "reason": ""}, **HTMX)
    not_htmx = client_a.post(f"/agreements/{draft_a.pk}/steps/skip/", {"step": first.pk, "comment": "x"},
                             follow=True)

    assert 'role="alert"' in missing.content.decode()
    assert "needs these documents: Request letter" in missing.content.decode()
    assert "Give the reason for sending the agreement back." in no_reason.content.decode()
    assert "may not be skipped" in not_htmx.content.decode()
    assert fresh(university_a, draft_a).current_step.code == "request_received"


def test_viewers_see_the_timeline_without_the_forms(client_a, university_a, draft_a, people_a):
    in_english(sign_in(client_a, university_a, people_a["officer"]))
    client_a.post(f"/agreements/{draft_a.pk}/steps/submit/")
    in_english(sign_in(client_a, university_a, people_a["viewer"]))

    page = client_a.get(f"/agreements/{draft_a.pk}/").content.decode()
    moved = client_a.post(f"/agreements/{draft_a.pk}/steps/submit/")

    assert "Now at: Request received" in page
    assert "Complete this step" not in page and "Send for approval" not in page
    assert moved.status_code == 403


def test_moves_on_another_universitys_agreement_are_not_found(client_a, client_b, university_a, university_b,
                                                               draft_b, people_a, admin_b):
    sign_in(client_a, university_a, people_a["admin"])
    url = f"/agreements/{draft_b.pk}/steps/"

    assert all(client_a.post(url + move, {"step": 1}).status_code == 404
               for move in ("submit/", "complete/", "skip/", "reject/"))
    # Kastamonu's session means nothing on Osh's host
    assert client_b.get(f"/agreements/{draft_b.pk}/").status_code == 302
    client_b.cookies = client_a.cookies
    assert client_b.post(url + "submit/").status_code == 302
    with schema_context(university_b.schema_name):
        assert Agreement.objects.get(pk=draft_b.pk).status == Agreement.Status.DRAFT


def test_the_workflow_editor_is_for_office_admins(client_a, university_a, workflow_a, people_a):
    info_note = default_step(university_a, "info_note")
    pages = ["/agreements/workflow/", f"/agreements/workflow/steps/{info_note.pk}/"]

    sign_in(client_a, university_a, people_a["coordinator"])
    assert all(client_a.get(page).status_code == 403 for page in pages)
    in_english(sign_in(client_a, university_a, people_a["admin"]))
    page = client_a.get(pages[0]).content.decode()
    assert "Legal Counsel and Student Affairs opinions" in page and "Legal Counsel&#x27;s opinion" in page
    assert client_a.get(pages[1]).status_code == 200


def test_office_admins_add_rename_move_and_remove_steps(client_a, university_a, workflow_a, people_a):
    in_english(sign_in(client_a, university_a, people_a["admin"]))

    added = client_a.post("/agreements/workflow/", {"name_tr": "Dekan görüşü", "name_en": "Dean's opinion",
                                                    "role": "coordinator", "required_documents": ["other"],
                                                    "skippable": "on"})
    with schema_context(university_a.schema_name):
        dean = WorkflowStep.objects.get(code="deans-opinion")
    renamed = client_a.post(f"/agreements/workflow/steps/{dean.pk}/", {
        "name_tr": "Dekan görüşü", "name_ky": "Декандын пикири", "name_ru": "Мнение декана",
        "name_en": "Opinion of the dean", "role": "officer", "reminder_days": "3"})
    moved = client_a.post(f"/agreements/workflow/steps/{dean.pk}/move/", {"position": "1"})
    removed = client_a.post(f"/agreements/workflow/steps/{dean.pk}/delete/", follow=True)

    assert added.status_code == renamed.status_code == moved.status_code == 302
    assert "The step is removed." in removed.content.decode()
    with schema_context(university_a.schema_name):
        assert not WorkflowStep.objects.filter(pk=dean.pk).exists()
        assert list(WorkflowStep.objects.values_list("position", flat=True)) == list(range(1, 12))


def test_the_editor_says_what_is_wrong_and_changes_nothing(client_a, university_a, draft_a, people_a):
    in_english(sign_in(client_a, university_a, people_a["admin"]))
    client_a.post(f"/agreements/{draft_a.pk}/steps/submit/")
    first = default_step(university_a, "request_received")

    nameless = client_a.post("/agreements/workflow/", {"name_en": " ", "role": "officer"})
    in_use = client_a.post(f"/agreements/workflow/steps/{first.pk}/delete/", follow=True)

    assert "Give the step a name in at least one language." in nameless.content.decode()
    assert "Agreements are waiting at this step" in in_use.content.decode()
    with schema_context(university_a.schema_name):
        assert WorkflowStep.objects.count() == 11


def test_an_office_admin_sets_who_signs_a_steps_letter_in_what_language(client_a, university_a, workflow_a,
                                                                         people_a):
    in_english(sign_in(client_a, university_a, people_a["admin"]))
    with schema_context(university_a.schema_name):
        senate = WorkflowStep.objects.get(code="senate_submission")

    page = client_a.get(f"/agreements/workflow/steps/{senate.pk}/").content.decode()
    saved = client_a.post(f"/agreements/workflow/steps/{senate.pk}/", {
        "name_tr": "Senatoya sunulması", "role": "coordinator", "sends_letter": "on", "letter_addressee": "senate",
        "letter_language": "tr", "signatory_name": "Prof. Dr. Ahmet Yılmaz",
        "signatory_title_tr": "Rektör Yardımcısı", "signs_for_tr": "Rektör",
        "letter_subject_tr": "İşbirliği protokolünün Senato gündemine alınması hk."})

    assert "Signatory&#x27;s title (Turkish)" in page and "Language of the letter" in page
    assert saved.status_code == 302
    with schema_context(university_a.schema_name):
        senate.refresh_from_db()
        assert (senate.signatory_name, senate.signatory_title_tr, senate.signs_for_tr, senate.letter_language) == (
            "Prof. Dr. Ahmet Yılmaz", "Rektör Yardımcısı", "Rektör", "tr")
        assert senate.letter_subject_tr == "İşbirliği protokolünün Senato gündemine alınması hk."


def test_a_reworded_letter_subject_puts_its_translations_out_of_date_on_the_page_and_in_the_api(
        client_a, admin_api, university_a, workflow_a, people_a):
    in_english(sign_in(client_a, university_a, people_a["admin"]))
    senate = default_step(university_a, "senate_submission")
    url = f"/api/workflow/steps/{senate.pk}/"
    admin_api.patch(url, {"letter_subject": {"tr": "Protokol hk.", "en": "The protocol"}},
                    content_type="application/json")

    reworded = admin_api.patch(url, {"letter_subject": {"tr": "Protokolün Senatoya sunulması hk."}},
                               content_type="application/json").json()
    page = client_a.get(f"/agreements/workflow/steps/{senate.pk}/").content.decode()
    checked = admin_api.patch(url, {"translations_checked": ["letter_subject"]},
                              content_type="application/json").json()

    assert reworded["outdated_translations"] == {"letter_subject": ["en"]}
    assert "Subject of the letter (English) — out of date" in page
    assert checked["outdated_translations"] == {}


def test_the_top_of_the_agreement_says_where_it_is_what_it_waits_for_and_from_whom(client_a, university_a,
                                                                                     draft_a, people_a):
    in_english(sign_in(client_a, university_a, people_a["officer"]))
    draft = client_a.get(f"/agreements/{draft_a.pk}/").content.decode()
    client_a.post(f"/agreements/{draft_a.pk}/steps/submit/")

    page = client_a.get(f"/agreements/{draft_a.pk}/").content.decode()
    where = page[page.index('id="where-heading"'):page.index('id="workflow"')]

    assert "A draft: it has not been submitted for approval yet." in draft
    assert "It waits at the step “Request received” for the Officer." in where
    assert "Since " in where and "Still missing: Request letter" in where
