import pytest
from django_tenants.utils import schema_context

from core.agreements.models import Agreement, Workflow, WorkflowStep
from core.office.models import Role
from core.partners.models import Partner, PartnerUnit, RankingEntry, Recognition, RecognitionCheck
from tests.core.accounts.helpers import sign_in


@pytest.fixture(autouse=True)
def _readable_pdfs(settings):
    settings.KOPRU_PDF_COMPRESS = False


@pytest.fixture
def office_a(client_a, university_a, admin_a):
    return sign_in(client_a, university_a, admin_a)


@pytest.fixture
def office_b(client_b, university_b, admin_b):
    return sign_in(client_b, university_b, admin_b)


@pytest.fixture
def partner_a(university_a):
    """A German partner of Kastamonu, with units, a ranking, a recognition check and an agreement."""
    with schema_context(university_a.schema_name):
        partner = Partner.objects.create(
            name_tr="Münih Teknik Üniversitesi", name_en="Technical University of Munich", country="DE",
            city="München", website="https://www.tum.de", erasmus_code="D  MUNCHEN02", pic="999986096",
            recognition=Recognition.RECOGNISED,
        )
        PartnerUnit.objects.create(partner=partner, name_tr="Mühendislik Fakültesi", name_en="School of Engineering")
        RankingEntry.objects.create(partner=partner, system="QS", year=2026, rank=22)
        RecognitionCheck.objects.create(partner=partner, status=Recognition.RECOGNISED, checked_on="2026-10-01",
                                        method="okultanima", reference="okultanima.yok.gov.tr/123")
        agreement = Agreement.objects.create(kind=Agreement.Kind.ERASMUS_KA131, title_tr="Erasmus+ anlaşması",
                                             title_en="Erasmus+ agreement", scopes=["student_exchange"])
        agreement.partners.add(partner)
    return partner


@pytest.fixture
def partner_b(university_b):
    with schema_context(university_b.schema_name):
        # A few rows first: Osh's ids then differ from any Kastamonu has.
        for number in range(3):
            Partner.objects.create(name_ky=f"Өнөктөш {number}", country="KZ")
        return Partner.objects.create(name_ky="Анкара университети", name_tr="Ankara Üniversitesi", country="TR",
                                      city="Анкара")


def make_letter_steps(university) -> dict[str, WorkflowStep]:
    with schema_context(university.schema_name):
        workflow = Workflow.objects.create(name_en="Approval")
        return {
            code: WorkflowStep.objects.create(workflow=workflow, position=position, code=code, name_en=code,
                                              role=Role.OFFICER, sends_letter=True)
            for position, code in enumerate(("senate_submission", "partner_countersignature", "vice_rector"), 1)
        }
