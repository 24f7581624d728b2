"""The approval workflow's services: the office's default steps, editing them, and agreements moving through them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import translation
from django_tenants.utils import tenant_context

from core.agreements.models import Agreement, AgreementDocument, DocumentKind, Transition, Workflow, WorkflowStep
from core.agreements.workflow.services import (
    agreement_complete_step,
    agreement_reject,
    agreement_skip_step,
    agreement_submit,
    workflow_seed_default,
    workflow_step_add,
    workflow_step_move,
    workflow_step_remove,
    workflow_step_update,
)
from core.audit.models import AuditEntry
from core.partners.models import Recognition
from kopru.errors import ServiceError
from kopru.statuses import status_of
from tests.core.agreements.workflow_helpers import default_step, fresh, pdf

TURKISH_PATH = ["request_received", "info_note", "yok_recognition", "opinions_requested", "opinions",
                "senate_submission", "senate_decision", "rector_signature", "partner_countersignature", "in_force",
                "filed_published"]


def complete_current(agreement: Agreement, user, **extra) -> Agreement:
    """Complete the agreement's current step with a PDF for every document it needs."""
    agreement = fresh(connection.tenant, agreement)
    step = agreement.current_step
    uploads = {kind: pdf(f"{kind}.pdf") for kind in step.required_documents}
    return agreement_complete_step(agreement=agreement, step=step, acting_user=user, uploads=uploads, **extra)


def walk_to(agreement: Agreement, code: str, user) -> Agreement:
    agreement = agreement_submit(agreement=agreement, acting_user=user)
    while agreement.current_step.code != code:
        agreement = complete_current(agreement, user)
    return fresh(connection.tenant, agreement)


def refused(code: str, move) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        move()
    assert caught.value.code == code
    return caught.value


# The defaults -----------------------------------------------------------------------------------

def test_a_turkish_university_gets_seed_000s_workflow_in_four_languages(in_kastamonu):
    workflow = workflow_seed_default(country="TR")

    steps = list(workflow.steps.all())
    assert [step.code for step in steps] == TURKISH_PATH
    assert [step.position for step in steps] == list(range(1, len(TURKISH_PATH) + 1))
    info_note, recognition, asked, opinions, senate = steps[1], steps[2], steps[3], steps[4], steps[5]
    assert not info_note.skippable and steps[-1].skippable
    assert recognition.checks_recognition and recognition.clause == "7.5"
    assert asked.sends_letter and asked.letter_addressee == "opinions" and asked.clause == opinions.clause == "7.6"
    assert opinions.required_documents == [DocumentKind.LEGAL_OPINION, DocumentKind.STUDENT_AFFAIRS_OPINION]
    assert senate.sends_letter and senate.required_documents == [DocumentKind.SENATE_FILE]
    assert [step.code for step in steps if step.puts_in_force] == ["in_force"]
    assert all(getattr(step, f"name_{code}") for step in steps for code in ("tr", "ky", "ru", "en"))
    with translation.override("tr"):
        assert str(opinions.name) == "Hukuk Müşavirliği ve Öğrenci İşleri Daire Başkanlığı görüşleri"
    assert AuditEntry.objects.filter(action="workflow.seeded").count() == 1


def test_seeding_is_idempotent_and_other_countries_get_the_turkish_default(in_kastamonu):
    first = workflow_seed_default(country="DE")

    assert workflow_seed_default(country="TR") == first
    assert Workflow.objects.count() == 1
    # without YÖK's recognition step: Germany has no recognition rule
    assert [step.code for step in first.steps.all()] == [code for code in TURKISH_PATH if code != "yok_recognition"]


def test_a_kyrgyz_university_gets_seed_004s_chain(university_b):
    # osh was created without provisioning: it can get its workflow seeded as onboarding does
    with tenant_context(university_b):
        workflow = workflow_seed_default(country=university_b.country)

        steps = list(workflow.steps.all())
        assert [step.code for step in steps] == ["draft_with_units", "agreed_with_partner", "vice_rector",
                                                 "legal_department", "rector_approval", "in_force"]
        assert not any(step.clause for step in steps)  # seed 004's clause numbers are Osh's own statute's
        assert steps[-1].puts_in_force
        with translation.override("ky"):
            assert str(steps[2].name) == "Тышкы байланыштар боюнча проректордун макулдугу"
        assert workflow.is_default


# The path ---------------------------------------------------------------------------------------

