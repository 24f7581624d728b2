"""Every page of a demo university at phone width: no wider than the screen, and no serious accessibility fault.

Signed in as the demo's office admin, the sweep follows the links of each page it reaches on the
university's host (the menu first, then lists and their records) and checks each page at 390×844.
axe-core comes from the npm registry (package.json); without node_modules the accessibility check
is skipped with a message, the width check still runs.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.test import override_settings
from playwright.sync_api import Error as PlaywrightError

from demo.universities import DEMO_PASSWORD, demo_university_ensure
from tests.browser.conftest import throwaway_university
from tests.browser.helpers import url

pytestmark = pytest.mark.django_db

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
MAX_PAGES = 150
PER_SHAPE = 2  # pages of one address shape (/partners/<id>/) look alike: two of each are enough
# Addresses a visit must not follow: they sign out, change or delete, download, or answer JSON.
SKIPPED = re.compile(r"/logout/|/delete/|/api/|/download/|/export/|\.(json|csv|pdf|docx)$|/preview/|/read")
# Pages a sweep reaches that are no link's: the address nobody wrote, the public views.
EXTRA_PATHS = ["/no-such-page/", "/partners/public/", "/statutes/public/"]
SERIOUS = ("serious", "critical")
# The innermost elements that reach past the screen's right edge, to say what to fix.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
          && ![...el.children].some(child => child.getBoundingClientRect().right > window.innerWidth + 1))
  .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                         + (el.name ? '[name=' + el.name + ']' : ''))"""


@dataclass
class Sweep:
    visited: list[str] = field(default_factory=list)
    too_wide: dict[str, str] = field(default_factory=dict)  # path -> the document's width, what sticks out
    violations: dict[str, list[str]] = field(default_factory=dict)  # path -> serious axe findings
    failures: dict[str, int] = field(default_factory=dict)  # path -> a status of 500 or more


# A Turkish demo university (seed 000's workflow, two statutes) and a Kyrgyz one, whose words run longer.
DEMO_UNIVERSITIES = [
    {"slug": "antalya", "name": "Antalya Akdeniz Üniversitesi", "country": "TR", "language": "tr",
     "languages": ["tr", "en"]},
    {"slug": "jalalabad", "name": "Жалал-Абад мамлекеттик университети", "country": "KG", "language": "ky",
     "languages": ["ky", "ru", "en"]},
]


@pytest.fixture(scope="module", params=DEMO_UNIVERSITIES, ids=lambda spec: spec["slug"])
def demo_university(request, django_db_setup, django_db_blocker):
    """A demo university as `dev.py start` makes it: partners, agreements at each step, statutes, people."""
    with override_settings(KOPRU_DEMO=True), django_db_blocker.unblock(), throwaway_university(
        **request.param,
    ) as university:
        demo_university_ensure({"slug": university.slug})
        yield university


def _shape(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def _links(page, host: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    paths = []
    for href in hrefs:
        parts = urlsplit(urldefrag(href).url)
        if parts.netloc == host and parts.scheme.startswith("http") and not SKIPPED.search(parts.path):
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def _axe_findings(page, axe_source: str) -> list[str]:
    # Evaluated through the browser's debugging channel: a script tag would break the page's CSP.
    page.evaluate(axe_source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{rule['id']} ({rule['impact']}): " + "; ".join(node["html"][:120] for node in rule["nodes"][:3])
        for rule in result["violations"] if rule["impact"] in SERIOUS
    ]


@pytest.fixture(scope="module")
def sweep(browser, server_port, demo_university) -> Sweep:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    found = Sweep()
    axe_source = AXE.read_text() if AXE.exists() else None
    try:
        _sign_in(page, server_port, demo_university)
        host = urlsplit(page.url).netloc
        queue, seen, shapes = ["/", *EXTRA_PATHS], set(), {}
        while queue and len(found.visited) < MAX_PAGES:
            path = queue.pop(0)
            key = urlsplit(path).path
            if key in seen or shapes.get(_shape(key), 0) >= PER_SHAPE:
                continue
            seen.add(key)
            shapes[_shape(key)] = shapes.get(_shape(key), 0) + 1
            try:
                response = page.goto(url(server_port, demo_university, path))
            except PlaywrightError:
                continue  # a download
            if response is None or "text/html" not in (response.headers.get("content-type") or ""):
                continue
            found.visited.append(path)
            if response.status >= 500:
                found.failures[path] = response.status
                continue
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                found.too_wide[path] = f"{width} px: {', '.join(page.evaluate(OVERFLOWING))}"
            if axe_source:
                findings = _axe_findings(page, axe_source)
                if findings:
                    found.violations[path] = findings
            queue.extend(_links(page, host))
    finally:
        context.close()
    return found


def test_the_sweep_reaches_the_offices_pages(sweep):
    shapes = {_shape(urlsplit(path).path) for path in sweep.visited}

    assert {"/partners/", "/partners/N/", "/agreements/", "/agreements/N/", "/agreements/workflow/", "/statutes/",
            "/notifications/", "/office/users/", "/no-such-page/"} <= shapes
    assert not sweep.failures, sweep.failures


def test_no_page_is_wider_than_a_phone(sweep):
    assert not sweep.too_wide, f"pages wider than {PHONE['width']} px: {sweep.too_wide}"


def test_no_page_has_a_serious_accessibility_fault(sweep):
    if not AXE.exists():
        pytest.skip("axe-core is missing: `python3 dev.py test` installs it with npm when npm is present")

    assert not sweep.violations, "\n".join(
        f"{path}: {finding}" for path, findings in sweep.violations.items() for finding in findings)


def _sign_in(page, server_port, university) -> None:
    page.goto(url(server_port, university, "/accounts/login/"))
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(url(server_port, university, "/"))


def test_on_a_phone_the_menu_opens_from_its_button_and_the_skip_link_comes_first(browser, server_port, demo_university):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        _sign_in(page, server_port, demo_university)
        page.goto(url(server_port, demo_university, "/partners/"))
        partners = page.locator(".mainnav a[href='/partners/']")
        assert not partners.is_visible(), "the menu's links fill the phone's screen before anyone asks"

        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"

        page.locator(".menu > summary").click()
        assert partners.is_visible()
        assert partners.get_attribute("aria-current") == "page"
        assert page.locator(".mainnav [aria-current]").count() == 1
        assert page.locator(".mainnav h2").evaluate_all("headings => headings.map(h => h.id)") == [
            "nav-partnerships", "nav-documents", "nav-office", "nav-account",
        ]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        if AXE.exists():
            assert _axe_findings(page, AXE.read_text()) == []
    finally:
        context.close()


def test_on_a_wide_screen_the_menu_stands_open_beside_the_page(page, server_port, demo_university):
    _sign_in(page, server_port, demo_university)

    assert page.locator(".mainnav a[href='/agreements/']").is_visible()
    assert not page.locator(".menu > summary").is_visible()
    if AXE.exists():
        assert _axe_findings(page, AXE.read_text()) == []
