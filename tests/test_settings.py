"""The production settings refuse to start without their secrets, and never as a demo."""

import os
import subprocess
import sys

from django.conf import settings

REQUIRED = {
    "DJANGO_SECRET_KEY": "a-long-production-secret",
    "DATABASE_URL": "postgres://kopru:secret@db.internal:5432/kopru",
    "CELERY_BROKER_URL": "redis://redis.internal:6379/0",
}
# Names that must never leak in from the developer's shell into these imports.
SCRUBBED = {*REQUIRED, "KOPRU_DEMO", "DJANGO_SETTINGS_MODULE"}


def import_production(**variables: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in SCRUBBED}
    env.update(variables)
    code = "import kopru.settings.production as s; print('imported', s.DEBUG, s.SESSION_COOKIE_SECURE)"
    return subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=60)


def without(name: str) -> dict[str, str]:
    return {key: value for key, value in REQUIRED.items() if key != name}


def test_production_imports_with_every_required_variable():
    result = import_production(**REQUIRED)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "imported False True"


def test_production_refuses_to_start_without_a_secret_key():
    result = import_production(**without("DJANGO_SECRET_KEY"))

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_embedded_database_and_broker():
    for name in ("DATABASE_URL", "CELERY_BROKER_URL"):
        result = import_production(**without(name))

        assert result.returncode != 0
        assert f"ImproperlyConfigured: {name} must be set" in result.stderr


def test_production_refuses_demo_mode():
    result = import_production(**REQUIRED, KOPRU_DEMO="1")

    assert result.returncode != 0
    assert "ImproperlyConfigured: KOPRU_DEMO must not be set" in result.stderr