def test_the_whole_turkish_path_from_submit_to_in_force(in_kastamonu, draft_a, people_a):
    by_role = {"officer": people_a["officer"], "coordinator": people_a["coordinator"]}

    # given a draft sent for approval
    agreement = agreement_submit(agreement=draft_a, acting_user=people_a["officer"], comment="7.1 letter arrived")
    assert (agreement.status, agreement.current_step.code) == (Agreement.Status.IN_APPROVAL, "request_received")
    assert agreement.step_since is not None

    # when every step is completed by its own role, with its documents
    statuses = {}
    while agreement.current_step is not None:
        code = agreement.current_step.code
        agreement = complete_current(agreement, by_role[agreement.current_step.role], comment=f"done: {code}")
        statuses[code] = agreement.status

    # then the agreement went into force at the in-force step and left the workflow after filing
    assert statuses["partner_countersignature"] == Agreement.Status.IN_APPROVAL
    assert statuses["in_force"] == statuses["filed_published"] == Agreement.Status.IN_FORCE
    agreement = fresh(in_kastamonu, agreement)
    assert agreement.current_step is None and agreement.step_since is None
    transitions = list(Transition.objects.filter(agreement=agreement).select_related("step", "to_step"))
    assert [t.action for t in transitions] == ["submitted"] + ["completed"] * len(TURKISH_PATH)
    assert [t.step.code for t in transitions[1:]] == TURKISH_PATH
    assert transitions[0].comment == "7.1 letter arrived" and transitions[0].actor == people_a["officer"]
    assert transitions[-1].to_step is None
    opinions = transitions[5]
    assert sorted(d.kind for d in opinions.documents.all()) == ["legal_opinion", "student_affairs_opinion"]
    # the steps that send something produced their cover letter, filed with the agreement
    letters = {t.step.code for t in transitions if t.documents.filter(kind=DocumentKind.COVER_LETTER).exists()}
    assert letters == {"opinions_requested", "senate_submission", "partner_countersignature"}
    assert AuditEntry.objects.filter(action="agreement.step_completed").count() == len(TURKISH_PATH)
    assert AuditEntry.objects.filter(action="agreement.submitted").count() == 1


def test_office_admins_may_complete_any_step(in_kastamonu, draft_a, people_a):
    agreement = walk_to(draft_a, "senate_submission", people_a["admin"])

    agreement = complete_current(agreement, people_a["admin"])

    assert agreement.current_step.code == "senate_decision"


def test_a_wrong_role_is_refused_and_nothing_changes(in_kastamonu, draft_a, people_a):
    agreement = walk_to(draft_a, "senate_submission", people_a["admin"])
    before = Transition.objects.count()

    error = refused("wrong_role", lambda: complete_current(agreement, people_a["officer"]))

    assert status_of(error) == 403
    with translation.override("en"):
        assert "Coordinator" in str(refused("wrong_role", lambda: complete_current(agreement, people_a["viewer"])))
    assert fresh(in_kastamonu, agreement).current_step.code == "senate_submission"
    assert Transition.objects.count() == before
    assert not AgreementDocument.objects.filter(kind=DocumentKind.SENATE_FILE).exists()


def test_a_missing_document_is_refused_unless_already_attached(in_kastamonu, draft_a, people_a):
    officer = people_a["officer"]
    agreement = walk_to(draft_a, "opinions", officer)
    step = agreement.current_step

    only_one = {"legal_opinion": pdf()}
    error = refused("missing_documents", lambda: agreement_complete_step(
        agreement=agreement, step=step, acting_user=officer, uploads=only_one))

    assert set(error.fields) == {"student_affairs_opinion"}
    assert fresh(in_kastamonu, agreement).current_step == step
    assert not AgreementDocument.objects.filter(kind="legal_opinion").exists()  # the upload rolled back
    # a document of that kind already on the agreement counts
    AgreementDocument.objects.create(agreement=agreement, kind="student_affairs_opinion", title="Görüş")
    agreement = agreement_complete_step(agreement=agreement, step=step, acting_user=officer,
                                        uploads={"legal_opinion": pdf()})
    assert agreement.current_step.code == "senate_submission"


def test_an_upload_that_is_not_a_document_is_refused_on_its_field(in_kastamonu, draft_a, people_a):
    agreement = agreement_submit(agreement=draft_a, acting_user=people_a["officer"])
    script = SimpleUploadedFile("letter.pdf", b"#!/bin/sh\nrm -rf /\n")
    error = refused("file_type", lambda: agreement_complete_step(
        agreement=agreement, step=agreement.current_step, acting_user=people_a["officer"],
        uploads={"request_letter": script}))

    assert set(error.fields) == {"request_letter"}
    assert fresh(in_kastamonu, agreement).current_step.code == "request_received"


