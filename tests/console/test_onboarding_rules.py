"""What university_onboard refuses, field by field, before anything is written."""

import pytest
from django.db import connection

from console.services import slug_errors, university_onboard
from kopru.errors import ServiceError
from tenants.models import Domain, ProvisioningJob, University
from tests.console.conftest import onboarding_input


@pytest.mark.parametrize("slug", [
    "ab",  # too short
    "a" * 41,  # too long
    "Kastamonu",  # uppercase
    "new_uni",  # underscore
    "-newuni",  # leading hyphen
    "newuni-",  # trailing hyphen
    "yeni.uni",  # a dot would make it two labels
    "üniversite",  # not a-z
])
def test_a_slug_must_be_a_dns_label_of_3_to_40_characters(db, slug):
    assert slug_errors(slug) == [
        "Use 3 to 40 characters: lowercase letters a–z, digits and hyphens, not at the start or the end."]


@pytest.mark.parametrize("slug", ["www", "api", "admin", "public", "static", "media", "mail", "console", "platform",
                                  "tenant-template", "pg-catalog", "information-schema"])
def test_reserved_slugs_are_refused(db, slug):
    assert slug_errors(slug) == ["This address is reserved for the platform; choose another."]


def test_a_slug_in_use_is_refused(university_a):
    assert slug_errors("kastamonu") == ["A university with this address already exists."]


def test_a_slug_whose_host_is_another_universitys_domain_is_refused(university_a):
    Domain.objects.create(domain="iro.localhost", tenant=university_a, is_primary=False)

    assert slug_errors("iro") == ["A university with this address already exists."]


def test_a_slug_whose_schema_exists_without_a_university_is_refused(db):
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA left_by_hand")

    assert slug_errors("left-by-hand") == ["A university with this address already exists."]


def test_good_slugs_pass(db):
    assert slug_errors("abc") == []
    assert slug_errors("new-uni-2") == []
    assert slug_errors("a" * 40) == []


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"country": "XX"}, "country", "Use a two-letter ISO 3166-1 country code, such as TR or KG."),
    ({"country": "TUR"}, "country", "Use a two-letter ISO 3166-1 country code, such as TR or KG."),
    ({"languages": []}, "languages", "Choose at least one language."),
    ({"languages": ["tr", "de"]}, "languages", "Unknown language code: de."),
    ({"languages": ["en"], "default_language": "tr"}, "default_language",
     "The default language must be one of the university's languages."),
    ({"names": {"en": "Test University"}}, "name_tr", "Give the university's name in Turkish."),
    ({"admin_email": "not-an-address"}, "admin_email", "Enter a valid e-mail address."),
])
def test_each_field_is_checked_and_nothing_is_written(db, overrides, field, message):
    universities = University.objects.count()

    with pytest.raises(ServiceError) as refused:
        university_onboard(acting_user=None, **onboarding_input("fresh-uni", **overrides))

    assert refused.value.code == "invalid"
    assert refused.value.fields[field] == [message]
    assert University.objects.count() == universities
    assert not ProvisioningJob.objects.exists()


def test_onboarding_records_the_university_and_queues_provisioning_after_commit(
        db, platform_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        job = university_onboard(acting_user=platform_admin, **onboarding_input("fresh-uni", country="tr"))

    university = job.university
    assert (university.status, university.schema_name, university.country) == ("provisioning", "fresh_uni", "TR")
    assert (university.name_tr, university.name_en) == ("Deneme Üniversitesi", "Test University")
    assert (job.status, job.slug, job.requested_by) == ("queued", "fresh-uni", platform_admin)
    assert len(queued) == 1
