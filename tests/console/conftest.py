"""Fixtures of the onboarding and console tests."""

import itertools
import os

import pytest
from django.db import connection
from django.test import Client

from tenants.models import University
from tests.core.accounts.helpers import sign_in

_slugs = itertools.count(1)



@pytest.fixture
def new_slug(db):
    """A slug no other test uses, so schemas made in one test never meet another's."""
    return f"uni-{next(_slugs)}-t"


@pytest.fixture
def console(root_client, platform_admin) -> Client:
    return sign_in(root_client, University.objects.get(schema_name="public"), platform_admin)


def schema_exists(schema: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM information_schema.schemata WHERE schema_name = %s", [schema])
        return cursor.fetchone()[0] == 1


def onboarding_input(slug: str, **overrides) -> dict:
    return {
        "names": {"tr": "Deneme Üniversitesi", "ky": "Сыноо университети", "ru": "Тестовый университет",
                  "en": "Test University"},
        "short_name": "DU", "slug": slug, "country": "TR", "city": "Ankara", "default_language": "tr",
        "languages": ["tr", "en"], "admin_email": "office@deneme.example",
        **overrides,
    }


class FreshUniversities:
    """Live universities with a schema and a media folder of their own, for one test.

    The pid in their slugs keeps apart the media folders of test runs that share one.
    """

    def __init__(self):
        self.schemas = []

    def new_slug(self) -> str:
        """A slug no university has; files later stored under it are removed after the test too."""
        slug = f"fresh-{os.getpid()}-{next(_slugs)}"
        self.schemas.append(slug.replace("-", "_"))
        return slug

    def make(self, **fields):
        from tenants.models import Domain, University

        slug = self.new_slug()
        fields = {"name": "Kaynak Üniversitesi", "country": "TR", "default_language": "tr", "languages": ["tr", "en"],
                  **fields}
        university = University(schema_name=slug.replace("-", "_"), slug=slug, status=University.Status.ACTIVE,
                                **fields)
        university.save()
        university.create_schema(check_if_exists=True, verbosity=0)
        Domain.objects.create(domain=f"{slug}.localhost", tenant=university, is_primary=True)
        return university

    def remove_files(self) -> None:
        from django.core.files.storage import default_storage
        from django_tenants.utils import schema_context

        from kopru.storage import tenant_files_delete

        for schema in self.schemas:
            with schema_context(schema):
                tenant_files_delete(default_storage)


@pytest.fixture
def fresh_universities(db):
    universities = FreshUniversities()
    yield universities
    universities.remove_files()
