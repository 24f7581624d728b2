"""The university's home: what waits for the person signed in, on the page and at GET /api/home/."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import schema_context

from core.agreements.models import Agreement, AgreementRequest, WorkflowStep
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.office.models import Role
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api, sign_in
from tests.factories.agreements import AgreementFactory
from tests.factories.office import AcademicUnitFactory
from tests.factories.translated import in_four_languages

pytestmark = pytest.mark.django_db


def titled(text: str) -> dict:
    return in_four_languages(f"{text} (tr)", f"{text} (ky)", f"{text} (ru)", text)


def waiting_at(code: str, *, days: int, title: str, **fields) -> Agreement:
    """An agreement in approval that reached the default workflow's step `code` `days` days ago."""
    step = WorkflowStep.objects.get(workflow__is_default=True, code=code)
    return AgreementFactory(status=Agreement.Status.IN_APPROVAL, workflow=step.workflow, current_step=step,
                            step_since=timezone.now() - timedelta(days=days), titles=titled(title), **fields)


def expiring_in(days: int, *, title: str, **fields) -> Agreement:
    return AgreementFactory(ends_on=timezone.localdate() + timedelta(days=days), titles=titled(title), **fields)


def request_under(agreement: Agreement, subject: str, status=AgreementRequest.Status.REGISTERED, unit=None):
    return AgreementRequest.objects.create(agreement=agreement, received_on=timezone.localdate() - timedelta(days=3),
                                           sender="Viyana Üniversitesi", subject=subject, status=status, unit=unit)


@pytest.fixture
def officer(university_a):
    return make_office_user(university_a, username="memur", role=Role.OFFICER, language="en")


def home_of(client, university, user):
    return sign_in(client, university, user).get("/")


def test_an_officer_sees_the_work_waiting_for_their_role(client_a, university_a, admin_a, workflow_a, officer):
    # given
    with schema_context(university_a.schema_name):
        mine = waiting_at("request_received", days=5, title="Protocol with Vienna")
        waiting_at("senate_submission", days=2, title="Protocol for the Senate")  # the coordinator's step
        soon = expiring_in(20, title="Protocol with Warsaw")
        expiring_in(400, title="Protocol with Riga")  # beyond the largest threshold (180 days)
        request_under(soon, "Two students for the spring")
        audit_record(actor=admin_a, action=AuditAction.AGREEMENT_CREATED, target=mine)

    # when
    response = home_of(client_a, university_a, officer)

    # then
    queue = response.context["queue"]
    assert [(item["title"], item["step"], item["waited_days"]) for item in queue.waiting_steps.items] == [
        ("Protocol with Vienna", "Request received", 5)]
    assert queue.waiting_steps.items[0]["link"] == f"/agreements/{mine.pk}/"
    assert [(item["title"], item["days_left"]) for item in queue.expiring.items] == [("Protocol with Warsaw", 20)]
    assert [item["subject"] for item in queue.requests.items] == ["Two students for the spring"]
    counts = {row["status"]: (row["count"], row["link"]) for row in queue.status_counts}
    assert counts["in_approval"] == (2, "/agreements/?status=in_approval")
    assert counts["in_force"] == (2, "/agreements/?status=in_force")
    assert counts["draft"] == (0, "/agreements/?status=draft")
    assert [(entry["action_label"], entry["target_label"]) for entry in queue.activity] == [
        ("Agreement created", "Protocol with Vienna")]
    page = response.content.decode()
    assert "Protocol with Vienna" in page and "5 days" in page and "Protocol for the Senate" not in page
    assert "Protocol with Warsaw" in page and "in 20 days" in page and "Protocol with Riga" not in page
    assert 'href="/agreements/?status=in_approval"' in page
    assert "Nothing waits for you" not in page


def test_the_activity_feed_names_records_in_the_readers_language(client_a, university_a, admin_a, workflow_a):
    reader = make_office_user(university_a, username="okuyucu", role=Role.OFFICER, language="tr")
    with schema_context(university_a.schema_name):
        audit_record(actor=admin_a, action=AuditAction.AGREEMENT_CREATED,
                     target=AgreementFactory(titles=titled("Protocol with Vienna")))

    queue = home_of(client_a, university_a, reader).context["queue"]

    assert [entry["target_label"] for entry in queue.activity] == ["Protocol with Vienna (tr)"]


