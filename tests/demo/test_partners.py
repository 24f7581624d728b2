"""The demo's partners and agreements: written through the services, in several workflow states, once."""

from datetime import timedelta

import pytest
from django.db.models import Count
from django.utils import timezone
from django_tenants.utils import tenant_context

from core.agreements.models import Agreement, AgreementRequest, Transition
from core.audit.models import AuditEntry
from core.documents.models import GeneratedDocument
from core.partners.models import Partner, Recognition
from demo.partners import demo_partners_ensure
from demo.universities import UNIVERSITIES, demo_university_ensure

SPECS = {spec["slug"]: spec for spec in UNIVERSITIES}


def _counts() -> tuple:
    return tuple(model.objects.count() for model in (Partner, Agreement, Transition, AgreementRequest,
                                                     GeneratedDocument, AuditEntry))


def _statuses() -> dict[str, int]:
    rows = Agreement.objects.order_by().values("status").annotate(count=Count("id"))
    return {row["status"]: row["count"] for row in rows}


def test_a_turkish_university_gets_partners_and_agreements_in_several_states_once(
    demo_mode, university_a, admin_a, client_a,
):
    # when
    demo_university_ensure(SPECS["kastamonu"])

    # then
    with tenant_context(university_a):
        assert Partner.objects.count() == 8
        vienna = Partner.objects.get(erasmus_code="A  WIEN01")
        assert (vienna.name_tr, vienna.name_en, vienna.recognition) == (
            "Viyana Üniversitesi", "University of Vienna", Recognition.RECOGNISED)
        assert vienna.rankings.count() == 2 and vienna.contacts.count() == 1
        assert (vienna.city_tr, vienna.city_ky, vienna.city_ru, vienna.city_en) == ("Viyana", "Вена", "Вена", "Vienna")
        assert vienna.contacts.get().position_en == "Erasmus+ institutional coordinator"
        assert set(Partner.objects.values_list("recognition", flat=True)) == {
            Recognition.RECOGNISED, Recognition.ASKED_YOK, Recognition.UNCHECKED}
        assert all(Agreement.objects.values_list("title_tr", flat=True))
        assert _statuses() == {"in_force": 3, "in_approval": 3, "draft": 1, "rejected": 1}
        waiting = set(Agreement.objects.filter(status="in_approval").values_list("current_step__code", flat=True))
        assert {"yok_recognition", "senate_decision"} <= waiting
        in_force = Agreement.objects.filter(status="in_force")
        assert all(agreement.published and agreement.current_step_id is None for agreement in in_force)
        assert in_force.filter(ends_on__lte=timezone.localdate() + timedelta(days=90)).exists()
        assert Transition.objects.filter(action="rejected").exclude(comment="").count() == 2
        assert GeneratedDocument.objects.filter(kind="cover_letter", language="tr").exists()
        forwarded = AgreementRequest.objects.get()
        assert (forwarded.status, forwarded.unit.name_en) == ("forwarded", "Department of Computer Engineering")

    public = client_a.get("/partners/public/")
    assert "Viyana Üniversitesi" in public.content.decode()
    assert "Coimbra" not in public.content.decode()  # still at the Senate

    # a second run writes nothing
    with tenant_context(university_a):
        before = _counts()
    demo_university_ensure(SPECS["kastamonu"])
    with tenant_context(university_a):
        assert _counts() == before
        assert demo_partners_ensure(university=university_a, acting_user=admin_a) is False


def test_osh_gets_its_own_partners_in_kyrgyz_through_its_kyrgyz_workflow(demo_mode, university_b):
    demo_university_ensure(SPECS["osh"])

    with tenant_context(university_b):
        assert Partner.objects.get(erasmus_code="TR KASTAMO01").name_ky == "Кастамону университети"
        assert all(Agreement.objects.values_list("title_ky", flat=True))
        assert all(Agreement.objects.values_list("title_ru", flat=True))
        assert _statuses() == {"in_force": 3, "in_approval": 2, "draft": 1, "rejected": 1}
        waiting = set(Agreement.objects.filter(status="in_approval").values_list("current_step__code", flat=True))
        assert waiting == {"vice_rector", "legal_department"}
        assert GeneratedDocument.objects.filter(kind="cover_letter", language="ky").exists()


def test_demo_partners_are_refused_outside_demo_mode(university_a, admin_a):
    with tenant_context(university_a), pytest.raises(RuntimeError, match="KOPRU_DEMO"):
        demo_partners_ensure(university=university_a, acting_user=admin_a)
    with tenant_context(university_a):
        assert not Partner.objects.exists()
