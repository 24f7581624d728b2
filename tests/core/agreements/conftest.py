"""Fixtures of the agreement tests: a seeded workflow, the office's people, drafts in both universities.

Agreements and partners are model rows written straight into the schema, by the factories.
"""

import pytest
from django_tenants.utils import schema_context, tenant_context

from core.agreements.models import Agreement
from core.agreements.workflow.services import workflow_seed_default
from core.office.models import Role
from core.partners.models import Recognition
from tests.conftest import make_office_user
from tests.factories.agreements import AgreementFactory
from tests.factories.partners import PartnerFactory


@pytest.fixture
def in_kastamonu(university_a):
    """The test body runs in Kastamonu's schema, with Kastamonu as the connection's tenant."""
    with tenant_context(university_a):
        yield university_a


@pytest.fixture
def workflow_a(university_a):
    with tenant_context(university_a):
        return workflow_seed_default(country="TR")


@pytest.fixture
def people_a(university_a, admin_a):
    return {
        "admin": admin_a,
        "coordinator": make_office_user(university_a, username="koordinator", role=Role.COORDINATOR),
        "officer": make_office_user(university_a, username="memur", role=Role.OFFICER),
        "viewer": make_office_user(university_a, username="izleyici", role=Role.VIEWER),
    }


@pytest.fixture
def draft_a(university_a, workflow_a):
    """A draft protocol with one recognised partner, in Kastamonu."""
    with schema_context(university_a.schema_name):
        partner = PartnerFactory(names={"en": "University of Vienna", "tr": "Viyana Üniversitesi"}, country="AT",
                                 recognition=Recognition.RECOGNISED)
        return AgreementFactory(partners=[partner], titles={"en": "Cooperation protocol", "tr": "Viyana protokolü"},
                                status=Agreement.Status.DRAFT, scopes=["student_exchange"])


@pytest.fixture
def draft_b(university_b):
    """A draft of Osh, with Osh's (Kyrgyz) workflow."""
    with tenant_context(university_b):
        workflow_seed_default(country="KG")
        partner = PartnerFactory(names={"en": "Kastamonu University", "ky": "Кастамону университети"}, country="TR")
        return AgreementFactory(partners=[partner], status=Agreement.Status.DRAFT,
                                titles={"en": "Cooperation protocol", "ky": "Кастамону менен келишим"})
