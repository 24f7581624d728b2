"""Writes of the public schema: onboarding universities, suspending them, their domains."""

import re

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext
from django_tenants.utils import schema_exists

from console.errors import ConsoleError
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from kopru.errors import ServiceError, full_clean_or_refuse, invalid
from tenants.models import Domain, ProvisioningJob, University
from tenants.selectors import forget_university_hosts

SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$")
DNS_LABEL_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
# Hosts the platform keeps for itself or that name PostgreSQL's own schemas.
RESERVED_SLUGS = frozenset({
    "admin", "api", "app", "assets", "auth", "cdn", "console", "dashboard", "dev", "docs", "ftp", "help", "imap",
    "information-schema", "kopru", "localhost", "login", "mail", "media", "ns1", "ns2", "platform", "pop", "public",
    "root", "smtp", "static", "staging", "status", "support", "tenant-template", "tenant_template", "test", "webmail",
    "www",
})


def schema_name_for(slug: str) -> str:
    return slug.replace("-", "_")


def slug_errors(slug: str) -> list[str]:
    """What is wrong with a university's address label; empty when it can be used."""
    if not SLUG_PATTERN.match(slug):
        return [gettext("Use 3 to 40 characters: lowercase letters a–z, digits and hyphens, "
                        "not at the start or the end.")]
    # PostgreSQL keeps schema names starting with pg_ for itself.
    if slug in RESERVED_SLUGS or slug.startswith("pg-"):
        return [gettext("This address is reserved for the platform; choose another.")]
    host = f"{slug}.{settings.KOPRU_ROOT_DOMAIN}"
    # A schema of that name without a university (left by hand) is taken too: a failed onboarding would drop it.
    if (University.objects.filter(slug=slug).exists()
            or schema_exists(schema_name_for(slug), case_sensitive=False)
            or Domain.objects.filter(domain=host).exists()):
        return [gettext("A university with this address already exists.")]
    return []


def _country_errors(country: str) -> list[str]:
    if len(country) != 2 or pycountry.countries.get(alpha_2=country) is None:
        return [gettext("Use a two-letter ISO 3166-1 country code, such as TR or KG.")]
    return []


def _language_errors(default_language: str, languages: list[str]) -> dict[str, list[str]]:
    errors = {}
    unknown = [code for code in languages if code not in settings.LANGUAGE_CODES]
    if not languages:
        errors["languages"] = [gettext("Choose at least one language.")]
    elif unknown:
        errors["languages"] = [gettext("Unknown language code: %(code)s.") % {"code": unknown[0]}]
    elif default_language not in languages:
        errors["default_language"] = [gettext("The default language must be one of the university's languages.")]
    return errors


def _name_errors(names: dict[str, str], languages: list[str]) -> dict[str, list[str]]:
    """A name in every language the university works in; the others may fall back."""
    language_names = dict(settings.LANGUAGES)
    return {
        f"name_{code}": [gettext("Give the university's name in %(language)s.") % {"language": language_names[code]}]
        for code in languages if not names.get(code, "").strip()
    }


def _email_errors(email: str) -> list[str]:
    try:
        validate_email(email)
    except ValidationError:
        return [gettext("Enter a valid e-mail address.")]
    return []


@transaction.atomic
def university_onboard(
    *, acting_user, names: dict[str, str], short_name: str = "", slug: str, country: str, city: str = "",
    default_language: str, languages: list[str], erasmus_code: str = "", website: str = "", admin_email: str,
    queue: bool = True,
) -> ProvisioningJob:
    """Record a new university and its provisioning job; the slow steps run in a task after commit.

    With queue=False nothing is queued: the caller (the CLI's --sync, the demo data) runs
    console.provisioning.provisioning_run itself.
    """
    slug = slug.strip().lower()
    country = country.strip().upper()
    admin_email = admin_email.strip().lower()

    errors = {"slug": slug_errors(slug), "country": _country_errors(country), "admin_email": _email_errors(admin_email)}
    errors |= _language_errors(default_language, languages)
    languages = [code for code in settings.LANGUAGE_CODES if code in languages]
    errors |= _name_errors(names, languages)
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise invalid(errors)

    university = University(
        schema_name=schema_name_for(slug), slug=slug, short_name=short_name.strip(), country=country,
        city=city.strip(), default_language=default_language, languages=languages,
        erasmus_code=erasmus_code.strip(), website=website.strip(), status=University.Status.PROVISIONING,
    )
    for code in settings.LANGUAGE_CODES:
        setattr(university, f"name_{code}", names.get(code, "").strip() or None)
    full_clean_or_refuse(university)
    university.save()
    job = ProvisioningJob.objects.create(
        university=university, slug=slug, admin_email=admin_email,
        requested_by=acting_user if acting_user is not None and acting_user.is_authenticated else None,
    )
    audit_record(actor=acting_user, action=AuditAction.UNIVERSITY_ONBOARDED, target=university,
                 details={"slug": slug, "job": job.pk})
    if queue:
        from console.tasks import provision_university

        transaction.on_commit(lambda: provision_university.delay(job.pk))
    return job


