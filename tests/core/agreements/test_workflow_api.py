"""The workflow API: an agreement's timeline and moves, the office's steps; isolation between universities."""

import pytest
from django.test import Client
from django_tenants.utils import schema_context

from core.agreements.models import Agreement, Transition, WorkflowStep
from tests.conftest import host_of
from tests.core.accounts.helpers import api, token_for
from tests.core.agreements.workflow_helpers import default_step, fresh, pdf


@pytest.fixture
def officer_api(university_a, people_a):
    return api(university_a, people_a["officer"])


def test_submit_complete_and_read_the_timeline(officer_api, university_a, draft_a, people_a):
    submitted = officer_api.post(f"/api/agreements/{draft_a.pk}/submit/", {"comment": "Letter of 3 May"},
                                 content_type="application/json")
    first = submitted.json()["current_step"]
    completed = officer_api.post(f"/api/agreements/{draft_a.pk}/steps/complete/", {
        "step": first["id"], "comment": "Registered", "request_letter": pdf("mektup.pdf"),
    })
    timeline = officer_api.get(f"/api/agreements/{draft_a.pk}/timeline/").json()

    assert submitted.status_code == 200 and completed.status_code == 200
    assert (first["code"], submitted.json()["status"]) == ("request_received", "in_approval")
    assert timeline["current_step"]["code"] == "info_note"
    assert timeline["may_act"] is True
    submit, complete = timeline["transitions"]
    assert (submit["action"], submit["comment"], submit["to_step"]["id"]) == ("submitted", "Letter of 3 May",
                                                                             first["id"])
    assert complete["actor"] == people_a["officer"].pk and complete["actor_name"]
    assert [(d["kind"], d["versions"][0]["number"]) for d in complete["documents"]] == [("request_letter", 1)]


def test_refusals_carry_a_code_and_change_nothing(officer_api, university_a, draft_a):
    officer_api.post(f"/api/agreements/{draft_a.pk}/submit/")
    info_note = default_step(university_a, "request_received")
    url = f"/api/agreements/{draft_a.pk}/steps/"

    missing = officer_api.post(url + "complete/", {"step": info_note.pk})
    not_skippable = officer_api.post(url + "skip/", {"step": info_note.pk, "comment": "why not"},
                                     content_type="application/json")
    no_reason = officer_api.post(url + "reject/", {"step": info_note.pk}, content_type="application/json")
    no_step = officer_api.post(url + "complete/", {})
    foreign_step = officer_api.post(url + "complete/", {"step": 999999})
    not_a_draft = officer_api.post(f"/api/agreements/{draft_a.pk}/submit/")

    assert missing.status_code == 400 and missing.json()["error"]["code"] == "missing_documents"
    assert "request_letter" in missing.json()["error"]["fields"]
    assert not_skippable.json()["error"]["code"] == "not_skippable"
    assert no_reason.json()["error"]["code"] == "reason_required"
    assert no_step.status_code == 400 and "step" in no_step.json()["error"]["fields"]
    assert foreign_step.json()["error"]["code"] == "unknown_step"
    assert not_a_draft.status_code == 409
    assert fresh(university_a, draft_a).current_step.code == "request_received"
    with schema_context(university_a.schema_name):
        assert Transition.objects.count() == 1


def test_a_step_of_another_role_answers_403_and_rejects_go_back_to_a_chosen_step(admin_api, university_a,
                                                                                draft_a, people_a):
    coordinator_api = api(university_a, people_a["coordinator"])
    admin_api.post(f"/api/agreements/{draft_a.pk}/submit/")
    url = f"/api/agreements/{draft_a.pk}/steps/"
    first = default_step(university_a, "request_received").pk
    admin_api.post(url + "complete/", {"step": first, "request_letter": pdf()})
    info_note = default_step(university_a, "info_note").pk

    wrong_role = coordinator_api.post(url + "complete/", {"step": info_note})
    later = admin_api.post(url + "reject/", {"step": info_note, "reason": "x",
                                             "to_step": default_step(university_a, "opinions").pk},
                           content_type="application/json")
    back = admin_api.post(url + "reject/", {"step": info_note, "reason": "Wrong letter",
                                            "to_step": default_step(university_a, "request_received").pk},
                          content_type="application/json")

    assert wrong_role.status_code == 403 and wrong_role.json()["error"]["code"] == "wrong_role"
    assert later.json()["error"]["code"] == "invalid_target_step"
    assert back.status_code == 200 and back.json()["current_step"]["code"] == "request_received"


def test_viewers_read_the_timeline_but_make_no_moves(university_a, draft_a, people_a):
    viewer_api = api(university_a, people_a["viewer"])

    assert viewer_api.get(f"/api/agreements/{draft_a.pk}/timeline/").json()["may_submit"] is False
    assert viewer_api.post(f"/api/agreements/{draft_a.pk}/submit/").status_code == 403


def test_the_timeline_runs_a_constant_number_of_queries(officer_api, university_a, draft_a,
                                                        django_assert_max_num_queries):
    officer_api.post(f"/api/agreements/{draft_a.pk}/submit/")
    url = f"/api/agreements/{draft_a.pk}/steps/"
    for _round in range(3):  # complete and send back, each time with a new version of the letter
        officer_api.post(url + "complete/", {"step": default_step(university_a, "request_received").pk,
                                             "request_letter": pdf()})
        officer_api.post(url + "reject/", {"step": default_step(university_a, "info_note").pk, "reason": "Again"},
                         content_type="application/json")

    with django_assert_max_num_queries(14):
        response = officer_api.get(f"/api/agreements/{draft_a.pk}/timeline/")

    assert len(response.json()["transitions"]) == 7
    assert response.json()["transitions"][-2]["documents"][0]["versions"][0]["number"] == 3


