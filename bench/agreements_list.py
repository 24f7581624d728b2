#!/usr/bin/env python
"""The agreements list API over 5,000 agreements: SQL per request by page size, and requests/s against a bare view.

    .venv/bin/python bench/agreements_list.py [--agreements 5000] [--requests 200] [--rounds 3]

It builds its throwaway database as bench/api_throughput.py does (same server, same
production settings, same bare Django view as the floor), adds an office admin, 200
partners, 20 academic units and the agreements, each with two partners, one or two
units and two cooperation conditions, then:

- counts SQL statements per GET /api/agreements/?page_size=N for N = 10, 50, 200
  (they must be equal: the list prefetches partners, units and conditions);
- times GET /api/agreements/?page_size=50 against the bare view, rounds alternating.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import warnings
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api_throughput as base  # noqa: E402  (the foundation benchmark: database, set-up, bare view)

PATH = "/api/agreements/"
PAGE_SIZES = (10, 50, 200)
TIMED_PAGE_SIZE = 50


def add_agreements(count: int) -> None:
    """The office's admin membership, partners, units and `count` agreements, in bulk."""
    from django_tenants.utils import schema_context

    from core.accounts.models import User
    from core.agreements.models import Agreement, CooperationCondition, IscedField
    from core.office.models import AcademicUnit, Membership, Role
    from core.partners.models import Partner

    with schema_context("bench"):
        Membership.objects.create(user=User.objects.get(username="bench"), role=Role.OFFICE_ADMIN)
        partners = Partner.objects.bulk_create(
            Partner(name_en=f"University {number}", name_tr=f"Üniversite {number}",
                    country=("DE", "PL", "KG")[number % 3], recognition=("recognised", "unchecked")[number % 2])
            for number in range(200))
        units = AcademicUnit.objects.bulk_create(AcademicUnit(name_tr=f"Fakülte {number}") for number in range(20))
        fields = list(IscedField.objects.filter(code__regex=r"^\d{4}$"))
        agreements = Agreement.objects.bulk_create(
            Agreement(kind="erasmus_ka131", title_en=f"Erasmus+ agreement {number}", scopes=["student_exchange"],
                      text_languages=["en"])
            for number in range(count))
        Agreement.partners.through.objects.bulk_create(
            Agreement.partners.through(agreement_id=agreement.pk, partner_id=partners[(index + step) % 200].pk)
            for index, agreement in enumerate(agreements) for step in (0, 7))
        Agreement.units.through.objects.bulk_create(
            Agreement.units.through(agreement_id=agreement.pk, academicunit_id=units[(index + step) % 20].pk)
            for index, agreement in enumerate(agreements) for step in range(1 + index % 2))
        CooperationCondition.objects.bulk_create(
            CooperationCondition(agreement=agreement, direction=direction, mobility_type="SMS",
                                 isced=fields[index % len(fields)], eqf_level=6, places_per_year=2,
                                 months_per_person=5, language="en", cefr_level="B2")
            for index, agreement in enumerate(agreements) for direction in ("outgoing", "incoming"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200, help="requests per round and per variant")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported")
    args = parser.parse_args()

    server = base.server_url()
    database = f"bench_agreements_{os.getpid()}"
    base.admin_sql(server, f'CREATE DATABASE "{database}"')
    cache_dir = tempfile.TemporaryDirectory(prefix="kopru-bench-cache-")
    try:
        os.environ.update({
            "DJANGO_SETTINGS_MODULE": "kopru.settings.production",
            "DATABASE_URL": base.with_database(server, database),
            "DJANGO_SECRET_KEY": "throwaway-benchmark-secret",
            "CELERY_BROKER_URL": "memory://",
            "LOG_LEVEL": "WARNING",
            "KOPRU_API_USER_RATE": os.environ.get("KOPRU_API_USER_RATE", "1000000/min"),
        })
        os.environ.pop("KOPRU_DEMO", None)
        warnings.filterwarnings("ignore", message="No directory at")
        import django
        from django.conf import settings

        settings.CACHES["default"]["LOCATION"] = cache_dir.name
        django.setup()
        token = base.set_up()
        add_agreements(args.agreements)

        from django.core.handlers.wsgi import WSGIHandler
        from django.db import connection
        from django.test.utils import override_settings

        handler, auth = WSGIHandler(), {"HTTP_AUTHORIZATION": f"Token {token}"}
        pages = {size: base.caller(handler, auth, path=PATH, query=f"page_size={size}") for size in PAGE_SIZES}
        bare_settings = override_settings(MIDDLEWARE=[], ROOT_URLCONF=base.bare_urlconf())
        with bare_settings:
            bare = base.caller(WSGIHandler(), {})

        for call in pages.values():
            base.requests_per_second(call, 20)  # warm the caches and the connection
        statements = {size: base.statements_per_request(call, 20)[0] for size, call in pages.items()}
        with bare_settings:
            base.requests_per_second(bare, 300)
        results = {"kopru": [], "bare": []}
        for _ in range(args.rounds):
            results["kopru"].append(base.requests_per_second(pages[TIMED_PAGE_SIZE], args.requests))
            with bare_settings:
                results["bare"].append(base.requests_per_second(bare, args.requests * 10))

        kopru_rps, bare_rps = statistics.median(results["kopru"]), statistics.median(results["bare"])
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}, PostgreSQL on {urlsplit(server).hostname or 'a local socket'}")
        print(f"{args.agreements} agreements; SQL statements per request by page size: "
              + ", ".join(f"{size}: {count:.2f}" for size, count in statements.items()))
        print(f"{args.rounds} rounds, median:")
        print(f"  GET {PATH}?page_size={TIMED_PAGE_SIZE} (Köprü, token, full stack): {kopru_rps:8.1f} req/s  "
              f"{1000 / kopru_rps:.2f} ms/req")
        print(f"  bare Django JsonResponse view: {bare_rps:8.0f} req/s  {1000 / bare_rps:.3f} ms/req")
        print(f"  ratio bare / Köprü: {bare_rps / kopru_rps:.0f}x")
        connection.close()
        if len(set(statements.values())) != 1:
            print("the number of statements changes with the page size", file=sys.stderr)
            return 1
    finally:
        cache_dir.cleanup()
        base.admin_sql(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
