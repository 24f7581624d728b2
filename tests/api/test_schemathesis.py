"""Schemathesis over both API schemas: no server error, no answer that breaks its own schema.

Each operation is one test: generated requests (valid and invalid) reach the WSGI application
with an office admin's API token on the university's host (the tenant API) or a platform
admin's on the root domain (the platform API), and every response is checked against the
schema. The run is seeded and bounded, so it finds the same things every time within a few
minutes; what an operation writes rolls back with its test.
"""

import json
import zlib
from datetime import date

import pytest
import schemathesis
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django_tenants.utils import get_public_schema_name, schema_context
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from jsonschema.validators import validator_for
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoverageScenario
from schemathesis.specs.openapi.checks import negative_data_rejection

from core.agreements.models import AgreementRequest, Workflow
from core.documents.models import DocumentJob, DocumentKind, GeneratedDocument
from core.notifications.models import Notification
from core.office.models import Role
from core.partners.models import PartnerContact, RankingEntry, Recognition, RecognitionCheck
from core.statutes.models import Clause, Revision, Statute
from tenants.models import ProvisioningJob, University
from tests.conftest import ROOT_HOST, host_of
from tests.core.accounts.helpers import token_for
from tests.factories.agreements import AgreementFactory, WorkflowFactory, WorkflowStepFactory
from tests.factories.office import AcademicUnitFactory, MembershipFactory
from tests.factories.partners import PartnerFactory, PartnerUnitFactory

# Seeded and bounded: the same cases on every run, about two minutes on two cores. Examples and
# fuzzing send valid and invalid data; the coverage phase adds each parameter's edge values. The
# token comes from the test (a generated one would replace it), and the schema declares no links
# between operations for a stateful phase to follow: office_records stands in for them.
CONFIG = {
    "seed": 8,
    "suppress-health-check": ["all"],
    "generation": {"mode": "all", "max-examples": 20, "deterministic": True, "no-shrink": True,
                   "database": "none", "with-security-parameters": False},
    "phases": {"stateful": {"enabled": False}},
    "checks": {
        "enabled": True,
        # Valid by the schema is not valid by the office's rules: a name in at least one language,
        # a partner or unit that exists, a password that matches. Those answer 400/409 on purpose.
        "positive_data_acceptance": {"enabled": False},
    },
}


def load(urlconf: str):
    document = SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)),
                                            config=SchemathesisConfig.from_dict(CONFIG))
    schema.app = get_wsgi_application()
    return schema


tenant_schema = load("kopru.urls_tenant")
platform_schema = load("kopru.urls_public")


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Django closes the database connection after each request; the test's transaction lives on it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def schemathesis_auth(university: University, user) -> dict:
    """Request arguments of a user's API token on their university's host (or the root domain)."""
    host = ROOT_HOST if university.schema_name == get_public_schema_name() else host_of(university)
    token = token_for(university, user)
    return {"base_url": f"http://{host}",
            "headers": {"Authorization": f"{settings.REST_KNOX['AUTH_HEADER_PREFIX']} {token}"}}


def office_records(university: University, admin) -> dict[str, dict[str, object]]:
    """One record of each kind the tenant API addresses, so generated ids reach real ones too.

    Returns the ids per path parameter, under the path prefix they belong to (a `unit_id` under
    /api/partners/ is a partner's unit, elsewhere an academic unit).
    """
    with schema_context(university.schema_name):
        colleague = MembershipFactory(user__username="deniz", role=Role.OFFICER).user
        academic_unit = AcademicUnitFactory(names={"en": "Faculty of Engineering"})
        partner = PartnerFactory(names={"en": "Technical University of Munich"}, country="DE",
                                 recognition=Recognition.RECOGNISED)
        partner_unit = PartnerUnitFactory(partner=partner, names={"en": "School of Engineering"})
        contact = PartnerContact.objects.create(partner=partner, name="Anna Weber", email="anna@tum.example")
        ranking = RankingEntry.objects.create(partner=partner, system="QS", year=2026, rank=22)
        check = RecognitionCheck.objects.create(partner=partner, status=Recognition.RECOGNISED,
                                                checked_on=date(2026, 10, 1), method="okultanima")
        agreement = AgreementFactory(partners=[partner], titles={"en": "Exchange"}, scopes=["student_exchange"])
        agreement_request = AgreementRequest.objects.create(agreement=agreement, received_on=date(2026, 11, 2),
                                                            sender="TUM", subject="Places for 2027")
        workflow = (Workflow.objects.filter(is_default=True).first()
                    or WorkflowFactory(names={"en": "Approval"}, is_default=True))
        step = WorkflowStepFactory(workflow=workflow, code="review", names={"en": "Review"}, role=Role.OFFICE_ADMIN)
        statute = Statute.objects.create(kind=Statute.Kind.STATUTE, title_en="Exchange directive")
        revision = Revision.objects.create(statute=statute, number=0, status="draft")
        clause = Clause.objects.create(revision=revision, position=1, number="1.", text_en="Scope")
        document = GeneratedDocument.objects.create(
            kind=DocumentKind.STATUTE, language="en", subject=statute, version=1, title="Exchange directive",
            pdf=ContentFile(b"%PDF-1.4\n%%EOF\n", name="directive.pdf"))
        job = DocumentJob.objects.create(kind=DocumentKind.STATUTE, language="en", file_format="pdf",
                                         subject=revision, document=document, created_by=admin)
        notification = Notification.objects.create(recipient=admin, title="A step waits for you")
    return {
        "/api/partners/": {"partner_id": partner.pk, "unit_id": partner_unit.pk, "contact_id": contact.pk,
                           "entry_id": ranking.pk, "check_id": check.pk},
        "/api/": {
            "agreement_id": agreement.pk, "request_id": agreement_request.pk, "step_id": step.pk,
            "statute_id": statute.pk, "number": revision.number, "clause_id": clause.pk, "document_id": document.pk,
            "job_id": job.pk, "notification_id": notification.pk, "unit_id": academic_unit.pk,
            "user_id": colleague.pk, "kind": "info_note", "language": "en", "file_format": "pdf",
        },
    }