def test_another_universitys_agreement_is_not_found_on_this_host(officer_api, draft_b):
    url = f"/api/agreements/{draft_b.pk}/"
    moves = ["submit/", "steps/complete/", "steps/skip/", "steps/reject/"]

    assert officer_api.get(url + "timeline/").status_code == 404
    assert all(officer_api.post(url + move, {"step": 1, "reason": "x", "comment": "x"}).status_code == 404
               for move in moves)


def test_a_token_of_one_university_means_nothing_on_another(university_a, university_b, draft_b, people_a):
    foreign = Client(HTTP_HOST=host_of(university_b),
                     HTTP_AUTHORIZATION=f"Token {token_for(university_a, people_a['admin'])}")

    assert foreign.get(f"/api/agreements/{draft_b.pk}/timeline/").status_code == 401
    assert foreign.post(f"/api/agreements/{draft_b.pk}/submit/").status_code == 401
    assert foreign.get("/api/workflow/").status_code == 401


def test_office_admins_edit_the_workflow_through_the_api(admin_api, officer_api, university_a, workflow_a):
    added = admin_api.post("/api/workflow/steps/", {
        "name_tr": "Dekan görüşü", "name_en": "Dean's opinion", "role": "coordinator", "position": 2,
        "required_documents": ["other"], "skippable": True,
    }, content_type="application/json")
    step_id = added.json()["id"]
    renamed = admin_api.patch(f"/api/workflow/steps/{step_id}/", {"name_ky": "Декандын пикири", "position": 4},
                              content_type="application/json")
    listing = officer_api.get("/api/workflow/")
    forbidden = officer_api.post("/api/workflow/steps/", {"name_en": "Mine"}, content_type="application/json")
    bad_role = admin_api.patch(f"/api/workflow/steps/{step_id}/", {"role": "unit_staff"},
                               content_type="application/json")
    bad_document = admin_api.patch(f"/api/workflow/steps/{step_id}/", {"required_documents": ["passport"]},
                                   content_type="application/json")
    removed = admin_api.delete(f"/api/workflow/steps/{step_id}/")

    assert added.status_code == 201 and added.json()["position"] == 2
    assert renamed.json()["names"] == {"tr": "Dekan görüşü", "ky": "Декандын пикири", "ru": None,
                                       "en": "Dean's opinion"}
    assert renamed.json()["position"] == 4
    assert [s["position"] for s in listing.json()["steps"]] == list(range(1, 13))
    assert forbidden.status_code == 403
    assert bad_role.status_code == 400 and bad_role.json()["error"]["code"] == "invalid_role"
    assert bad_document.status_code == 400 and "required_documents" in bad_document.json()["error"]["fields"]
    assert removed.status_code == 204
    with schema_context(university_a.schema_name):
        assert WorkflowStep.objects.count() == 11


def test_a_step_an_agreement_waits_at_cannot_be_removed(admin_api, university_a, draft_a):
    admin_api.post(f"/api/agreements/{draft_a.pk}/submit/")

    response = admin_api.delete(f"/api/workflow/steps/{default_step(university_a, 'request_received').pk}/")

    assert response.status_code == 409 and response.json()["error"]["code"] == "step_in_use"
    with schema_context(university_a.schema_name):
        assert Agreement.objects.get(pk=draft_a.pk).current_step.code == "request_received"


def test_steps_of_another_university_are_not_found(admin_api, draft_b, university_b):
    with schema_context(university_b.schema_name):
        osh_step = WorkflowStep.objects.get(code="legal_department")

    assert admin_api.patch(f"/api/workflow/steps/{osh_step.pk}/", {"clause": "x"},
                           content_type="application/json").status_code == 404
    assert admin_api.delete(f"/api/workflow/steps/{osh_step.pk}/").status_code == 404
    with schema_context(university_b.schema_name):
        assert WorkflowStep.objects.get(pk=osh_step.pk).clause == ""


def test_a_steps_letter_settings_through_the_api(university_a, workflow_a, people_a):
    admin = api(university_a, people_a["admin"])
    with schema_context(university_a.schema_name):
        partner_step = WorkflowStep.objects.get(code="partner_countersignature")

    response = admin.patch(f"/api/workflow/steps/{partner_step.pk}/", {
        "letter_language": "ru", "signatory_name": "Prof. Dr. Ahmet Yılmaz",
        "signatory_title": {"ru": "Проректор", "tr": "Rektör Yardımcısı"}, "signs_for": {"tr": "Rektör"},
    }, content_type="application/json")
    refused = admin.patch(f"/api/workflow/steps/{partner_step.pk}/", {"letter_language": "de"},
                          content_type="application/json")

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["letter_language"], body["signatory_name"]) == ("ru", "Prof. Dr. Ahmet Yılmaz")
    assert body["signatory_title"] == {"tr": "Rektör Yardımcısı", "ky": None, "ru": "Проректор", "en": None}
    assert body["signs_for"]["tr"] == "Rektör" and body["letter_subject"]["tr"] is None
    assert refused.status_code == 400 and "letter_language" in refused.json()["error"]["fields"]
