"""Fixtures of the agreement tests: drafts in both universities (workflow_a and people_a are in tests/fixtures).

Agreements and partners are model rows written straight into the schema, by the factories.
"""

import pytest
from django_tenants.utils import schema_context, tenant_context

from core.agreements.models import Agreement
from core.agreements.workflow.services import workflow_seed_default
from core.partners.models import Recognition
from tests.factories.agreements import AgreementFactory
from tests.factories.partners import PartnerFactory


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
