"""Schemathesis over both API schemas: no server error, no answer that breaks its own schema.

Each operation is one test: generated requests (valid and invalid) reach the WSGI application
with an office admin's API token on the university's host (the tenant API) or a platform
admin's on the root domain (the platform API), and every response is checked against the schema. The
run is seeded and bounded, so it finds the same things every time within a few minutes; what
an operation writes rolls back with its test.
"""

import json

import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django_tenants.utils import get_public_schema_name
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from jsonschema.validators import validator_for
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoverageScenario
from schemathesis.specs.openapi.checks import negative_data_rejection

from tenants.models import University
from tests.conftest import ROOT_HOST, host_of
from tests.core.accounts.helpers import token_for

# Seeded and bounded: the same cases on every run, within a few minutes on two cores. Examples
# and fuzzing send valid and invalid data; the coverage phase adds each parameter's edge values.
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


def with_token(university: University, user) -> dict:
    """Request arguments of a user's API token on their university's host (or the root domain)."""
    host = ROOT_HOST if university.schema_name == get_public_schema_name() else host_of(university)
    token = token_for(university, user)
    return {"base_url": f"http://{host}",
            "headers": {"Authorization": f"{settings.REST_KNOX['AUTH_HEADER_PREFIX']} {token}"}}


@pytest.fixture
def tenant_api(university_a, admin_a):
    return with_token(university_a, admin_a)


@pytest.fixture
def platform_api(platform_admin):
    return with_token(University.objects.get(schema_name=get_public_schema_name()), platform_admin)


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
def test_tenant_api(case, tenant_api):
    call_and_check(case, tenant_api)


@platform_schema.parametrize()
def test_platform_api(case, platform_api):
    call_and_check(case, platform_api)
