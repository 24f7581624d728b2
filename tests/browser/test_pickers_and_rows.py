"""In a real browser: the file picker speaks the page's language and the keyboard reaches it; the conditions'
choices are wide enough to read."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import throwaway_university
from tests.browser.helpers import url
from tests.conftest import make_office_user
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

USERNAME = "secil"


@pytest.fixture(scope="module")
def university(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), throwaway_university(
        slug="secici", name="Seçici Üniversitesi", country="TR", language="tr", languages=["tr", "en"],
    ) as university:
        make_office_user(university, username=USERNAME, language="en")
        yield university


def sign_in(page: Page, server_port: int, university) -> None:
    page.goto(url(server_port, university, "/accounts/login/"))
    page.locator("input[name=username]").fill(USERNAME)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(url(server_port, university))


def test_the_file_picker_is_translated_reachable_by_keyboard_and_names_the_chosen_file(page, server_port,
                                                                                      university):
    sign_in(page, server_port, university)
    page.goto(url(server_port, university, "/partners/import/"))
    picker = page.locator(".file-picker").first
    native = picker.locator("input[type=file]")

    # the browser's own button is out of sight; the page's own says what to do, in English
    expect(picker.locator(".file-picker-button")).to_have_text("Choose a file")
    expect(picker.locator(".file-picker-name")).to_have_text("No file chosen")
    box = native.bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1

    # the keyboard reaches the input, and the focus shows on the button
    native.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "file"
    outline = picker.locator(".file-picker-button").evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"

    native.set_input_files({"name": "Ortaklar İğdır.csv", "mimeType": "text/csv", "buffer": b"name_en,country\n"})
    expect(picker.locator(".file-picker-name")).to_have_text("Ortaklar İğdır.csv")


def test_the_direction_of_a_condition_reads_in_full(page, server_port, university):
    sign_in(page, server_port, university)
    page.goto(url(server_port, university, "/agreements/new/"))

    direction = page.locator("select[name$='-direction']").first
    width = direction.evaluate("element => element.getBoundingClientRect().width")
    needed = direction.evaluate("""element => {
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(element).font;
        document.body.append(probe);
        const widest = Math.max(...Array.from(element.options, option => {
            probe.textContent = option.text; return probe.getBoundingClientRect().width; }));
        probe.remove();
        return widest;
    }""")
    assert width >= needed + 24  # the longest choice and the arrow beside it