def test_recognition_missing_blocks_the_recognition_step(in_kastamonu, draft_a, people_a):
    officer = people_a["officer"]
    agreement = walk_to(draft_a, "yok_recognition", officer)
    partner = agreement.partners.get()
    partner.recognition = Recognition.ASKED_YOK
    partner.save()

    with translation.override("en"):
        error = refused("recognition_missing", lambda: complete_current(agreement, officer))

    assert "University of Vienna" in error.message
    assert fresh(in_kastamonu, agreement).current_step.code == "yok_recognition"
    partner.recognition = Recognition.RECOGNISED
    partner.save()
    assert complete_current(agreement, officer).current_step.code == "opinions_requested"


def test_skipping_a_step_that_may_not_be_skipped_is_refused(in_kastamonu, draft_a, people_a):
    officer = people_a["officer"]
    agreement = walk_to(draft_a, "info_note", officer)

    refused("not_skippable", lambda: agreement_skip_step(agreement=agreement, step=agreement.current_step,
                                                         acting_user=officer, comment="no time"))

    assert fresh(in_kastamonu, agreement).current_step.code == "info_note"
    assert not Transition.objects.filter(action="skipped").exists()


def test_a_skippable_step_is_skipped_with_a_comment_only(in_kastamonu, draft_a, people_a):
    officer = people_a["officer"]
    agreement = walk_to(draft_a, "filed_published", people_a["admin"])
    step = agreement.current_step

    refused("comment_required", lambda: agreement_skip_step(agreement=agreement, step=step, acting_user=officer,
                                                            comment="  "))
    agreement = agreement_skip_step(agreement=agreement, step=step, acting_user=officer, comment="Filed on paper")

    assert agreement.status == Agreement.Status.IN_FORCE and agreement.current_step is None
    skipped = Transition.objects.get(action="skipped")
    assert (skipped.step, skipped.comment) == (step, "Filed on paper")


def test_acting_on_another_step_than_the_current_is_refused(in_kastamonu, draft_a, people_a):
    officer = people_a["officer"]
    agreement = walk_to(draft_a, "info_note", officer)

    first, later = default_step(in_kastamonu, "request_received"), default_step(in_kastamonu, "opinions")
    refused("not_current_step", lambda: agreement_complete_step(
        agreement=agreement, step=first, acting_user=officer, uploads={"request_letter": pdf()}))
    refused("not_current_step", lambda: agreement_reject(agreement=agreement, step=later, acting_user=officer,
                                                         reason="late"))

    assert fresh(in_kastamonu, agreement).current_step.code == "info_note"


def test_rejecting_needs_a_reason_and_goes_back_one_step(in_kastamonu, draft_a, people_a):
    officer = people_a["officer"]
    agreement = walk_to(draft_a, "opinions", officer)
    step = agreement.current_step

    error = refused("reason_required", lambda: agreement_reject(agreement=agreement, step=step, acting_user=officer,
                                                                reason=""))
    assert "reason" in error.fields
    assert fresh(in_kastamonu, agreement).current_step == step

    agreement = agreement_reject(agreement=agreement, step=step, acting_user=officer, reason="Partner unclear")

    assert agreement.current_step.code == "opinions_requested"
    assert agreement.status == Agreement.Status.IN_APPROVAL
    sent_back = Transition.objects.get(action="rejected")
    assert (sent_back.step, sent_back.to_step.code, sent_back.comment) == (step, "opinions_requested",
                                                                           "Partner unclear")
    assert AuditEntry.objects.get(action="agreement.sent_back").details["reason"] == "Partner unclear"


def test_rejecting_back_to_a_chosen_earlier_step(in_kastamonu, draft_a, people_a):
    coordinator = people_a["coordinator"]
    agreement = walk_to(draft_a, "senate_decision", people_a["admin"])
    step = agreement.current_step

    later, earlier = default_step(in_kastamonu, "rector_signature"), default_step(in_kastamonu, "opinions")
    refused("invalid_target_step", lambda: agreement_reject(
        agreement=agreement, step=step, acting_user=coordinator, reason="x", to_step=later))
    agreement = agreement_reject(agreement=agreement, step=step, acting_user=coordinator,
                                 reason="The Senate wants the opinions again", to_step=earlier)

    assert agreement.current_step.code == "opinions"


