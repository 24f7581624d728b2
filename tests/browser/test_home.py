"""In a real browser: an officer opens the office and finds their work waiting, with the way to each piece of it.

On a university of its own ("anasayfa"), in English, so the session's universities stay as the other tests expect.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context
from playwright.sync_api import expect

from core.agreements.models import Agreement, WorkflowStep
from core.agreements.workflow.services import workflow_seed_default
from core.office.models import Role
from tests.browser.conftest import throwaway_university
from tests.browser.helpers import url
from tests.conftest import make_office_user
from tests.factories.accounts import PASSWORD
from tests.factories.agreements import AgreementFactory
from tests.factories.translated import in_four_languages

pytestmark = pytest.mark.django_db

USERNAME = "memur"


@pytest.fixture(scope="module")
def office(django_db_setup, django_db_blocker):
    """An officer with an agreement waiting at their step for three days and another expiring in ten."""
    with django_db_blocker.unblock(), throwaway_university(
        slug="anasayfa", name="Anasayfa Üniversitesi", country="TR", language="tr", languages=["tr", "en"],
    ) as university:
        with schema_context(university.schema_name):
            workflow = workflow_seed_default(country="TR")
            step = WorkflowStep.objects.get(workflow=workflow, code="request_received")
            AgreementFactory(status=Agreement.Status.IN_APPROVAL, workflow=workflow, current_step=step,
                             step_since=timezone.now() - timedelta(days=3),
                             titles=in_four_languages("Viyana protokolü", "Вена", "Вена", "Protocol with Vienna"))
            AgreementFactory(ends_on=timezone.localdate() + timedelta(days=10),
                             titles=in_four_languages("Varşova protokolü", "Варшава", "Варшава",
                                                      "Protocol with Warsaw"))
        make_office_user(university, username=USERNAME, role=Role.OFFICER, language="en")
        yield university


def test_an_officer_finds_the_work_waiting_on_the_home_page(page, server_port, office):
    # given: signed in, reading English
    page.context.add_cookies([{"name": "kopru_language", "value": "en", "url": url(server_port, office)}])
    page.goto(url(server_port, office, "/accounts/login/"))
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(url(server_port, office))

    # then: the step waiting for the officer's role, with how long it has waited, and the expiring agreement
    waiting = page.locator("section", has=page.get_by_role("heading", name="Workflow steps waiting for you"))
    expect(waiting.get_by_role("row", name="Protocol with Vienna")).to_contain_text("3 days")
    expiring = page.locator("section", has=page.get_by_role("heading", name="Agreements expiring soon"))
    expect(expiring.get_by_role("row", name="Protocol with Warsaw")).to_contain_text("in 10 days")

    # when: the count of agreements in approval is followed
    counts = page.locator("section", has=page.get_by_role("heading", name="Agreements by status"))
    counts.get_by_role("link", name="In approval").click()

    # then: the list shows them, filtered
    page.wait_for_url(url(server_port, office, "/agreements/?status=in_approval"))
    expect(page.get_by_role("link", name="Protocol with Vienna")).to_be_visible()
    expect(page.get_by_role("link", name="Protocol with Warsaw")).to_have_count(0)

    # when: back home, the waiting agreement is opened
    page.goto(url(server_port, office))
    waiting.get_by_role("link", name="Protocol with Vienna").click()
    expect(page.get_by_role("heading", level=1, name="Protocol with Vienna")).to_be_visible()
