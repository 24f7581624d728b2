"""A workflow step that becomes someone's to do tells them, in their language, and nobody else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context, tenant_context

from core.agreements.models import Agreement
from core.agreements.workflow.services import agreement_complete_step, agreement_reject, agreement_submit
from core.notifications.models import Notification
from core.office.models import Role
from tests.conftest import make_office_user
from tests.core.accounts.helpers import sign_in
from tests.core.agreements.workflow_helpers import default_step, pdf
from tests.factories.agreements import AgreementFactory
from tests.factories.translated import in_four_languages

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(university_a, workflow_a):
    with schema_context(university_a.schema_name):
        return AgreementFactory(status=Agreement.Status.DRAFT, titles=in_four_languages(
            "Viyana protokolü", "Вена келишими", "Протокол с Веной", "Protocol with Vienna"))


def told(university, user) -> list[Notification]:
    with schema_context(university.schema_name):
        return list(Notification.objects.filter(recipient=user))


def test_each_holder_of_the_steps_role_is_told_once_in_their_language(university_a, people_a, draft):
    # given: a second officer who reads Russian; the first reads the university's Turkish
    russian = make_office_user(university_a, username="ivan", role=Role.OFFICER, language="ru")

    # when: the first step (7.1–7.2) is an officer's
    with tenant_context(university_a):
        agreement_submit(agreement=draft, acting_user=people_a["admin"])

    # then
    [turkish_note] = told(university_a, people_a["officer"])
    [russian_note] = told(university_a, russian)
    assert "Viyana protokolü" in turkish_note.title and "Talep alındı" in turkish_note.title
    assert "Протокол с Веной" in russian_note.title and "Запрос получен" in russian_note.title
    assert turkish_note.link == russian_note.link == f"/agreements/{draft.pk}/"
    assert turkish_note.read_at is None
    for other in ("admin", "coordinator", "viewer"):
        assert told(university_a, people_a[other]) == []


def test_completing_and_sending_back_tell_the_next_steps_holders(university_a, people_a, draft):
    officer, coordinator = people_a["officer"], people_a["coordinator"]
    with tenant_context(university_a):
        agreement_submit(agreement=draft, acting_user=people_a["admin"])
        # the officer completes 7.1–7.2; 7.4 is again an officer's step, and the officer is not told what they did
        agreement_complete_step(agreement=draft, step=default_step(university_a, "request_received"),
                                acting_user=officer, uploads={"request_letter": pdf()})
        assert len(told(university_a, officer)) == 1
        # the admin sends it back to 7.1–7.2: the officer's again
        agreement_reject(agreement=draft, step=default_step(university_a, "info_note"),
                         acting_user=people_a["admin"], reason="The letter is unsigned.")

    assert len(told(university_a, officer)) == 2
    assert told(university_a, coordinator) == []


def test_telling_many_holders_takes_no_more_queries_than_telling_one(university_a, people_a, workflow_a):
    counts = {}
    for holders in (1, 6):
        for number in range(holders - 1):
            make_office_user(university_a, username=f"officer{holders}-{number}", role=Role.OFFICER)
        with tenant_context(university_a):
            agreement = AgreementFactory(status=Agreement.Status.DRAFT)
            with CaptureQueriesContext(connection) as queries:
                agreement_submit(agreement=agreement, acting_user=people_a["admin"])
            assert Notification.objects.filter(link=f"/agreements/{agreement.pk}/").count() == holders
        counts[holders] = len(queries)

    assert counts[1] == counts[6]


def test_the_new_to_do_shows_on_the_holders_home_page(client_a, university_a, people_a, draft):
    with tenant_context(university_a):
        agreement_submit(agreement=draft, acting_user=people_a["admin"])

    queue = sign_in(client_a, university_a, people_a["officer"]).get("/").context["queue"]

    assert [item["agreement_id"] for item in queue.waiting_steps.items] == [draft.pk]
    assert queue.unread_notifications.total == 1
    assert queue.unread_notifications.items[0]["link"] == f"/agreements/{draft.pk}/"
