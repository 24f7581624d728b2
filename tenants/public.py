"""The public tenant: the root domain's record, without which the platform console's host answers 404."""

from django.conf import settings
from django.db import transaction

from tenants.models import Domain, University


@transaction.atomic
def public_tenant_ensure() -> University:
    """Create the public tenant and its root-domain Domain when missing; safe to run on every deploy."""
    public = University.objects.filter(schema_name=settings.PUBLIC_SCHEMA_NAME).first()
    if public is None:
        public = University(
            schema_name=settings.PUBLIC_SCHEMA_NAME, slug="public", name_en="Köprü", name_tr="Köprü",
            name_ky="Көпүрө", name_ru="Кёпрю", country="TR", default_language="en",
            languages=list(settings.LANGUAGE_CODES), status=University.Status.ACTIVE,
        )
        public.save()
    Domain.objects.get_or_create(domain=settings.KOPRU_ROOT_DOMAIN, defaults={"tenant": public, "is_primary": True})
    return public
