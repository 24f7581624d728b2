#!/usr/bin/env python
"""Every list endpoint against the bare Django view: SQL statements by page size and the ratio of their speeds.

    .venv/bin/python bench/lists.py [--agreements 5000] [--rounds 3] [--seconds 1.0] [--only agreements,partners]

It builds a throwaway database as bench/api_throughput.py does (same server, same production
settings, same bare Django view as the floor): an office admin, 200 partners, 20 academic units,
5,000 agreements (each with two partners, one or two units and two cooperation conditions with
their ISCED-F field), then 800 partners more, 30 statutes of three revisions each, 5,000 audit
entries, 5,000 notifications of the admin and 2,000 requests under agreements. For each list it

- counts SQL statements per GET at page sizes 10 and 50 (they must be equal);
- times a page of 50, in rounds that alternate with the bare view, each round `--seconds` long;

and prints each list's ratio to the bare view (the median round of each). GET /api/university/
is timed the same way, as the lightest endpoint there is.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import api_throughput as base  # noqa: E402  (the foundation benchmark: database, set-up, bare view)

# name: (path, query of every request); the page size is added to the query.
LISTS = {
    "agreements": ("/api/agreements/", ""),
    "partners": ("/api/partners/", ""),
    "statutes": ("/api/statutes/", ""),
    "audit log": ("/api/audit/", ""),
    "notifications": ("/api/notifications/", ""),
    "requests": ("/api/agreements/requests/", ""),
    "university": ("/api/university/", None),  # no page: the light endpoint
    "home": ("/api/home/", None),  # the work queue: the same few queries whatever the office holds
}
PAGE_SIZES = (10, 50)
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



def add_the_rest() -> None:
    """Partners beyond the agreements' 200, statutes, audit entries, notifications and requests, in bulk."""
    from django.utils import timezone
    from django_tenants.utils import schema_context

    from core.accounts.models import User
    from core.agreements.models import Agreement, AgreementRequest
    from core.audit.models import AuditEntry
    from core.notifications.models import Notification
    from core.office.models import AcademicUnit
    from core.partners.models import Partner
    from core.statutes.models import Revision, Statute

    with schema_context("bench"):
        user = User.objects.get(username="bench")
        Partner.objects.bulk_create(
            Partner(name_en=f"College {number}", name_ru=f"Колледж {number}", country=("FR", "KZ", "TR")[number % 3],
                    city=f"City {number % 40}", recognition=("recognised", "unchecked")[number % 2])
            for number in range(800))
        statutes = Statute.objects.bulk_create(
            Statute(kind=("statute", "procedure")[number % 2], title_tr=f"Yönerge {number}",
                    title_en=f"Directive {number}", document_number=f"YÖN-{number:03}")
            for number in range(30))
        Revision.objects.bulk_create(
            Revision(statute=statute, number=number, status=("superseded", "in_force", "draft")[number],
                     revised_on=date(2020 + number, 1, 1), in_force_from=date(2020 + number, 2, 1),
                     description_en=f"Revision {number}")
            for statute in statutes for number in range(3))
        now = timezone.now()
        AuditEntry.objects.bulk_create(
            AuditEntry(actor=user, actor_label="bench", action=("agreement.created", "partner.changed")[number % 2],
                       target_type="agreement", target_id=str(number), target_label=f"Agreement {number}",
                       # half named in each language, half as entries written before names were kept so
                       target_labels={"tr": f"Protokol {number}", "ky": f"Келишим {number}",
                                      "ru": f"Соглашение {number}", "en": f"Agreement {number}"} if number % 2 else {},
                       details={"number": number})
            for number in range(5000))
        AuditEntry.objects.update(at=now)
        Notification.objects.bulk_create(
            Notification(recipient=user, title=f"Reminder {number}", text="An agreement ends soon.",
                         link=f"/agreements/{number}/", read_at=now if number % 3 else None)
            for number in range(5000))
        agreements = list(Agreement.objects.values_list("pk", flat=True)[:2000])
        units = list(AcademicUnit.objects.values_list("pk", flat=True))
        AgreementRequest.objects.bulk_create(
            AgreementRequest(agreement_id=agreement, received_on=date(2026, 1, 1) + timedelta(days=index % 300),
                             sender=f"partner{index}@example.org", subject=f"Request {index}", body="Please.",
                             unit_id=units[index % len(units)] if index % 2 else None, registered_by=user)
            for index, agreement in enumerate(agreements))


