"""In a real browser: sign in on a university's host and change the page's language."""

import pytest
from django.contrib.sessions.models import Session
from django_tenants.utils import schema_context

from core.accounts.models import User
from core.audit.models import AuditEntry
from tenants.models import University
from tests.browser.helpers import url
from tests.conftest import make_office_user
from tests.factories.accounts import PASSWORD

# A transaction per test, as everywhere; what the server must see is committed by the `osh` fixture.
pytestmark = pytest.mark.django_db

USERNAME = "dinara"


def _forget_user(university: University) -> None:
    """Remove the committed user, with its sessions and audit rows, from the university's schema."""
    with schema_context(university.schema_name):
        for user in User.objects.filter(username=USERNAME):
            AuditEntry.objects.filter(actor=user).delete()
            for session in Session.objects.all():
                if session.get_decoded().get("_auth_user_id") == str(user.pk):
                    session.delete()
            user.delete()


@pytest.fixture(scope="module")
def osh(django_db_setup, django_db_blocker):
    """Osh (ky, ru, en) with a committed office admin who reads Russian; the server sees only committed rows."""
    with django_db_blocker.unblock():
        university = University.objects.get(slug="osh")
        _forget_user(university)  # left over by an interrupted run
        make_office_user(university, username=USERNAME, language="ru")
        yield university
        _forget_user(university)


def test_an_office_admin_switches_the_page_to_kyrgyz(page, server_port, osh):
    # given: signed in on Osh's host, reading Russian
    page.goto(url(server_port, osh, "/accounts/login/"))
    page.fill("input[name=username]", USERNAME)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(url(server_port, osh, "/"))
    assert page.get_attribute("html", "lang") == "ru"
    assert page.locator("#language-select").input_value() == "ru"

    # when: choosing Kyrgyz in the switcher
    with page.expect_navigation():
        page.select_option("#language-select", "ky")

    # then: the same page, in Kyrgyz, and it stays so
    assert page.url == url(server_port, osh, "/")
    assert page.get_attribute("html", "lang") == "ky"
    assert page.get_by_role("button", name="Чыгуу").is_visible()
    page.reload()
    assert page.get_attribute("html", "lang") == "ky"
    with schema_context(osh.schema_name):
        assert User.objects.get(username=USERNAME).language == "ky"


def test_the_switcher_is_visible_on_a_phone_and_offers_the_universitys_languages(browser, server_port, osh):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(url(server_port, osh, "/accounts/login/"))
        switcher = page.locator("#language-select")

        assert switcher.is_visible()
        box = switcher.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the switcher runs off the screen"
        assert page.locator("#language-select option").evaluate_all("els => els.map(e => e.value)") == [
            "ky", "ru", "en",
        ]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
    finally:
        context.close()