def test_rejecting_at_the_first_step_rejects_the_agreement_which_may_be_submitted_again(in_kastamonu, draft_a,
                                                                                       people_a):
    officer = people_a["officer"]
    agreement = agreement_submit(agreement=draft_a, acting_user=officer)

    agreement = agreement_reject(agreement=agreement, step=agreement.current_step, acting_user=officer,
                                 reason="We do not work with this partner")

    assert (agreement.status, agreement.current_step) == (Agreement.Status.REJECTED, None)
    again = agreement_submit(agreement=agreement, acting_user=officer)
    assert (again.status, again.current_step.code) == (Agreement.Status.IN_APPROVAL, "request_received")


def test_only_drafts_are_submitted_and_only_with_a_workflow(in_kastamonu, draft_a, people_a):
    officer = people_a["officer"]
    agreement = agreement_submit(agreement=draft_a, acting_user=officer)

    refused("not_a_draft", lambda: agreement_submit(agreement=agreement, acting_user=officer))
    Agreement.objects.filter(pk=agreement.pk).update(status="draft", workflow=None, current_step=None)
    Transition.objects.all().delete()
    WorkflowStep.objects.all().delete()
    refused("no_workflow", lambda: agreement_submit(agreement=agreement, acting_user=officer))


# Editing the workflow ---------------------------------------------------------------------------

def test_office_admins_add_rename_reorder_and_configure_steps(in_kastamonu, workflow_a, people_a):
    admin = people_a["admin"]

    added = workflow_step_add(
        workflow=workflow_a, acting_user=admin, position=2, role="coordinator",
        names={"tr": "Dekan görüşü", "ky": "Декандын пикири", "ru": "Мнение декана", "en": "Dean's opinion"},
        required_documents=["other"], skippable=True, reminder_days=5,
    )
    assert (added.code, added.position) == ("deans-opinion", 2)
    assert list(workflow_a.steps.values_list("code", flat=True))[:3] == ["request_received", "deans-opinion",
                                                                         "info_note"]

    workflow_step_update(step=added, acting_user=admin, names={"en": "Opinion of the dean"},
                         produced_documents=["other"], sends_letter=True, checks_recognition=True,
                         puts_in_force=False, clause="7.6")
    added.refresh_from_db()
    assert (added.name_en, added.name_tr, added.produced_documents, added.sends_letter, added.clause) == (
        "Opinion of the dean", "Dekan görüşü", ["other"], True, "7.6")

    workflow_step_move(step=added, position=10, acting_user=admin)
    codes = list(workflow_a.steps.values_list("code", flat=True))
    assert codes[9] == "deans-opinion" and len(codes) == len(TURKISH_PATH) + 1
    assert list(workflow_a.steps.values_list("position", flat=True)) == list(range(1, len(TURKISH_PATH) + 2))
    assert {"workflow.step_added", "workflow.step_updated", "workflow.step_moved"} <= set(
        AuditEntry.objects.values_list("action", flat=True))


def test_bad_step_settings_are_refused(in_kastamonu, workflow_a, people_a):
    admin = people_a["admin"]
    step = workflow_a.steps.get(code="info_note")

    refused("invalid_role", lambda: workflow_step_update(step=step, acting_user=admin, role="unit_staff"))
    step.refresh_from_db()
    refused("invalid_document_kind", lambda: workflow_step_update(step=step, acting_user=admin,
                                                                  required_documents=["passport"]))
    refused("name_required", lambda: workflow_step_add(workflow=workflow_a, acting_user=admin,
                                                       names={"tr": " ", "en": ""}))

    step.refresh_from_db()
    assert step.role == "officer" and step.required_documents == []
    assert workflow_a.steps.count() == len(TURKISH_PATH)


def test_a_step_is_removed_only_while_no_agreement_waits_at_it_or_went_through_it(in_kastamonu, draft_a, people_a):
    admin = people_a["admin"]
    agreement = agreement_submit(agreement=draft_a, acting_user=admin)

    refused("step_in_use", lambda: workflow_step_remove(step=agreement.current_step, acting_user=admin))
    complete_current(agreement, admin)
    passed = default_step(in_kastamonu, "request_received")
    refused("step_has_history", lambda: workflow_step_remove(step=passed, acting_user=admin))

    workflow_step_remove(step=default_step(in_kastamonu, "senate_decision"), acting_user=admin)

    steps = list(WorkflowStep.objects.filter(workflow__is_default=True))
    assert "senate_decision" not in [step.code for step in steps]
    assert [step.position for step in steps] == list(range(1, len(TURKISH_PATH)))
    assert AuditEntry.objects.filter(action="workflow.step_removed").count() == 1