def vacuum() -> None:
    """What autovacuum does soon after a bulk load in a deployment: the planner's statistics, and the
    visibility map that lets a count read an index alone."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def rounds_per_second(call, seconds: float) -> tuple[float, float]:
    """Requests per second of `call`, run for about `seconds`, and this process's CPU milliseconds per request
    (which a busy database server does not inflate: it leaves out the wait for PostgreSQL, and its work)."""
    count, started, cpu = 0, time.perf_counter(), time.process_time()
    while (elapsed := time.perf_counter() - started) < seconds or count < 3:
        call()
        count += 1
    return count / elapsed, (time.process_time() - cpu) * 1000 / count


def profile(name: str, call, count: int) -> None:
    """Where `count` requests of `call` spend their time: the functions of most cumulative and of most own time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(lambda: [call() for _ in range(count)])
    stats_file = Path(tempfile.gettempdir()) / f"kopru-bench-{name.replace(' ', '-')}.pstats"
    profiler.dump_stats(stats_file)
    print(f"--- {name}: {count} requests (the whole profile: {stats_file})")
    for key in ("cumulative", "tottime"):
        pstats.Stats(profiler).strip_dirs().sort_stats(key).print_stats(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported")
    parser.add_argument("--seconds", type=float, default=1.0, help="length of each list's round, and the bare view's")
    parser.add_argument("--only", default="", help="comma-separated names of the lists to time (default: all)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="instead of timing, profile N requests of each list and print where their time goes")
    args = parser.parse_args()
    names = [name for name in LISTS if not args.only or name in args.only.split(",")]

    server = base.server_url()
    database = f"bench_lists_{os.getpid()}"
    base.admin_sql(server, f'CREATE DATABASE "{database}"')
    cache_dir = tempfile.TemporaryDirectory(prefix="kopru-bench-cache-")
    failed = False
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

        if not os.environ.get("CACHE_URL"):  # a file cache, as a deployment without Redis has
            settings.CACHES["default"]["LOCATION"] = cache_dir.name
        django.setup()
        token = base.set_up()
        add_agreements(args.agreements)
        add_the_rest()
        vacuum()

        from django.core.handlers.wsgi import WSGIHandler
        from django.db import connection
        from django.test.utils import override_settings

        handler, auth = WSGIHandler(), {"HTTP_AUTHORIZATION": f"Token {token}"}

        def call(name, size=None):
            path, query = LISTS[name]
            if query is None:
                return base.caller(handler, auth, path=path)
            return base.caller(handler, auth, path=path, query="&".join(filter(None, [query, f"page_size={size}"])))

        bare_settings = override_settings(MIDDLEWARE=[], ROOT_URLCONF=base.bare_urlconf())
        with bare_settings:
            bare = base.caller(WSGIHandler(), {})
            base.requests_per_second(bare, 300)

        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}, PostgreSQL on {urlsplit(server).hostname or 'a local socket'}")
        print(f"{args.agreements} agreements; {args.rounds} rounds of {args.seconds} s, median; "
              f"timed page size {TIMED_PAGE_SIZE}")
        sql_heading = "SQL at " + "/".join(map(str, PAGE_SIZES))
        print(f"{'list':<14} {sql_heading:>14} {'ms/req':>9} {'bare ms':>8} {'ratio':>7} {'CPU ms/req':>11}")
        for name in names:
            sizes = (None,) if LISTS[name][1] is None else PAGE_SIZES
            calls = {size: call(name, size) for size in sizes}
            for each in calls.values():
                base.requests_per_second(each, 5)  # warm the caches and the code paths
            statements = [base.statements_per_request(each, 5)[0] for each in calls.values()]
            timed = calls[sizes[-1] if sizes == (None,) else TIMED_PAGE_SIZE]
            if args.profile:
                profile(name, timed, args.profile)
                continue
            kopru_rounds, bare_rounds = [], []
            for _ in range(args.rounds):
                kopru_rounds.append(rounds_per_second(timed, args.seconds))
                with bare_settings:
                    bare_rounds.append(rounds_per_second(bare, args.seconds))
            kopru, floor = (statistics.median(rps for rps, _cpu in rounds) for rounds in (kopru_rounds, bare_rounds))
            cpu = statistics.median(cpu for _rps, cpu in kopru_rounds)
            counts = "/".join(f"{count:g}" for count in statements)
            print(f"{name:<14} {counts:>14} {1000 / kopru:9.2f} {1000 / floor:8.3f} {floor / kopru:6.0f}x {cpu:11.2f}",
                  flush=True)
            if len(set(statements)) != 1:
                print(f"  {name}: the number of statements changes with the page size", file=sys.stderr)
                failed = True
        connection.close()
    finally:
        cache_dir.cleanup()
        base.admin_sql(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
