"""Reads of the public schema for the platform's own pages, API and commands."""

from django.conf import settings
from django.db import connection
from django_tenants.utils import quote_schema_name

from i18n.text import sort_by_language
from kopru.errors import NotFound
from tenants.models import ProvisioningJob, University


def universities_with_activity() -> list[University]:
    """Every university, sorted by name in the reader's language, with `active_users` and `last_login`.

    The figures of all schemas come from one query (UNION ALL over their user tables);
    a university still being provisioned may have no tables yet and counts nothing.
    """
    universities = list(University.objects.exclude(schema_name=settings.PUBLIC_SCHEMA_NAME))
    live = [university for university in universities if university.status != University.Status.PROVISIONING]
    figures = {}
    if live:
        sql = " UNION ALL ".join(
            "SELECT %s, count(*) FILTER (WHERE is_active), max(last_login) "  # noqa: S608 - quoted schema names
            f"FROM {quote_schema_name(university.schema_name)}.accounts_user"
            for university in live
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [university.schema_name for university in live])
            figures = {schema: (active, last_login) for schema, active, last_login in cursor.fetchall()}
    for university in universities:
        university.active_users, university.last_login = figures.get(university.schema_name, (0, None))
    return sort_by_language(universities, key=lambda university: university.name)


def university_for_console(slug: str) -> University:
    """A university by slug for the platform's own pages and API; the public tenant is not one (404)."""
    university = University.objects.exclude(schema_name=settings.PUBLIC_SCHEMA_NAME).filter(slug=slug).first()
    if university is None:
        raise NotFound()
    return university


def provisioning_job_for_console(job_id: int) -> ProvisioningJob:
    job = ProvisioningJob.objects.select_related("university").filter(pk=job_id).first()
    if job is None:
        raise NotFound()
    return job
