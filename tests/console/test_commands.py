"""The console's management commands: thin callers of the same services."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_tenants.utils import tenant_context

from core.accounts.models import User
from core.office.models import AcademicUnit, Membership
from tenants.models import Domain, ProvisioningJob, University

ONBOARD_ARGS = ["--name-tr", "Komut Üniversitesi", "--name-en", "Command University", "--country", "TR",
                "--languages", "tr,en", "--default-language", "tr", "--admin-email", "iro@komut.example"]


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_onboard_university_sync_provisions_here_and_prints_progress(new_slug):
    output = run("onboard_university", "--slug", new_slug, *ONBOARD_ARGS, "--sync")

    assert f"{new_slug} [  0%] Creating the database schema" in output
    assert f"{new_slug} [100%] Done" in output
    assert f"{new_slug} is live on {new_slug}.localhost." in output
    assert University.objects.get(slug=new_slug).status == University.Status.ACTIVE


def test_onboard_university_queues_the_task_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        output = run("onboard_university", "--slug", "queued-uni", *ONBOARD_ARGS)

    assert "Queued provisioning job" in output
    assert len(queued) == 1
    assert ProvisioningJob.objects.get(slug="queued-uni").status == ProvisioningJob.Status.QUEUED


def test_onboard_university_refuses_bad_input(db):
    with pytest.raises(CommandError, match="reserved"):
        run("onboard_university", "--slug", "admin", *ONBOARD_ARGS)
    assert not ProvisioningJob.objects.exists()


def test_suspend_reactivate_and_add_domain(university_a):
    assert "is suspended" in run("suspend_university", "kastamonu")
    assert University.objects.get(slug="kastamonu").status == University.Status.SUSPENDED
    with pytest.raises(CommandError, match="Only an active university"):
        run("suspend_university", "kastamonu")
    assert "is active" in run("reactivate_university", "kastamonu")

    run("add_domain", "kastamonu", "iro.kastamonu.edu.tr")
    assert Domain.objects.get(domain="iro.kastamonu.edu.tr").tenant == university_a
    with pytest.raises(CommandError, match="No university"):
        run("suspend_university", "nowhere")


def test_demo_data_refuses_outside_demo_mode(db, settings):
    settings.KOPRU_DEMO = False

    with pytest.raises(CommandError, match="KOPRU_DEMO"):
        run("demo_data")
    assert not User.objects.filter(username="platform").exists()


def test_demo_data_creates_the_demo_and_changes_nothing_the_second_time(db, settings):
    settings.KOPRU_DEMO = True

    run("demo_data")
    counts = (University.objects.count(), Domain.objects.count(), ProvisioningJob.objects.count())
    run("demo_data")

    assert (University.objects.count(), Domain.objects.count(), ProvisioningJob.objects.count()) == counts
    assert User.objects.get(username="platform").check_password("kopru-demo")
    igdir = University.objects.get(slug="igdir")
    assert (igdir.status, igdir.name_tr, igdir.languages) == ("active", "Iğdır Üniversitesi", ["tr", "en"])
    with tenant_context(igdir):
        admin = User.objects.get(username="admin")
        assert admin.check_password("kopru-demo")
        assert Membership.objects.get(user=admin).role == "office_admin"
        faculties = AcademicUnit.objects.filter(kind="faculty")
        assert faculties.count() == 2
        assert AcademicUnit.objects.filter(kind="department", parent__in=faculties).count() == 4
        assert AcademicUnit.objects.filter(name_en="International Relations Office").count() == 1
