#!/usr/bin/env python
"""Requests per second of GET /api/university/ against a bare Django JSON view, in one run.

    .venv/bin/python bench/api_throughput.py [--requests 3000] [--rounds 5]

Both are called in-process through Django's WSGI handler (no HTTP server, no
network), with the production settings:

- Köprü: a university's host, token authentication, the full middleware stack,
  tenant resolution through the host cache (a file cache, as a deployment without
  Redis has), `SET search_path` and the view;
- bare: a view returning JsonResponse({"ok": True}) in a one-line URLconf with no
  middleware at all: the floor any Django endpoint starts from.

It creates a throwaway database on the server of DATABASE_URL (or the embedded
one), sets up the public tenant, one university schema, a user and a token, and
drops the database at the end. It also counts SQL statements per request.
"""

import argparse
import io
import os
import platform
import statistics
import sys
import tempfile
import time
import types
import warnings
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "bench.localhost"
PATH = "/api/university/"


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def server_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    from kopru import localdb

    return localdb.database_url()


def admin_sql(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)


def set_up() -> str:
    """The public tenant, one university with its schema, a member and their token; the token's value."""
    from django.conf import settings
    from django.core.management import call_command
    from django_tenants.utils import schema_context

    from core.accounts.models import User
    from core.accounts.services import api_token_create
    from tenants.models import Domain, University

    call_command("migrate_schemas", "--shared", verbosity=0)
    public = University.objects.create(
        schema_name="public", slug="public", name="Köprü", country="TR", default_language="en",
        languages=list(settings.LANGUAGE_CODES), status=University.Status.ACTIVE,
    )
    Domain.objects.create(domain=settings.KOPRU_ROOT_DOMAIN, tenant=public, is_primary=True)
    university = University.objects.create(
        schema_name="bench", slug="bench", name="Kastamonu Üniversitesi", country="TR", default_language="tr",
        languages=["tr", "en"], status=University.Status.ACTIVE,
    )
    university.create_schema(check_if_exists=True, verbosity=0)
    Domain.objects.create(domain=HOST, tenant=university, is_primary=True)
    with schema_context(university.schema_name):
        user = User.objects.create_user(username="bench", password="correct horse battery")
        return api_token_create(user=user, name="bench")[1]


def bare_urlconf() -> str:
    from django.http import JsonResponse
    from django.urls import path

    module = types.ModuleType("bench_bare_urls")
    module.urlpatterns = [path("api/university/", lambda request: JsonResponse({"ok": True}))]
    sys.modules[module.__name__] = module
    return module.__name__


def caller(handler, headers: dict, *, path: str = PATH, query: str = ""):
    """One GET of `path` on HOST through the WSGI handler; fails loudly on anything but 200."""

    def start_response(status, response_headers, exc_info=None):
        if not status.startswith("200"):
            raise RuntimeError(f"{path}?{query} answered {status}")

    def call():
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": "",
            "SERVER_NAME": HOST, "SERVER_PORT": "443", "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": HOST,
            "HTTP_X_FORWARDED_PROTO": "https", "wsgi.url_scheme": "https", "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr, **headers,
        }
        response = handler(environ, start_response)
        b"".join(response)
        response.close()

    return call


def requests_per_second(call, count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        call()
    return count / (time.perf_counter() - started)


def statements_per_request(call, count: int = 100) -> tuple[float, float]:
    """(all SQL statements, of which SET search_path) per request, over `count` requests."""
    from django.db import connection

    seen: list[str] = []

    def record(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        for _ in range(count):
            call()
    search_paths = sum(1 for sql in seen if sql.upper().startswith("SET SEARCH_PATH"))
    return len(seen) / count, search_paths / count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="requests per round and per variant")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds; the median is reported")
    args = parser.parse_args()

    server = server_url()
    database = f"bench_api_{os.getpid()}"
    admin_sql(server, f'CREATE DATABASE "{database}"')
    cache_dir = tempfile.TemporaryDirectory(prefix="kopru-bench-cache-")
    try:
        os.environ.update({
            "DJANGO_SETTINGS_MODULE": "kopru.settings.production",
            "DATABASE_URL": with_database(server, database),
            "DJANGO_SECRET_KEY": "throwaway-benchmark-secret",
            "CELERY_BROKER_URL": "memory://",
            "LOG_LEVEL": "WARNING",
            # One client asks far more often than a rate meant for people allows.
            "KOPRU_API_USER_RATE": os.environ.get("KOPRU_API_USER_RATE", "1000000/min"),
        })
        os.environ.pop("KOPRU_DEMO", None)
        # WhiteNoise warns that collectstatic has not run: no static file is served here.
        warnings.filterwarnings("ignore", message="No directory at")
        import django
        from django.conf import settings

        if not os.environ.get("CACHE_URL"):  # a file cache, as a deployment without Redis has
            settings.CACHES["default"]["LOCATION"] = cache_dir.name  # before anything opens the cache
        django.setup()
        token = set_up()

        from django.core.handlers.wsgi import WSGIHandler
        from django.db import connection
        from django.test.utils import override_settings

        kopru = caller(WSGIHandler(), {"HTTP_AUTHORIZATION": f"Token {token}"})
        bare_settings = override_settings(MIDDLEWARE=[], ROOT_URLCONF=bare_urlconf())
        with bare_settings:
            bare = caller(WSGIHandler(), {})

        requests_per_second(kopru, 300)  # warm the caches, the connection and the code paths
        with bare_settings:
            requests_per_second(bare, 300)
        results = {"kopru": [], "bare": []}
        for _ in range(args.rounds):
            results["kopru"].append(requests_per_second(kopru, args.requests))
            with bare_settings:
                results["bare"].append(requests_per_second(bare, args.requests))
        statements, search_paths = statements_per_request(kopru)

        kopru_rps, bare_rps = statistics.median(results["kopru"]), statistics.median(results["bare"])
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}, PostgreSQL on {urlsplit(server).hostname or 'a local socket'}")
        print(f"{args.rounds} rounds of {args.requests} requests each, median:")
        print(f"  GET {PATH} (Köprü, token, full stack): {kopru_rps:8.0f} req/s  {1000 / kopru_rps:.3f} ms/req")
        print(f"  bare Django JsonResponse view:        {bare_rps:8.0f} req/s  {1000 / bare_rps:.3f} ms/req")
        print(f"  ratio bare / Köprü: {bare_rps / kopru_rps:.1f}x")
        print(f"  SQL statements per Köprü request: {statements:.2f} (of which SET search_path: {search_paths:.2f}),"
              " plus the connection health check's SELECT 1 (CONN_HEALTH_CHECKS)")
        connection.close()
    finally:
        cache_dir.cleanup()
        admin_sql(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
