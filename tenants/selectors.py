"""Reads of the public schema."""

from django.conf import settings
from django.core.cache import cache

from tenants.models import Domain, University

HOST_CACHE_SECONDS = 300


def _host_key(hostname: str) -> str:
    return f"kopru:university-for-host:{hostname}"


def university_for_host(hostname: str) -> University | None:
    """The university (or the public tenant) that answers on this host; cached once warm.

    Unknown hosts are not cached, so a domain added by another process is found at
    once; known ones are dropped from the cache by `forget_university_hosts`.
    """
    key = _host_key(hostname)
    university = cache.get(key)
    if university is None:
        domain = Domain.objects.select_related("tenant").filter(domain=hostname).first()
        if domain is None:
            return None
        university = domain.tenant
        cache.set(key, university, HOST_CACHE_SECONDS)
    return university


def forget_university_hosts(university: University) -> None:
    """Drop every cached host of a university: call after changing it or its domains."""
    hosts = list(Domain.objects.filter(tenant=university).values_list("domain", flat=True))
    cache.delete_many([_host_key(host) for host in hosts])


def absolute_url(university: University, path: str) -> str:
    """A link to a page on the university's primary host, for e-mails and documents."""
    port = f":{settings.KOPRU_URL_PORT}" if settings.KOPRU_URL_PORT else ""
    return f"{settings.KOPRU_URL_SCHEME}://{university.get_primary_domain().domain}{port}{path}"