def _set_status(*, university: University, acting_user, status: str, allowed_from: str, action: AuditAction,
                refusal: str) -> University:
    if university.status != allowed_from:
        raise ServiceError(ConsoleError.WRONG_STATUS, refusal)
    if university.deletion_due_at is not None:  # console/deletion.py keeps it closed until then
        raise ServiceError(ConsoleError.WRONG_STATUS, gettext("This university is scheduled for deletion: "
                                                   "cancel the deletion first."))
    university.status = status
    university.full_clean()
    university.save(update_fields=["status", "updated_at"])
    audit_record(actor=acting_user, action=action, target=university)
    # The host cache holds the university with its status: drop it once the change is visible.
    transaction.on_commit(lambda: forget_university_hosts(university))
    return university


@transaction.atomic(durable=True)
def university_suspend(*, university: University, acting_user) -> University:
    """Close a university's hosts (pages and API answer 503) without touching its data."""
    return _set_status(
        university=university, acting_user=acting_user, status=University.Status.SUSPENDED,
        allowed_from=University.Status.ACTIVE, action=AuditAction.UNIVERSITY_SUSPENDED,
        refusal=gettext("Only an active university can be suspended."),
    )


@transaction.atomic(durable=True)
def university_reactivate(*, university: University, acting_user) -> University:
    return _set_status(
        university=university, acting_user=acting_user, status=University.Status.ACTIVE,
        allowed_from=University.Status.SUSPENDED, action=AuditAction.UNIVERSITY_REACTIVATED,
        refusal=gettext("Only a suspended university can be reactivated."),
    )


def normalise_hostname(hostname: str) -> str:
    """Lowercase, without a trailing dot, international names in their ASCII (punycode) form."""
    hostname = hostname.strip().lower().rstrip(".")
    try:
        return hostname.encode("idna").decode("ascii")
    except UnicodeError:
        return hostname


def hostname_errors(hostname: str) -> list[str]:
    root = settings.KOPRU_ROOT_DOMAIN
    labels = hostname.split(".")
    if len(hostname) > 253 or len(labels) < 2 or not all(DNS_LABEL_PATTERN.match(label) for label in labels):
        return [gettext("Enter a host name such as international.example.edu.tr.")]
    if hostname == root or hostname.endswith(f".{root}"):
        return [gettext("Addresses under %(root)s come from the university's slug; "
                        "enter the university's own domain.") % {"root": root}]
    if Domain.objects.filter(domain=hostname).exists():
        return [gettext("This domain is already in use.")]
    return []


@transaction.atomic(durable=True)
def university_add_domain(*, university: University, domain: str, acting_user) -> Domain:
    """Let a university also answer on a domain of its own; it works at once (unknown hosts are not cached)."""
    if university.is_public or university.status == University.Status.PROVISIONING:
        raise ServiceError(ConsoleError.WRONG_STATUS, gettext("Domains can be added once the university is set up."))
    hostname = normalise_hostname(domain)
    errors = hostname_errors(hostname)
    if errors:
        raise invalid({"domain": errors})
    record = Domain(domain=hostname, tenant=university, is_primary=False)
    record.full_clean()
    record.save()
    audit_record(actor=acting_user, action=AuditAction.UNIVERSITY_DOMAIN_ADDED,
                 target=university, details={"domain": hostname})
    return record
