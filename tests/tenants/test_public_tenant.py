"""The console's host exists after a deploy without any manual step."""

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from tenants.models import Domain, University


def test_ensure_public_tenant_creates_the_root_domain_once(db, root_client):
    University.objects.filter(schema_name=settings.PUBLIC_SCHEMA_NAME).delete()
    cache.clear()
    assert root_client.get("/accounts/login/").status_code == 404

    call_command("ensure_public_tenant")
    call_command("ensure_public_tenant")

    assert University.objects.filter(schema_name=settings.PUBLIC_SCHEMA_NAME).count() == 1
    assert Domain.objects.filter(domain=settings.KOPRU_ROOT_DOMAIN).count() == 1
    assert root_client.get("/accounts/login/").status_code == 200
