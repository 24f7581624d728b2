"""Fixtures of the onboarding and console tests."""

import itertools

import pytest
from django.db import connection
from django.test import Client

from kopru.celery import app as celery_app

_slugs = itertools.count(1)


@pytest.fixture
def celery_eager():
    """Tasks run in the caller's process for this test only; their errors surface in the test."""
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_eager_propagates = False


@pytest.fixture
def new_slug(db):
    """A slug no other test uses, so schemas made in one test never meet another's."""
    return f"uni-{next(_slugs)}-t"


@pytest.fixture
def console(root_client, platform_admin) -> Client:
    root_client.force_login(platform_admin)
    return root_client


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
