"""A real HTTP server on the test database, and a headless chromium to drive it.

pytest-django's live_server would need transactional_db, whose teardown empties the
public tables the session's universities live in; this server runs in a thread of
its own instead, and the tests write only committed rows they delete afterwards.
"""

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test.testcases import LiveServerThread
from django_tenants.utils import quote_schema_name

from tenants.models import University
from tests.conftest import make_university

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def pytest_configure(config):
    """The pages must come out translated: compile the catalogues before any language is loaded."""
    call_command("compile_catalogues")


@pytest.fixture(scope="module")
def server_port(django_db_setup, django_db_blocker):
    """The Django app served over HTTP on a free port, reaching the test database on its own connections.

    pytest-django sets up the test database only when a test is marked django_db:
    browser tests must be, or the server would serve the development database.
    """
    with django_db_blocker.unblock():
        thread = LiveServerThread("127.0.0.1", StaticFilesHandler)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield thread.port
        thread.terminate()


def _remove_university(slug: str) -> None:
    """Drop the university's schema, its public rows and its files; nothing of it is left for other tests."""
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(slug)} CASCADE")
    University.objects.filter(slug=slug).delete()  # its domains go with it
    shutil.rmtree(Path(settings.MEDIA_ROOT) / slug, ignore_errors=True)
    cache.clear()  # the server thread's cached hosts


@contextmanager
def throwaway_university(*, slug: str, name: str, country: str, language: str, languages: list[str]):
    """A university of one test module's own, committed so the server sees it, and removed afterwards.

    The session's universities stay as the other tests expect them. Call inside
    django_db_blocker.unblock().
    """
    _remove_university(slug)  # left over by an interrupted run
    try:
        yield make_university(slug=slug, name=name, country=country, language=language, languages=languages)
    finally:
        _remove_university(slug)


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is missing: install it with `apt-get install chromium` "
                    "(`python3 dev.py test` installs it when run as root)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the ORM, used here only
    # between browser steps, would otherwise refuse to run beside it.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Database work done while Playwright's loop runs gets a connection of its own
        # context; close it here, or it outlives the tests and blocks dropping the database.
        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
