"""Reads of the public schema."""

from django.conf import settings
from django.core.cache import cache
from django_tenants.utils import schema_context

from tenants.models import Domain, University

HOST_CACHE_SECONDS = 300


def _host_key(hostname: str) -> str:
    return f"kopru:university-for-host:{hostname}"


# Cache keys carry the current schema (django_tenants.cache.make_key). The host map belongs to the
# whole platform: the tenant middleware reads it before any university is chosen, and it is cleared
# from wherever a university changes; so it is always read and written under the public schema.
def _on_public_schema():
    return schema_context(settings.PUBLIC_SCHEMA_NAME)


def university_for_host(hostname: str) -> University | None:
    """The university (or the public tenant) that answers on this host; cached once warm.

    Unknown hosts are not cached, so a domain added by another process is found at
    once; nor are universities still being provisioned, so they open as soon as the
    onboarding finishes. Known ones are dropped from the cache by `forget_university_hosts`.
    """
    hostname = hostname.lower()
    key = _host_key(hostname)
    with _on_public_schema():
        university = cache.get(key)
        if university is None:
            domain = Domain.objects.select_related("tenant").filter(domain=hostname).first()
            if domain is None:
                return None
            university = domain.tenant
            if university.status != University.Status.PROVISIONING:
                cache.set(key, university, HOST_CACHE_SECONDS)
    return university


def forget_university_hosts(university: University) -> None:
    """Drop every cached host of a university: call after changing it or its domains.

    A domain about to be deleted must be forgotten before it goes, while it can still be found.
    """
    hosts = list(Domain.objects.filter(tenant=university).values_list("domain", flat=True))
    with _on_public_schema():
        cache.delete_many([_host_key(host) for host in hosts])


def absolute_url(university: University, path: str) -> str:
    """A link to a page on the university's primary host, for e-mails and documents."""
    port = f":{settings.KOPRU_URL_PORT}" if settings.KOPRU_URL_PORT else ""
    return f"{settings.KOPRU_URL_SCHEME}://{university.get_primary_domain().domain}{port}{path}"
