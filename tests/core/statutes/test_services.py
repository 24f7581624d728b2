"""The rules of statutes: drafts only change while drafts, one revision in force, dates that prove which."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django_tenants.utils import tenant_context

from core.agreements.models import WorkflowStep
from core.audit.models import AuditEntry
from core.statutes.models import Clause, Revision, Statute
from core.statutes.selectors import clause_tree, flatten, revision_in_force_on, revision_table
from core.statutes.services import (
    clause_add,
    clause_delete,
    clause_move,
    clause_set_links,
    clause_update,
    revision_approve,
    revision_return,
    revision_start,
    revision_submit,
    statute_create,
    statute_update,
)
from kopru.errors import ServiceError
from kopru.statuses import status_of


def outline(revision) -> list[tuple[int, str]]:
    return [(node.depth, node.clause.number) for node in flatten(clause_tree(revision))]


def positions(revision) -> list[int]:
    return list(revision.clauses.order_by("position").values_list("position", flat=True))


def test_a_new_statute_starts_with_a_draft_revision_00(university_a, people_a):
    with tenant_context(university_a):
        statute = statute_create(kind="procedure", titles={"tr": "Prosedür", "en": ""}, acting_user=people_a["admin"],
                                 document_number=" KYS-PR-001 ", agreed_by=[{"name": "Rektör Yardımcısı"},
                                                                             {"name": " "}])

        revision = statute.revisions.get()
        assert (revision.number, revision.status) == (0, Revision.Status.DRAFT)
        assert (statute.title_tr, statute.title_en, statute.document_number) == ("Prosedür", None, "KYS-PR-001")
        assert [row.name for row in statute.agreed_by.all()] == ["Rektör Yardımcısı"]
        assert AuditEntry.objects.filter(action="statute.created", target_id=str(statute.pk)).exists()


def test_a_statute_needs_a_title_and_a_valid_kind(university_a, people_a):
    with tenant_context(university_a):
        with pytest.raises(ServiceError) as no_title:
            statute_create(kind="statute", titles={"tr": " "}, acting_user=people_a["admin"])
        with pytest.raises(ServiceError) as bad_kind:
            statute_create(kind="poem", titles={"tr": "Şiir"}, acting_user=people_a["admin"])

        assert (no_title.value.code, list(no_title.value.fields)) == ("title_required", ["title"])
        assert bad_kind.value.code == "invalid_kind"
        assert not Statute.objects.exists()


def test_document_control_changes_only_what_is_given(draft_statute_a, university_a, people_a):
    with tenant_context(university_a):
        statute_update(statute=draft_statute_a, acting_user=people_a["admin"], document_number="KYS-GT-432",
                       job={"deputy": {"en": "Deputy coordinator"}}, approved_by_title={"en": "Secretary General"},
                       agreed_by=[{"name": "A", "title": {"tr": "B", "ky": "Б"}}])
        statute = Statute.objects.get(pk=draft_statute_a.pk)

        assert (statute.document_number, statute.deputy_en, statute.position_tr) == (
            "KYS-GT-432", "Deputy coordinator", "Uluslararası İşbirlikleri Sorumlusu")
        assert (statute.approved_by_title_tr, statute.approved_by_title_en) == ("Genel Sekreter", "Secretary General")
        assert statute.prepared_by_title_tr == "Ofis Koordinatörü"
        assert [(row.name, row.title_tr, row.title_ky, row.title_ru) for row in statute.agreed_by.all()] == [
            ("A", "B", "Б", None)]


def test_clauses_keep_contiguous_positions_in_document_order(draft_statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        revision = draft_statute_a.revisions.get()
        section = revision.clauses.get(number="7.")
        # given: a second section before the first, and a clause inserted in the middle of 7.
        first = clause_add(revision=revision, kind="section", number="6.", texts={"tr": "İŞ GEREKLERİ"},
                           index=0, acting_user=admin)
        clause_add(revision=revision, parent=first, number="·", texts={"tr": "Lisans diploması"}, acting_user=admin)
        clause_add(revision=revision, parent=section, number="7.5a", texts={"tr": "Ek"}, index=2, acting_user=admin)

        assert outline(revision) == [(0, "6."), (1, "·"), (0, "7."), (1, "7.4"), (1, "7.5"), (1, "7.5a"),
                                     (1, "7.6"), (1, "7.16"), (1, "7.16")]
        assert positions(revision) == list(range(1, 10))

        # when: a clause moves to the other section, and a section with its clauses goes
        clause_move(clause=revision.clauses.get(number="7.5a"), parent=first, index=0, acting_user=admin)
        clause_delete(clause=revision.clauses.get(number="7."), acting_user=admin)

        assert outline(revision) == [(0, "6."), (1, "7.5a"), (1, "·")]
        assert positions(revision) == [1, 2, 3]


def test_a_clause_cannot_move_inside_itself_or_to_another_revision(draft_statute_a, statute_a, university_a,
                                                                    people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        revision = draft_statute_a.revisions.get()
        section = revision.clauses.get(number="7.")
        child = revision.clauses.get(number="7.4")
        foreign = statute_a.revisions.get().clauses.first()

        with pytest.raises(ServiceError) as inside:
            clause_move(clause=section, parent=child, index=0, acting_user=admin)
        with pytest.raises(ServiceError) as elsewhere:
            clause_add(revision=revision, parent=foreign, texts={"tr": "x"}, acting_user=admin)

        assert inside.value.code == elsewhere.value.code == "invalid_parent"
        assert Clause.objects.get(pk=section.pk).parent_id is None


def test_clause_texts_are_edited_per_language_and_need_one(draft_statute_a, university_a, people_a):
    with tenant_context(university_a):
        clause = draft_statute_a.revisions.get().clauses.get(number="7.4")
        clause_update(clause=clause, number="7.4.", texts={"ru": "Готовить справку;"}, acting_user=people_a["admin"])
        with pytest.raises(ServiceError) as empty:
            clause_update(clause=clause, texts={"tr": "", "en": "", "ru": ""}, acting_user=people_a["admin"])
        clause = Clause.objects.get(pk=clause.pk)

        assert (clause.number, clause.text_ru, clause.text_tr) == ("7.4.", "Готовить справку;",
                                                                   "Bilgi notu hazırlamak;")
        assert empty.value.code == "text_required"


def test_only_drafts_can_be_edited(statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        revision = statute_a.revisions.get()
        clause = revision.clauses.get(number="7.4")
        refusals = []
        for write in (
            lambda: clause_add(revision=revision, texts={"tr": "Yeni"}, acting_user=admin),
            lambda: clause_update(clause=clause, texts={"tr": "Değişti"}, acting_user=admin),
            lambda: clause_move(clause=clause, parent=None, index=0, acting_user=admin),
            lambda: clause_delete(clause=clause, acting_user=admin),
        ):
            with pytest.raises(ServiceError) as refused:
                write()
            refusals.append((refused.value.code, status_of(refused.value)))

        assert refusals == [("not_a_draft", 409)] * 4
        assert Clause.objects.get(pk=clause.pk).text_tr == "Bilgi notu hazırlamak;"


def test_in_approval_waits_for_a_decision(draft_statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        revision = revision_submit(revision=draft_statute_a.revisions.get(), acting_user=admin)
        with pytest.raises(ServiceError):
            clause_add(revision=revision, texts={"tr": "Yeni"}, acting_user=admin)
        with pytest.raises(ServiceError) as no_reason:
            revision_return(revision=revision, reason=" ", acting_user=admin)
        returned = revision_return(revision=revision, reason="7.6 eksik", acting_user=admin)

        assert no_reason.value.code == "reason_required"
        assert returned.status == Revision.Status.DRAFT
        entry = AuditEntry.objects.get(action="statute.revision_returned")
        assert entry.details == {"reason": "7.6 eksik"}


def test_an_empty_draft_is_not_sent_for_approval(university_a, people_a):
    with tenant_context(university_a):
        statute = statute_create(kind="other", titles={"en": "Empty"}, acting_user=people_a["admin"])
        with pytest.raises(ServiceError) as refused:
            revision_submit(revision=statute.revisions.get(), acting_user=people_a["admin"])

        assert refused.value.code == "empty_revision"


def test_approval_supersedes_the_previous_revision_the_day_before(statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        first = statute_a.revisions.get()
        second = revision_start(statute=statute_a, descriptions={"tr": "Görev tanımı revize edilmiştir."},
                                acting_user=admin)
        revision_submit(revision=second, acting_user=admin)
        with pytest.raises(ServiceError) as too_early:
            revision_approve(revision=second, in_force_from=date(2014, 9, 1), acting_user=admin)
        revision_approve(revision=second, in_force_from=date(2015, 12, 8), acting_user=admin)
        first.refresh_from_db()
        second.refresh_from_db()

        assert too_early.value.code == "date_too_early"
        assert (first.status, first.in_force_from, first.in_force_until) == (
            Revision.Status.SUPERSEDED, date(2014, 9, 1), date(2015, 12, 7))
        assert (second.number, second.status, second.in_force_from, second.revised_on) == (
            1, Revision.Status.IN_FORCE, date(2015, 12, 8), date(2015, 12, 8))
        assert Statute.objects.get(pk=statute_a.pk).first_published_on == date(2014, 9, 1)
        assert [(row.number, row.date, row.description) for row in revision_table(Statute.objects.get(
            pk=statute_a.pk))] == [(0, date(2014, 9, 1), ""), (1, date(2015, 12, 8), "Görev tanımı revize edilmiştir.")]


def test_the_database_refuses_two_revisions_in_force(statute_a, university_a):
    with tenant_context(university_a), pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(statute=statute_a, number=5, status=Revision.Status.IN_FORCE)


def test_only_a_revision_in_approval_is_approved(draft_statute_a, university_a, people_a):
    with tenant_context(university_a):
        with pytest.raises(ServiceError) as refused:
            revision_approve(revision=draft_statute_a.revisions.get(), in_force_from=date(2024, 1, 1),
                             acting_user=people_a["admin"])

        assert (refused.value.code, status_of(refused.value)) == ("wrong_status", 409)


def test_a_new_revision_copies_the_tree_texts_roles_and_step_links(statute_a, workflow_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        old = statute_a.revisions.get()
        opinions = WorkflowStep.objects.get(code="opinions")
        clause_set_links(clause=old.clauses.get(number="7.6"), roles=["officer"], workflow_steps=[opinions],
                         acting_user=admin)

        new = revision_start(statute=statute_a, descriptions={"en": "Duties revised"}, acting_user=admin)

        assert outline(new) == outline(old)
        copied = new.clauses.get(number="7.6")
        assert (copied.text_tr, copied.text_en, copied.roles) == (old.clauses.get(number="7.6").text_tr,
                                                                 "Send the draft protocol to Legal Counsel and "
                                                                 "Student Affairs for their opinions;", ["officer"])
        assert list(copied.workflow_steps.all()) == [opinions]
        assert copied.parent.number == "7." and copied.parent.revision_id == new.pk
        assert (new.number, new.status, new.description_en) == (1, Revision.Status.DRAFT, "Duties revised")
        assert old.clauses.count() == new.clauses.count() == 6


def test_a_new_revision_needs_a_description_and_one_at_a_time(statute_a, draft_statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        with pytest.raises(ServiceError) as no_description:
            revision_start(statute=statute_a, descriptions={"tr": "", "en": " "}, acting_user=admin)
        revision_start(statute=statute_a, descriptions={"tr": "Revize"}, acting_user=admin)
        with pytest.raises(ServiceError) as second_open:
            revision_start(statute=statute_a, descriptions={"tr": "Yine"}, acting_user=admin)
        with pytest.raises(ServiceError) as still_a_draft:
            revision_start(statute=draft_statute_a, descriptions={"tr": "Yine"}, acting_user=admin)

        assert (no_description.value.code, list(no_description.value.fields)) == ("description_required",
                                                                                   ["description"])
        assert second_open.value.code == "revision_open"
        assert still_a_draft.value.code == "revision_open"
        assert statute_a.revisions.count() == 2


def test_the_revision_in_force_on_a_date(statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        second = revision_start(statute=statute_a, descriptions={"tr": "Revize"}, acting_user=admin)
        revision_submit(revision=second, acting_user=admin)
        revision_approve(revision=second, in_force_from=date(2021, 10, 15), acting_user=admin)
        third = revision_start(statute=statute_a, descriptions={"tr": "Yine"}, acting_user=admin)

        def on(day):
            found = revision_in_force_on(statute_a, day)
            return found.number if found else None

        assert on(date(2014, 8, 31)) is None
        assert on(date(2014, 9, 1)) == 0
        assert on(date(2021, 10, 14)) == 0
        assert on(date(2021, 10, 15)) == 1
        assert on(date(2099, 1, 1)) == 1
        assert third.status == Revision.Status.DRAFT


def test_links_are_refused_on_history_and_on_unknown_roles(statute_a, university_a, people_a):
    admin = people_a["admin"]
    with tenant_context(university_a):
        clause = statute_a.revisions.get().clauses.get(number="7.6")
        with pytest.raises(ServiceError) as bad_role:
            clause_set_links(clause=clause, roles=["rector"], workflow_steps=[], acting_user=admin)
        second = revision_start(statute=statute_a, descriptions={"tr": "Revize"}, acting_user=admin)
        revision_submit(revision=second, acting_user=admin)
        with pytest.raises(ServiceError) as in_approval:
            clause_set_links(clause=second.clauses.get(number="7.6"), roles=[], workflow_steps=[], acting_user=admin)

        assert bad_role.value.code == "invalid_role"
        assert in_approval.value.code == "not_linkable"
