"""The console's management commands: thin callers of the same services."""


import pytest
from django.core.management import CommandError

from tenants.models import Domain, ProvisioningJob, University
from tests.commands import command_output

ONBOARD_ARGS = ["--name-tr", "Komut Üniversitesi", "--name-en", "Command University", "--country", "TR",
                "--languages", "tr,en", "--default-language", "tr", "--admin-email", "iro@komut.example"]


def test_onboard_university_sync_provisions_here_and_prints_progress(new_slug):
    output = command_output("onboard_university", "--slug", new_slug, *ONBOARD_ARGS, "--sync")

    assert f"{new_slug} [  0%] Creating the database schema" in output
    assert f"{new_slug} [100%] Done" in output
    assert f"{new_slug} is live on {new_slug}.localhost." in output
    assert University.objects.get(slug=new_slug).status == University.Status.ACTIVE


def test_onboard_university_queues_the_task_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        output = command_output("onboard_university", "--slug", "queued-uni", *ONBOARD_ARGS)

    assert "Queued provisioning job" in output
    assert len(queued) == 1
    assert ProvisioningJob.objects.get(slug="queued-uni").status == ProvisioningJob.Status.QUEUED


def test_onboard_university_refuses_bad_input(db):
    with pytest.raises(CommandError, match="reserved"):
        command_output("onboard_university", "--slug", "admin", *ONBOARD_ARGS)
    assert not ProvisioningJob.objects.exists()


def test_suspend_reactivate_and_add_domain(university_a):
    assert "is suspended" in command_output("suspend_university", "kastamonu")
    assert University.objects.get(slug="kastamonu").status == University.Status.SUSPENDED
    with pytest.raises(CommandError, match="Only an active university"):
        command_output("suspend_university", "kastamonu")
    assert "is active" in command_output("reactivate_university", "kastamonu")

    command_output("add_domain", "kastamonu", "iro.kastamonu.edu.tr")
    assert Domain.objects.get(domain="iro.kastamonu.edu.tr").tenant == university_a
    with pytest.raises(CommandError, match="No university"):
        command_output("suspend_university", "nowhere")
