"""In a real browser: an office admin walks an agreement through seed 000's workflow, from request to in force.

The walk runs on a university of its own ("tarayici", Turkish), so that the session's
universities stay as the other tests expect them; everything is done through the pages,
in Turkish, as the office works.
"""

from dataclasses import dataclass
from itertools import pairwise

import pytest
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django_tenants.utils import schema_context
from fpdf import FPDF
from playwright.sync_api import Page, expect

from core.agreements.models import Agreement, DocumentKind
from core.agreements.workflow.services import workflow_seed_default
from core.partners.selectors import partner_recognition_blocks
from core.partners.services import partner_create
from tenants.models import University
from tests.browser.conftest import throwaway_university
from tests.browser.helpers import url
from tests.conftest import make_office_user
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

USERNAME = "zeynep"
PARTNER = {"tr": "Leipzig Üniversitesi", "en": "Leipzig University"}
TITLE = "Leipzig Üniversitesi ile ikili işbirliği protokolü"

# Seed 000's steps in order, with the documents the office uploads at each (the letters asking for
# opinions, submitting to the Senate and sending for countersignature are written by Köprü itself).
WALK = [
    ("request_received", [DocumentKind.REQUEST_LETTER]),
    ("info_note", [DocumentKind.INFO_NOTE]),
    ("yok_recognition", [DocumentKind.RECOGNITION_EVIDENCE]),
    ("opinions_requested", []),
    ("opinions", [DocumentKind.LEGAL_OPINION, DocumentKind.STUDENT_AFFAIRS_OPINION]),
    ("senate_submission", [DocumentKind.SENATE_FILE]),
    ("senate_decision", [DocumentKind.SENATE_DECISION]),
    ("rector_signature", [DocumentKind.AGREEMENT_TEXT]),
    ("partner_countersignature", []),
    ("in_force", [DocumentKind.SIGNED_AGREEMENT]),
]
# Where the agreement waits after each step of the walk; filing and publishing (7.9) follow being in force.
CODES = [code for code, _kinds in WALK] + ["filed_published"]
NEXT_STEP = dict(pairwise(CODES))
LETTER_STEPS = ("opinions_requested", "senate_submission", "partner_countersignature")


def tr(message: str | Promise) -> str:
    """The page's words, as the Turkish catalogue has them: a msgid, or a lazy label such as a choice's."""
    with translation.override("tr"):
        return str(gettext(message) if isinstance(message, str) else message)


def pdf_saying(text: str) -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text=text)
    return bytes(document.output())


@dataclass
class Office:
    university: University
    step_names: dict[str, str]  # by step code, in Turkish
    unchecked_partner: str  # why the recognition step refuses the partner, in Turkish


@pytest.fixture(scope="module")
def office(django_db_setup, django_db_blocker):
    """A Turkish university with seed 000's workflow, an office admin reading Turkish and an unchecked partner."""
    with django_db_blocker.unblock(), throwaway_university(
        slug="tarayici", name="Tarayıcı Üniversitesi", country="TR", language="tr", languages=["tr", "en"],
    ) as university:
        with schema_context(university.schema_name), translation.override("tr"):
            workflow = workflow_seed_default(country="TR")
            partner = partner_create(names=PARTNER, country="DE", texts={"city": {"en": "Leipzig"}},
                                     acting_user=None)
            step_names = {step.code: step.name for step in workflow.steps.all()}
            unchecked_partner = partner_recognition_blocks(partner)
        make_office_user(university, username=USERNAME, language="tr")
        yield Office(university, step_names, unchecked_partner)


def sign_in_on_page(page: Page, server_port: int, university) -> None:
    page.goto(url(server_port, university, "/accounts/login/"))
    page.get_by_label(tr("Username")).fill(USERNAME)
    page.get_by_label(tr("Password")).fill(PASSWORD)
    page.get_by_role("button", name=tr("Sign in")).click()
    page.wait_for_url(url(server_port, university))


def create_agreement(page: Page) -> None:
    page.get_by_role("link", name=tr("Agreements"), exact=True).click()
    page.get_by_role("link", name=tr("New agreement"), exact=True).click()
    page.get_by_label(tr("Type"), exact=True).select_option(label=tr("Bilateral protocol / MoU"))
    page.get_by_label(f"{tr('Title')} ({tr('Turkish')})", exact=True).fill(TITLE)
    page.get_by_label(tr("Partners")).select_option(label=PARTNER["tr"])
    page.get_by_label(tr("Student exchange")).check()
    page.get_by_label(tr("Requested by")).select_option(label=tr("Letter from the partner (7.1)"))
    page.get_by_role("button", name=tr("Save")).click()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()


