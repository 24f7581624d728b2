"""Onboarding time: running every tenant migration versus cloning the migrated template schema.

    .venv/bin/python bench/onboarding.py [-n 5]

It works in a throwaway database, kopru_bench, on the server of DATABASE_URL (or the
embedded one), created at the start and dropped at the end. Both ways provision N
universities each in the same run, interleaved, after one unmeasured warm-up of each;
it prints the medians of the whole provisioning and of its schema step, and their ratio.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "kopru_bench"


def server_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    sys.path.insert(0, str(ROOT))
    from kopru import localdb

    return localdb.database_url()


def database_url(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def recreate(url: str, *, create: bool) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        if create:
            connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")


def provision(mode: str, slug: str) -> tuple[float, float]:
    """Onboard and provision one university; the seconds of the whole run and of its schema step."""
    from django.conf import settings

    from console.provisioning import provisioning_run
    from console.services import university_onboard
    from tenants.models import ProvisioningJob

    settings.KOPRU_TENANT_CREATION = mode
    marks = {}

    def mark(job):
        marks.setdefault(job.step or job.status, time.perf_counter())

    started = time.perf_counter()
    job = university_onboard(
        acting_user=None, names={"en": f"Bench {slug}", "tr": f"Bench {slug}"}, slug=slug, country="TR",
        default_language="tr", languages=["tr", "en"], admin_email=f"iro@{slug}.example", queue=False,
    )
    job = provisioning_run(job_id=job.pk, on_progress=mark)
    finished = time.perf_counter()
    if job.status != ProvisioningJob.Status.DONE:
        raise SystemExit(f"{slug} failed: {job.error}")
    return finished - started, marks[ProvisioningJob.Step.DOMAIN] - marks[ProvisioningJob.Step.SCHEMA]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="universities per way (default 5)")
    count = parser.parse_args().n

    server = server_url()
    recreate(server, create=True)
    os.environ.update({
        "DATABASE_URL": database_url(server, BENCH_DATABASE), "DJANGO_SETTINGS_MODULE": "kopru.settings.dev",
        "CELERY_BROKER_URL": "memory://", "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    })
    sys.path.insert(0, str(ROOT))
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        from console.provisioning import template_schema_prepare
        from tenants.public import public_tenant_ensure

        call_command("migrate_schemas", shared=True, verbosity=0)
        public_tenant_ensure()
        started = time.perf_counter()
        template_schema_prepare()
        template_seconds = time.perf_counter() - started
        provision("migrate", "warm-migrate")
        provision("clone", "warm-clone")

        results = {"migrate": [], "clone": []}
        for index in range(count):
            ways = ("migrate", "clone") if index % 2 == 0 else ("clone", "migrate")
            for way in ways:
                results[way].append(provision(way, f"{way}-{index}"))
        connections.close_all()
    finally:
        recreate(server, create=False)

    from django.db.migrations.loader import MigrationLoader

    migrations = len(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    print(f"{count} universities per way; {migrations} migrations on disk; "
          f"template schema prepared once in {template_seconds:.2f} s\n")
    print("| way | median provisioning (s) | median schema step (s) |")
    print("|---|---|---|")
    medians = {}
    for way, runs in results.items():
        medians[way] = (statistics.median(total for total, _ in runs), statistics.median(step for _, step in runs))
        print(f"| {way} | {medians[way][0]:.3f} | {medians[way][1]:.3f} |")
    print(f"\nclone / migrate: provisioning {medians['clone'][0] / medians['migrate'][0]:.2f}, "
          f"schema step {medians['clone'][1] / medians['migrate'][1]:.2f}")


if __name__ == "__main__":
    main()
