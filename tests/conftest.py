"""Fixtures shared by the whole suite.

Two universities are created once per session (schemas are slow to make), on
hosts kastamonu.localhost and osh.localhost; each test runs in a transaction
that rolls back what it wrote, in whichever schema it wrote it.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import translation
from django_tenants.utils import schema_context

from kopru.celery import app as celery_app
from tenants.models import Domain, University
from tests.factories.office import MembershipFactory

# Fixtures more than one app's tests use, each defined once.
pytest_plugins = [
    "tests.fixtures.universities",
    "tests.fixtures.accounts",
    "tests.fixtures.office",
    "tests.fixtures.agreements",
    "tests.fixtures.partners",
]

ROOT_HOST = settings.KOPRU_ROOT_DOMAIN


def make_university(*, slug: str, name: str, country: str, language: str, languages: list[str]) -> University:
    university = University(
        schema_name=slug, slug=slug, name=name, country=country, default_language=language,
        languages=languages, status=University.Status.ACTIVE,
    )
    university.save()
    university.create_schema(check_if_exists=True)
    Domain.objects.create(domain=f"{slug}.{ROOT_HOST}", tenant=university, is_primary=True)
    return university


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    if connection.settings_dict["NAME"] != connection.settings_dict["TEST"]["NAME"]:
        # No collected test is marked django_db, so pytest-django left the real database in place.
        pytest.fail("The test database is not set up: mark the tests that need it with django_db.")
    with django_db_blocker.unblock():
        if University.objects.filter(schema_name="public").exists():
            return  # a database kept by --reuse-db has them already
        public = University(
            schema_name="public", slug="public", name="Köprü", country="TR", default_language="en",
            languages=list(settings.LANGUAGE_CODES), status=University.Status.ACTIVE,
        )
        public.save()
        Domain.objects.create(domain=ROOT_HOST, tenant=public, is_primary=True)
        make_university(slug="kastamonu", name="Kastamonu Üniversitesi", country="TR", language="tr",
                        languages=["tr", "en"])
        make_university(slug="osh", name="Ош мамлекеттик университети", country="KG", language="ky",
                        languages=["ky", "ru", "en"])


@pytest.fixture
def celery_eager():
    """Tasks run in the caller's process for this test only; their errors surface in the test."""
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_eager_propagates = False


@pytest.fixture(autouse=True)
def _forget_cached_rows():
    """Each test's writes roll back; cached copies of them (hosts, universities) must not outlive it."""
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _back_to_public():
    """The tenant middleware leaves the connection on the last tenant; every test starts on public."""
    connection.set_schema_to_public()
    yield
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """The language middleware leaves the last request's language active on the thread."""
    yield
    translation.deactivate()


@pytest.fixture
def university_a(db):
    return University.objects.get(slug="kastamonu")


@pytest.fixture
def university_b(db):
    return University.objects.get(slug="osh")


def host_of(university: University) -> str:
    return f"{university.slug}.{ROOT_HOST}"


@pytest.fixture
def client_a(university_a):
    return Client(HTTP_HOST=host_of(university_a))


@pytest.fixture
def client_b(university_b):
    return Client(HTTP_HOST=host_of(university_b))


@pytest.fixture
def root_client(db):
    return Client(HTTP_HOST=ROOT_HOST)


def make_office_user(university: University, *, username: str, role: str = "office_admin", academic_unit=None,
                     **fields):
    """A user with a role (and the unit they work in, if any) in one university's schema."""
    with schema_context(university.schema_name):
        return MembershipFactory(role=role, academic_unit=academic_unit, user__username=username,
                                 **{f"user__{name}": value for name, value in fields.items()}).user


@pytest.fixture
def admin_a(university_a):
    return make_office_user(university_a, username="ayse", email="ayse@kastamonu.example")


@pytest.fixture
def admin_b(university_b):
    return make_office_user(university_b, username="aibek", email="aibek@osh.example")


@pytest.fixture
def platform_admin(db):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from core.accounts.models import User

    with schema_context("public"):
        user = User.objects.create_superuser(username="operator", email="ops@kopru.example",
                                             password="correct horse battery")
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)  # the console requires one
    return user