def record_recognition(page: Page) -> None:
    """On the partner's page: okultanima.yok.gov.tr lists the partner."""
    page.get_by_role("link", name=tr("Partners"), exact=True).click()
    page.get_by_role("link", name=PARTNER["tr"]).click()
    check = page.locator("form").filter(has=page.get_by_role("button", name=tr("Record")))
    check.get_by_label(tr("Result")).select_option(label=tr("Recognised"))
    check.get_by_label(tr("How")).select_option(label=tr("okultanima.yok.gov.tr result"))
    check.get_by_label(tr("Reference")).fill("https://okultanima.yok.gov.tr/")
    check.get_by_role("button", name=tr("Record")).click()
    expect(page.get_by_role("table").filter(has_text=tr("Recognised")).get_by_role("cell", name=tr("Recognised"),
                                                                                    exact=True)).to_be_visible()


def test_an_office_admin_takes_an_agreement_from_the_request_to_in_force(page, server_port, office):
    names = office.step_names
    university = office.university
    workflow = page.locator("#workflow")

    def now_at(code: str):
        return workflow.get_by_role("heading", name=tr("Now at: %(name)s") % {"name": names[code]})

    def fill_step(code: str, kinds) -> None:
        for kind in kinds:
            workflow.get_by_label(tr(DocumentKind(kind).label), exact=True).set_input_files(
                {"name": f"{kind}.pdf", "mimeType": "application/pdf", "buffer": pdf_saying(f"{code}: {kind}")})
        workflow.get_by_label(tr("Comment")).fill(f"{names[code]}: tamam.")
        workflow.get_by_role("button", name=tr("Complete"), exact=True).click()

    # given: signed in, a new bilateral protocol asked for by the partner's letter (7.1)
    sign_in_on_page(page, server_port, university)
    create_agreement(page)
    agreement_url = page.url

    # when: sent for approval, it waits at the first step
    workflow.get_by_role("button", name=tr("Send for approval")).click()
    expect(now_at("request_received")).to_be_visible()

    for code, kinds in WALK:
        fill_step(code, kinds)
        if code == "yok_recognition":
            # the partner has not been checked against YÖK's list: the step refuses, and says why
            expect(workflow.get_by_role("alert")).to_contain_text(office.unchecked_partner)
            expect(now_at(code)).to_be_visible()
            record_recognition(page)
            page.goto(agreement_url)
            fill_step(code, kinds)
        expect(now_at(NEXT_STEP[code])).to_be_visible()

    # then: in force, with the whole walk in its history and its three letters among its documents
    expect(page.get_by_text(f"{tr('Bilateral protocol / MoU')} · Yürürlükte")).to_be_visible()  # "In force"
    history = page.get_by_role("list", name=tr("History"))
    entries = history.locator(":scope > li")
    expected = [f"{tr('Approval')}: {tr('Submitted for approval')} → {names['request_received']}"] + [
        f"{names[code]}: {tr('Completed')} → {names[NEXT_STEP[code]]}" for code, _kinds in WALK
    ]
    assert [text.splitlines()[0].strip() for text in entries.all_inner_texts()] == expected
    for code, _kinds in WALK:
        expect(entries.filter(has_text=f"{names[code]}: tamam.")).to_have_count(1)
    for code in LETTER_STEPS:
        expect(page.get_by_role("heading", level=3).filter(has_text=f"{tr('Cover letter')} · {names[code]}")
               ).to_have_count(1)
    with schema_context(university.schema_name):
        agreement = Agreement.objects.get(title_tr=TITLE)
        assert agreement.status == Agreement.Status.IN_FORCE
        assert agreement.partners.get().recognition_checks.get().checked_on == timezone.localdate()
        # the rector's signature and the countersigned copy's return dated both sides
        assert {(signatory.side, signatory.signed_on) for signatory in agreement.signatories.all()} == {
            ("ours", timezone.localdate()), ("partner", timezone.localdate())}

    # and filing and publishing it (7.9) puts the partner on the public list
    fill_step("filed_published", [])
    expect(now_at("filed_published")).to_have_count(0)
    page.goto(url(server_port, university, "/partners/public/"))
    expect(page.get_by_role("cell", name=PARTNER["tr"])).to_be_visible()
