"""Recognition is the rule of the university's country: YÖK's in Türkiye, none in Kyrgyzstan (Osh)."""

from django.utils import translation
from django_tenants.utils import schema_context, tenant_context

from core.agreements.models import Agreement, WorkflowStep
from core.agreements.workflow.defaults import default_workflow_for
from core.agreements.workflow.selectors import recognition_blocks
from core.agreements.workflow.services import workflow_seed_default
from core.partners.models import Recognition
from core.partners.recognition import recognition_policy
from tests.core.accounts.helpers import in_english, sign_in
from tests.core.partners.test_info_note import generate
from tests.factories.agreements import AgreementFactory
from tests.factories.partners import PartnerFactory


def test_the_policy_follows_the_country():
    with translation.override("en"):
        assert recognition_policy("TR").label == "Recognition by YÖK"
    assert recognition_policy("KG") is None and recognition_policy("DE") is None


def test_a_kyrgyz_university_sees_no_recognition_anywhere(office_b, university_b, ankara_b):
    with schema_context(university_b.schema_name):
        AgreementFactory(partners=[ankara_b], titles={"en": "Ankara protocol"})
    in_english(office_b)

    partners = office_b.get("/partners/").content.decode()
    unchecked = office_b.get("/partners/", {"recognition": "unchecked"})
    partner = office_b.get(f"/partners/{ankara_b.pk}/").content.decode()
    agreements = office_b.get("/agreements/").content.decode()

    assert "Ankara" in partners and unchecked.status_code == 200
    for page in (partners, partner, agreements):
        assert "YÖK" not in page and "Recognition" not in page and "Not checked" not in page
    assert 'name="recognition"' not in partners
    pdf, docx = generate(office_b, ankara_b)
    for text in (pdf, docx):
        assert "YÖK" not in text and "4. Биздин университет менен келишимдери" in text


def test_a_turkish_university_sees_the_status_by_its_one_name(office_a, university_a):
    with schema_context(university_a.schema_name):
        asked = PartnerFactory(names={"en": "Asked U"}, country="AZ", recognition=Recognition.ASKED_YOK)
        AgreementFactory(partners=[asked], titles={"en": "Baku protocol"})
    in_english(office_a)

    partners = office_a.get("/partners/").content.decode()
    partner = office_a.get(f"/partners/{asked.pk}/").content.decode()
    agreements = office_a.get("/agreements/").content.decode()

    assert "Recognition by YÖK" in partners and 'name="recognition"' in partners
    assert "Recognition by YÖK" in partner and ">Asked YÖK<" in partner
    # the list names the status the partner page gives, not a word of its own
    assert ">Asked YÖK<" in agreements and ">Not recognised<" not in agreements


def test_the_workflow_checks_recognition_only_where_the_country_asks(university_b, client_b, admin_b):
    assert any(step["checks_recognition"] for step in default_workflow_for("TR")["steps"])
    assert not any(step["checks_recognition"] for step in default_workflow_for("DE")["steps"])
    with tenant_context(university_b):
        workflow_seed_default(country="KG")
        step = WorkflowStep.objects.get(code="vice_rector")
        # a step made to check recognition by hand passes: a Kyrgyz university has nothing to check
        WorkflowStep.objects.filter(pk=step.pk).update(checks_recognition=True)
        partner = PartnerFactory(names={"en": "Unchecked U"}, country="TR")
        agreement = AgreementFactory(partners=[partner], status=Agreement.Status.DRAFT)
        assert recognition_blocks(agreement) == []

    page = in_english(sign_in(client_b, university_b, admin_b)).get(f"/agreements/workflow/steps/{step.pk}/")
    assert page.status_code == 200
    assert 'name="checks_recognition"' not in page.content.decode()


def test_a_new_kyrgyz_university_gets_no_clause_numbers_of_osh(university_b):
    with tenant_context(university_b):
        workflow = workflow_seed_default(country="KG")

        assert [step.clause for step in workflow.steps.all()] == [""] * workflow.steps.count()
