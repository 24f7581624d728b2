"""Completing 7.9 "filed and published" publishes the agreement; the signature steps date the signatories."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_tenants.utils import tenant_context

from core.agreements.models import Agreement, Signatory
from core.agreements.publishing.selectors import not_listed_because, publicly_listed_agreements
from core.agreements.workflow.services import agreement_complete_step, agreement_skip_step
from core.audit.models import AuditEntry
from core.office.models import Role
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import sign_in, token_for
from tests.core.agreements.test_workflow import complete_current, refused, walk_to
from tests.core.agreements.workflow_helpers import fresh, pdf
from tests.factories.agreements import AgreementFactory
from tests.factories.partners import PartnerFactory

Side = Signatory.Side


def test_completing_filed_and_published_puts_the_agreement_on_the_public_list(in_kastamonu, draft_a, people_a):
    # given an agreement in force, waiting at 7.9 "filed and published"
    agreement = walk_to(draft_a, "filed_published", people_a["admin"])
    assert not agreement.published and not publicly_listed_agreements().filter(pk=agreement.pk).exists()

    # when the step is completed
    complete_current(agreement, people_a["officer"])

    # then it is published, in force and on the list, and the audit says who published it
    agreement = fresh(in_kastamonu, agreement)
    assert agreement.published and agreement.status == Agreement.Status.IN_FORCE
    assert publicly_listed_agreements().filter(pk=agreement.pk).exists()
    assert AuditEntry.objects.get(action="agreement.published").actor == people_a["officer"]


def test_skipping_filed_and_published_does_not_publish(in_kastamonu, draft_a, people_a):
    agreement = walk_to(draft_a, "filed_published", people_a["admin"])
    agreement_skip_step(agreement=agreement, step=agreement.current_step, acting_user=people_a["admin"],
                        comment="The partner asked not to be listed.")

    assert not fresh(in_kastamonu, agreement).published


def test_the_signature_steps_date_the_signatories_of_their_side(in_kastamonu, draft_a, people_a):
    rector = Signatory.objects.create(agreement=draft_a, side=Side.OURS, name="Prof. Dr. Ahmet Hamdi Topal")
    dean = Signatory.objects.create(agreement=draft_a, side=Side.PARTNER, name="Prof. Dr. Anna Huber")
    signed = timezone.localdate() - timedelta(days=3)

    # the rector signed three days ago; the countersigned copy comes back at "in force", dated today
    agreement = walk_to(draft_a, "rector_signature", people_a["admin"])
    complete_current(agreement, people_a["coordinator"], signed_on=signed)
    rector.refresh_from_db()
    dean.refresh_from_db()
    assert (rector.signed_on, dean.signed_on) == (signed, None)

    agreement = fresh(in_kastamonu, agreement)
    while agreement.current_step.code != "filed_published":
        agreement = fresh(in_kastamonu, complete_current(agreement, people_a["admin"]))
    rector.refresh_from_db()
    dean.refresh_from_db()
    assert (rector.signed_on, dean.signed_on) == (signed, timezone.localdate())


def test_a_signature_step_without_a_named_signatory_adds_one_the_agreement_page_shows(in_kastamonu, draft_a,
                                                                                       people_a):
    agreement = walk_to(draft_a, "rector_signature", people_a["admin"])
    complete_current(agreement, people_a["admin"])

    ours = Signatory.objects.get(agreement=agreement, side=Side.OURS)
    assert ours.name == in_kastamonu.name and ours.signed_on == timezone.localdate()
    assert not Signatory.objects.filter(agreement=agreement, side=Side.PARTNER).exists()


def test_a_date_of_signature_in_the_future_is_refused(in_kastamonu, draft_a, people_a):
    agreement = walk_to(draft_a, "rector_signature", people_a["admin"])

    error = refused("invalid_signature_date", lambda: agreement_complete_step(
        agreement=agreement, step=agreement.current_step, acting_user=people_a["admin"],
        uploads={"agreement_text": pdf()}, signed_on=timezone.localdate() + timedelta(days=1)))

    assert "signed_on" in error.fields
    assert fresh(in_kastamonu, agreement).current_step.code == "rector_signature"


def test_the_page_and_the_api_take_the_date_of_signature(client_a, university_a, draft_a, people_a):
    with tenant_context(university_a):
        agreement = walk_to(draft_a, "rector_signature", people_a["admin"])
        step = agreement.current_step
    sign_in(client_a, university_a, people_a["admin"])

    page = client_a.get(f"/agreements/{agreement.pk}/").content.decode()
    assert 'name="signed_on"' in page
    client_a.post(f"/agreements/{agreement.pk}/steps/complete/",
                  {"step": step.pk, "signed_on": "2026-01-15", "agreement_text": pdf()})
    with tenant_context(university_a):
        assert Signatory.objects.get(agreement=agreement, side=Side.OURS).signed_on.isoformat() == "2026-01-15"
        agreement = complete_current(fresh(university_a, agreement), people_a["admin"])  # the letter to the partner
        agreement = fresh(university_a, agreement)
    api = Client(HTTP_HOST=host_of(university_a),
                 HTTP_AUTHORIZATION=f"Token {token_for(university_a, people_a['admin'])}")

    bad = api.post(f"/api/agreements/{agreement.pk}/steps/complete/",
                   {"step": agreement.current_step.pk, "signed_on": "15.01.2026", "signed_agreement": pdf()})
    good = api.post(f"/api/agreements/{agreement.pk}/steps/complete/",
                    {"step": agreement.current_step.pk, "signed_on": "2026-01-20", "signed_agreement": pdf()})

    assert bad.status_code == 400 and "signed_on" in bad.json()["error"]["fields"]
    assert good.status_code == 200, good.content
    with tenant_context(university_a):
        assert Signatory.objects.get(agreement=agreement, side=Side.PARTNER).signed_on.isoformat() == "2026-01-20"


@pytest.fixture
def publisher_a(university_a):
    return make_office_user(university_a, username="mehmet", role=Role.COORDINATOR, language="en")


def test_the_publishing_page_says_why_an_agreement_is_not_on_the_list(client_a, university_a, publisher_a):
    today = timezone.localdate()
    with tenant_context(university_a):
        partner = PartnerFactory(names={"en": "Future U"}, country="DE")
        future = AgreementFactory(partners=[partner], published=True, starts_on=today + timedelta(days=10),
                                  titles={"en": "Starts later"})
        hidden = AgreementFactory(partners=[partner], titles={"en": "Not chosen yet"})
        shown = AgreementFactory(partners=[partner], published=True, titles={"en": "Listed"})
        assert not_listed_because(shown) == []
    sign_in(client_a, university_a, publisher_a)

    page = client_a.get("/agreements/publishing/").content.decode()

    assert "Valid only from" in page and "it appears on that day" in page
    assert "Not chosen for the public list." in page
    assert "On the list today." in page
    with tenant_context(university_a):
        assert len(not_listed_because(future)) == 1 and len(not_listed_because(hidden)) == 1