def reach_records(case, records: dict[str, dict[str, object]]) -> None:
    """Points three in four generated ids at real records; the rest stay as generated (mostly 404)."""
    if not case.path_parameters or (case.meta and case.meta.generation.mode.is_negative):
        return
    for name, value in case.path_parameters.items():
        if zlib.crc32(str(value).encode()) % 4 == 0:
            continue
        for prefix, ids in records.items():
            if case.path.startswith(prefix) and name in ids:
                case.path_parameters[name] = ids[name]
                break


@pytest.fixture
def tenant_records(university_a, admin_a):
    return office_records(university_a, admin_a)


@pytest.fixture
def tenant_auth(university_a, admin_a):
    return schemathesis_auth(university_a, admin_a)


@pytest.fixture
def platform_auth(platform_admin):
    return schemathesis_auth(University.objects.get(schema_name=get_public_schema_name()), platform_admin)


@pytest.fixture
def platform_records(university_b, platform_admin):
    job = ProvisioningJob.objects.create(university=university_b, slug=university_b.slug,
                                         admin_email="aibek@osh.example", requested_by=platform_admin)
    return {"/api/": {"slug": university_b.slug, "job_id": job.pk}}


def number_for_text(case) -> bool:
    """Whether a negative case's one fault is a number in a body where the schema wants text."""
    data = case.meta.phase.data if case.meta else None
    if getattr(data, "scenario", None) is not CoverageScenario.INCORRECT_TYPE:
        return False
    if data.parameter_location is not ParameterLocation.BODY or not data.location:
        return False
    value = case.body
    segments = data.location.strip("/").split("/")  # e.g. properties/titles/properties/en/anyOf/0/type
    names = [name for keyword, name in zip(segments, segments[1:], strict=False) if keyword == "properties"]
    for name in names:
        if not isinstance(value, dict) or name not in value:
            return False
        value = value[name]
    return isinstance(value, int | float) and not isinstance(value, bool)


def trimmed(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {key: trimmed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [trimmed(item) for item in value]
    return value


def valid_once_trimmed(case) -> bool:
    """Whether a negative body is valid with its texts' surrounding whitespace taken off."""
    if case.meta is None or not case.meta.is_negative_at(ParameterLocation.BODY) or not isinstance(case.body, dict):
        return False
    body = next((body for body in case.operation.body if body.media_type == case.media_type), None)
    return body is not None and validator_for(body.validation_schema)(body.validation_schema).is_valid(
        trimmed(case.body))


def read_as_drf_reads_it(case) -> bool:
    """Whether a negative body is valid as DRF's CharField reads text, on purpose (rest_framework/fields.py):
    a number as its digits, surrounding whitespace (which takes in control characters such as U+001F)
    trimmed. Only these readings are let through; every other refused value is still checked."""
    return number_for_text(case) or valid_once_trimmed(case)


def call_and_check(case, arguments: dict):
    excluded = [negative_data_rejection] if read_as_drf_reads_it(case) else None
    case.call_and_validate(excluded_checks=excluded, **arguments)


@tenant_schema.parametrize()
def test_tenant_api(case, tenant_auth, tenant_records):
    reach_records(case, tenant_records)
    call_and_check(case, tenant_auth)


@platform_schema.parametrize()
def test_platform_api(case, platform_auth, platform_records):
    reach_records(case, platform_records)
    call_and_check(case, platform_auth)
