"""Deleting a university: closed at once, kept for a grace period, then its schema, files, domains and row go."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from console import deletion
from console.deletion import universities_purge_due, university_cancel_deletion, university_schedule_deletion
from console.services import university_reactivate
from console.tasks import purge_deleted_universities
from core.audit.models import AuditEntry
from kopru.errors import ServiceError
from kopru.storage import tenant_file_names
from tenants.models import Domain, University
from tests.conftest import host_of
from tests.console.conftest import schema_exists


@pytest.fixture
def doomed(fresh_universities):
    """A live university with a stored file."""
    university = fresh_universities.make()
    with schema_context(university.schema_name):
        default_storage.save("agreements/documents/2026/protokol.pdf", ContentFile(b"%PDF-1.4 signed"))
    return university


def files_of(university: University) -> list[str]:
    with schema_context(university.schema_name):
        return list(tenant_file_names(default_storage))


def test_scheduling_closes_the_university_at_once_and_sets_the_date(doomed, platform_admin, client):
    before = timezone.now()

    university_schedule_deletion(university=doomed, acting_user=platform_admin, grace_days=30)

    doomed.refresh_from_db()
    assert doomed.status == University.Status.SUSPENDED
    assert before <= doomed.deletion_requested_at <= timezone.now()
    assert doomed.deletion_due_at == doomed.deletion_requested_at + timedelta(days=30)
    entry = AuditEntry.objects.get(action="university.deletion_scheduled", target_id=str(doomed.pk))
    assert (entry.actor, entry.details["grace_days"]) == (platform_admin, 30)
    assert client.get("/accounts/login/", HTTP_HOST=host_of(doomed)).status_code == 503


def test_cancelling_opens_the_university_again(doomed, platform_admin, client):
    university_schedule_deletion(university=doomed, acting_user=platform_admin)

    university_cancel_deletion(university=doomed, acting_user=platform_admin)

    doomed.refresh_from_db()
    assert (doomed.status, doomed.deletion_requested_at, doomed.deletion_due_at) == ("active", None, None)
    assert client.get("/accounts/login/", HTTP_HOST=host_of(doomed)).status_code == 200
    assert universities_purge_due(now=timezone.now() + timedelta(days=365)) == []
    assert schema_exists(doomed.schema_name)


def test_a_university_scheduled_for_deletion_cannot_be_reopened_or_scheduled_twice(doomed, platform_admin):
    university_schedule_deletion(university=doomed, acting_user=platform_admin)

    with pytest.raises(ServiceError) as reactivation:
        university_reactivate(university=doomed, acting_user=platform_admin)
    with pytest.raises(ServiceError) as twice:
        university_schedule_deletion(university=doomed, acting_user=platform_admin)
    with pytest.raises(ServiceError) as no_grace:
        university_cancel_deletion(university=doomed, acting_user=platform_admin)
        university_schedule_deletion(university=doomed, acting_user=platform_admin, grace_days=0)

    assert reactivation.value.code == twice.value.code == "wrong_status"
    assert no_grace.value.fields == {"grace_days": ["Give between 1 and 365 days."]}


def test_the_purge_before_the_date_leaves_everything(doomed, platform_admin):
    university_schedule_deletion(university=doomed, acting_user=platform_admin, grace_days=30)

    assert universities_purge_due(now=timezone.now() + timedelta(days=29)) == []

    assert University.objects.filter(pk=doomed.pk).exists()
    assert schema_exists(doomed.schema_name)
    assert files_of(doomed) == ["agreements/documents/2026/protokol.pdf"]


def test_the_purge_after_the_date_removes_schema_files_domains_and_row(doomed, platform_admin, monkeypatch):
    # given
    university_schedule_deletion(university=doomed, acting_user=platform_admin, grace_days=30)
    withdrawn = []
    monkeypatch.setattr(deletion, "directory_withdraw",
                        lambda university: withdrawn.append((university.slug, schema_exists(university.schema_name),
                                                             files_of(university))))

    # when
    purged = universities_purge_due(now=timezone.now() + timedelta(days=30, minutes=1))

    # then
    assert purged == [doomed.slug]
    assert withdrawn == [(doomed.slug, True, ["agreements/documents/2026/protokol.pdf"])]  # first of all
    assert not schema_exists(doomed.schema_name)
    assert not Domain.objects.filter(domain=host_of(doomed)).exists()
    assert not University.objects.filter(pk=doomed.pk).exists()
    assert files_of(doomed) == []
    entry = AuditEntry.objects.get(action="university.purged")
    assert (entry.details["slug"], entry.details["files"]) == (doomed.slug, 1)
    assert University.objects.filter(slug__in=["kastamonu", "osh"]).count() == 2  # the others stay


def test_the_daily_task_and_the_commands_purge_what_is_due(doomed, fresh_universities):
    kept = fresh_universities.make()
    call_command("schedule_university_deletion", doomed.slug, "--grace-days", "1")
    call_command("schedule_university_deletion", kept.slug)
    University.objects.filter(pk=doomed.pk).update(deletion_due_at=timezone.now() - timedelta(minutes=1))

    assert purge_deleted_universities() == [doomed.slug]

    assert not schema_exists(doomed.schema_name)
    call_command("cancel_university_deletion", kept.slug)
    kept.refresh_from_db()
    assert kept.status == "active"


# The console and the platform API


def test_the_console_schedules_and_cancels_a_deletion(console, doomed):
    page = console.get(f"/universities/{doomed.slug}/").content.decode()
    assert "Schedule the deletion" in page

    response = console.post(f"/universities/{doomed.slug}/deletion/", {"confirmation": doomed.slug}, follow=True)

    doomed.refresh_from_db()
    assert doomed.deletion_due_at is not None and doomed.status == "suspended"
    page = response.content.decode()
    assert "will be deleted when its grace period ends" in page
    assert "Cancel the deletion" in page and "Reactivate" not in page

    console.post(f"/universities/{doomed.slug}/deletion/cancel/")

    doomed.refresh_from_db()
    assert (doomed.deletion_due_at, doomed.status) == (None, "active")


def test_the_console_refuses_a_wrong_confirmation_in_the_admin_language(console, doomed, platform_admin):
    platform_admin.language = "tr"
    platform_admin.save(update_fields=["language"])

    response = console.post(f"/universities/{doomed.slug}/deletion/", {"confirmation": "kastamonu"})

    assert response.status_code == 400
    assert response.content.decode().count(doomed.slug) >= 2  # the message names the address to type
    assert '<html lang="tr">' in response.content.decode()
    doomed.refresh_from_db()
    assert (doomed.deletion_due_at, doomed.status) == (None, "active")


def test_the_api_schedules_and_cancels_a_deletion(console, doomed):
    scheduled = console.post(f"/api/universities/{doomed.slug}/deletion/",
                             {"confirmation": doomed.slug, "grace_days": 7}, content_type="application/json")

    assert scheduled.status_code == 200
    body = scheduled.json()
    assert body["status"] == "suspended" and body["deletion_due_at"] is not None
    doomed.refresh_from_db()
    assert doomed.deletion_due_at - doomed.deletion_requested_at == timedelta(days=7)

    cancelled = console.delete(f"/api/universities/{doomed.slug}/deletion/")

    assert cancelled.status_code == 200
    assert (cancelled.json()["status"], cancelled.json()["deletion_due_at"]) == ("active", None)
    assert console.delete(f"/api/universities/{doomed.slug}/deletion/").json()["error"]["code"] == "wrong_status"


def test_the_api_refuses_a_wrong_confirmation_in_the_admin_language(console, doomed, platform_admin):
    platform_admin.language = "tr"
    platform_admin.save(update_fields=["language"])

    response = console.post(f"/api/universities/{doomed.slug}/deletion/", {"confirmation": "yanlis"},
                            content_type="application/json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["message"]) == ("invalid", "Bazı alanlar geçerli değil.")
    assert doomed.slug in error["fields"]["confirmation"][0]
    doomed.refresh_from_db()
    assert doomed.deletion_due_at is None


def test_only_platform_admins_on_the_root_domain_reach_the_deletion(root_client, doomed, university_a, admin_a):
    # nobody signed in
    assert root_client.post(f"/api/universities/{doomed.slug}/deletion/",
                            {"confirmation": doomed.slug}).status_code in (401, 403)
    # an office admin's session from a university's host is nobody on the root domain
    office = Client(HTTP_HOST=host_of(university_a))
    office.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"})
    root_client.cookies = office.cookies
    assert root_client.post(f"/api/universities/{doomed.slug}/deletion/",
                            {"confirmation": doomed.slug}).status_code in (401, 403)
    # and the platform's endpoint does not exist on a university's host
    assert office.post(f"/api/universities/{doomed.slug}/deletion/",
                       {"confirmation": doomed.slug}).status_code == 404
    assert root_client.post(f"/universities/{doomed.slug}/deletion/", {"confirmation": doomed.slug}).status_code == 302
    doomed.refresh_from_db()
    assert doomed.deletion_due_at is None


def test_the_public_university_and_an_unknown_one_cannot_be_deleted(console):
    assert console.post("/api/universities/public/deletion/", {"confirmation": "public"},
                        content_type="application/json").status_code == 404
    assert console.post("/api/universities/nowhere/deletion/", {"confirmation": "nowhere"},
                        content_type="application/json").status_code == 404
