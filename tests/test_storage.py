"""Media on S3-compatible storage: every key sits under the current university's schema (no network involved)."""

import pytest
from django.core.exceptions import SuspiciousOperation
from django_tenants.utils import schema_context

from kopru.storage import TenantS3Storage

pytestmark = pytest.mark.django_db


def storage(**options) -> TenantS3Storage:
    return TenantS3Storage(bucket_name="kopru-media", access_key="test", secret_key="test", **options)


def test_each_university_keys_its_files_under_its_own_schema():
    media = storage(location="media")
    name = "agreements/documents/2026/protocol.pdf"

    with schema_context("kastamonu"):
        kastamonu_key = media._normalize_name(name)
    with schema_context("osh"):
        osh_key = media._normalize_name(name)

    assert kastamonu_key == "media/kastamonu/agreements/documents/2026/protocol.pdf"
    assert osh_key == "media/osh/agreements/documents/2026/protocol.pdf"
    with schema_context("public"):
        assert media._normalize_name(name) == "media/public/agreements/documents/2026/protocol.pdf"


def test_a_name_cannot_climb_into_another_university():
    media = storage()

    with schema_context("osh"), pytest.raises(SuspiciousOperation):
        media._normalize_name("../kastamonu/agreements/documents/2026/protocol.pdf")


def test_the_location_comes_from_the_settings_when_not_given(settings):
    settings.AWS_LOCATION = "tenants-media"

    with schema_context("osh"):
        assert storage().location == "tenants-media/osh"
    with schema_context("osh"):
        assert storage(location="").location == "osh"