def test_unit_staff_see_only_their_units_agreements(client_a, university_a, admin_a, workflow_a):
    with schema_context(university_a.schema_name):
        forestry = AcademicUnitFactory(names={"en": "Faculty of Forestry"})
        medicine = AcademicUnitFactory(names={"en": "Faculty of Medicine"})
        ours = expiring_in(30, title="Forestry exchange")
        ours.units.set([forestry])
        theirs = expiring_in(30, title="Medicine exchange")
        theirs.units.set([medicine])
        request_under(ours, "Forestry question", AgreementRequest.Status.FORWARDED, unit=forestry)
        request_under(theirs, "Medicine question", AgreementRequest.Status.FORWARDED, unit=medicine)
        audit_record(actor=admin_a, action=AuditAction.AGREEMENT_CREATED, target=theirs)
        audit_record(actor=admin_a, action=AuditAction.AGREEMENT_CREATED, target=ours)
        audit_record(actor=admin_a, action=AuditAction.PARTNER_CREATED)  # the office's own business
    staff = make_office_user(university_a, username="orman", role=Role.UNIT_STAFF, academic_unit=forestry,
                             language="en")

    response = home_of(client_a, university_a, staff)

    queue = response.context["queue"]
    assert [item["title"] for item in queue.expiring.items] == ["Forestry exchange"]
    assert [item["subject"] for item in queue.requests.items] == ["Forestry question"]
    assert {row["status"]: row["count"] for row in queue.status_counts}["in_force"] == 1
    assert [entry["target_label"] for entry in queue.activity] == ["Forestry exchange"]
    assert "Medicine" not in response.content.decode()


def test_with_nothing_waiting_the_page_says_what_to_do_next(client_a, university_a, workflow_a, officer):
    page = home_of(client_a, university_a, officer).content.decode()

    assert "Nothing waits for you" in page
    assert 'href="/agreements/new/"' in page  # an officer may start one


def test_a_viewer_with_nothing_waiting_is_not_offered_to_start_an_agreement(client_a, university_a, workflow_a):
    viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER, language="en")

    page = home_of(client_a, university_a, viewer).content.decode()

    assert "Nothing waits for you" in page
    assert 'href="/agreements/new/"' not in page


def test_the_page_reads_a_fixed_number_of_queries_whatever_the_data(client_a, university_a, admin_a, workflow_a,
                                                                     officer):
    client = sign_in(client_a, university_a, officer)
    client.get("/")  # the session's first page writes what later pages only read
    counts = {}
    for size in (1, 15):
        with schema_context(university_a.schema_name):
            for number in range(size):
                waiting = waiting_at("request_received", days=number, title=f"Waiting {size}-{number}")
                soon = expiring_in(number + 1, title=f"Expiring {size}-{number}")
                request_under(soon, f"Request {size}-{number}")
                audit_record(actor=admin_a, action=AuditAction.AGREEMENT_CREATED, target=waiting)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/")
        assert response.status_code == 200
        counts[size] = len(queries)

    assert counts[1] == counts[15]


def test_the_api_answers_the_same_work_queue(university_a, workflow_a, officer):
    with schema_context(university_a.schema_name):
        mine = waiting_at("request_received", days=4, title="Protocol with Vienna")

    body = api(university_a, officer).get("/api/home/", HTTP_ACCEPT_LANGUAGE="en").json()

    assert body["waiting_steps"]["total"] == 1
    item = body["waiting_steps"]["items"][0]
    assert (item["agreement_id"], item["waited_days"], item["link"]) == (mine.pk, 4, f"/agreements/{mine.pk}/")
    assert {row["status"]: row["count"] for row in body["status_counts"]}["in_approval"] == 1
    assert body["may_create_agreement"] is True


def test_the_api_never_answers_another_universitys_work(client_a, university_a, university_b, admin_b, workflow_a,
                                                        officer):
    with schema_context(university_a.schema_name):
        waiting_at("request_received", days=4, title="Protocol with Vienna")
    osh = api(university_b, admin_b)

    across = osh.get("/api/home/", HTTP_HOST=host_of(university_a))
    at_home = osh.get("/api/home/")

    assert across.status_code in (401, 403, 404)
    assert "Vienna" not in across.content.decode()
    assert at_home.status_code == 200
    assert at_home.json()["waiting_steps"]["total"] == 0
    assert sum(row["count"] for row in at_home.json()["status_counts"]) == 0
    assert client_a.get("/api/home/").status_code in (401, 403)  # nobody signed in
