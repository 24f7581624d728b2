"""Cache keys carry the university's schema: one name under two universities holds two values."""

import pytest
from django.core.cache import cache
from django_tenants.utils import schema_context, tenant_context

from tenants.models import University
from tenants.selectors import forget_university_hosts
from tests.test_settings import REQUIRED, import_production

KEY_FUNCTION = "django_tenants.cache.make_key"


def test_the_same_key_under_two_universities_holds_two_values(university_a, university_b):
    with schema_context(university_a.schema_name):
        cache.set("office:counter", "Kastamonu's")
    with schema_context(university_b.schema_name):
        cache.set("office:counter", "Osh's")
        assert cache.get("office:counter") == "Osh's"
    with schema_context(university_a.schema_name):
        assert cache.get("office:counter") == "Kastamonu's"
    assert cache.get("office:counter") is None  # nor is it the platform's


def test_the_host_map_is_platform_wide_wherever_it_is_cleared(client_a, university_a):
    assert client_a.get("/accounts/login/").status_code == 200  # the host is cached now

    # a change made from inside the university's own schema still reaches the platform-wide entry
    with tenant_context(university_a):
        University.objects.filter(pk=university_a.pk).update(status=University.Status.SUSPENDED)
        forget_university_hosts(university_a)

    assert client_a.get("/accounts/login/").status_code == 503


@pytest.mark.parametrize(("module", "variables"), [
    ("kopru.settings.dev", {"DATABASE_URL": REQUIRED["DATABASE_URL"]}),
    ("kopru.settings.test", {"DATABASE_URL": REQUIRED["DATABASE_URL"]}),
    ("kopru.settings.production", REQUIRED),
    ("kopru.settings.production", {**REQUIRED, "CACHE_URL": "redis://redis.internal:6379/1"}),
])
def test_every_settings_module_keys_its_cache_by_schema(module, variables):
    result = import_production(f"import {module} as s; print(s.CACHES['default']['KEY_FUNCTION'])", **variables)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == KEY_FUNCTION
