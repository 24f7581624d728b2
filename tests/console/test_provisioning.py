"""Onboarding a university end to end, and a failure at any step leaving nothing behind."""

import pytest
from django.core import mail
from django.db import OperationalError
from django_tenants.utils import tenant_context

from console import provisioning
from console.services import university_onboard
from core.audit.models import AuditEntry
from core.office.models import AcademicUnit, Invitation
from tenants.models import Domain, ProvisioningJob, University
from tests.console.conftest import onboarding_input, schema_exists


def onboard_and_run(django_capture_on_commit_callbacks, slug, **overrides):
    """Onboard as the console does and run what is queued on commit, as a worker would."""
    with django_capture_on_commit_callbacks() as queued:
        job = university_onboard(acting_user=None, **onboarding_input(slug, **overrides))
    assert len(queued) == 1  # the provisioning task, only after commit
    with django_capture_on_commit_callbacks() as sent_by_provisioning:
        queued[0]()
    return ProvisioningJob.objects.get(pk=job.pk), sent_by_provisioning


def test_onboarding_provisions_a_live_university(
        celery_eager, new_slug, django_capture_on_commit_callbacks, client, settings):
    settings.KOPRU_TENANT_CREATION = "migrate"

    # when
    job, sent_by_provisioning = onboard_and_run(django_capture_on_commit_callbacks, new_slug)

    # then
    assert (job.status, job.progress, job.error) == (ProvisioningJob.Status.DONE, 100, "")
    university = University.objects.get(slug=new_slug)
    assert university.status == University.Status.ACTIVE
    assert university.schema_name == new_slug.replace("-", "_")
    assert schema_exists(university.schema_name)
    assert university.get_primary_domain().domain == f"{new_slug}.localhost"
    with tenant_context(university):
        office = AcademicUnit.objects.get(name_en="International Relations Office")
        assert office.parent.name_tr == "Rektörlük"
        assert office.name_ky == "Эл аралык байланыштар бөлүмү"
        invitation = Invitation.objects.get()
        assert (invitation.email, invitation.role) == ("office@deneme.example", "office_admin")
    for send in sent_by_provisioning:  # the invitation e-mail, queued from public once the step commits
        send()
    assert mail.outbox[0].to == ["office@deneme.example"]
    assert mail.outbox[0].subject == "Köprü'de Deneme Üniversitesi için davetiniz"  # the university's language
    assert f"{new_slug}.localhost" in mail.outbox[0].body
    assert client.get("/accounts/login/", HTTP_HOST=f"{new_slug}.localhost").status_code == 200


def test_a_clone_of_the_template_schema_gives_the_same_university(
        celery_eager, new_slug, django_capture_on_commit_callbacks, settings):
    settings.KOPRU_TENANT_CREATION = "clone"

    job, _sent = onboard_and_run(django_capture_on_commit_callbacks, new_slug)

    assert job.status == ProvisioningJob.Status.DONE
    university = University.objects.get(slug=new_slug)
    assert schema_exists(provisioning.TEMPLATE_SCHEMA)
    with tenant_context(university):
        assert AcademicUnit.objects.count() == 2
        assert Invitation.objects.count() == 1


@pytest.mark.parametrize("step", [name for name, _run in provisioning.provisioning_steps()])
def test_a_failure_at_any_step_leaves_nothing_behind(
        step, celery_eager, new_slug, django_capture_on_commit_callbacks, monkeypatch):
    # given: the step does its work, then fails
    steps = dict(provisioning.provisioning_steps())
    function_name = steps[step].__name__

    def fail_after_doing_the_work(university, job):
        steps[step](university, job)
        raise RuntimeError("disk full")

    monkeypatch.setattr(provisioning, function_name, fail_after_doing_the_work)

    # when
    job, _sent = onboard_and_run(django_capture_on_commit_callbacks, new_slug)

    # then
    assert (job.status, job.step, job.error, job.university) == (ProvisioningJob.Status.FAILED, step, "disk full", None)
    assert not schema_exists(new_slug.replace("-", "_"))
    assert not Domain.objects.filter(domain=f"{new_slug}.localhost").exists()
    assert not University.objects.filter(slug=new_slug).exists()
    assert AuditEntry.objects.filter(action="university.provisioning_failed", details__slug=new_slug).exists()


def test_a_redelivered_message_for_a_finished_job_does_nothing(
        celery_eager, new_slug, django_capture_on_commit_callbacks):
    job, _sent = onboard_and_run(django_capture_on_commit_callbacks, new_slug)

    again = provisioning.provisioning_run(job_id=job.pk)

    assert again.status == ProvisioningJob.Status.DONE
    assert again.finished_at == job.finished_at
    with tenant_context(University.objects.get(slug=new_slug)):
        assert Invitation.objects.count() == 1


def test_a_run_cut_short_by_a_transient_error_is_finished_by_the_retry(
        new_slug, django_capture_on_commit_callbacks, monkeypatch):
    # given: the database goes away during the invitation step
    with django_capture_on_commit_callbacks():
        job = university_onboard(acting_user=None, **onboarding_input(new_slug))
    invite = provisioning.step_invite_first_admin

    def connection_lost(university, job):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(provisioning, "step_invite_first_admin", connection_lost)
    with pytest.raises(OperationalError):
        provisioning.provisioning_run(job_id=job.pk)
    assert ProvisioningJob.objects.get(pk=job.pk).status == ProvisioningJob.Status.RUNNING

    # when: the task's retry runs it again
    monkeypatch.setattr(provisioning, "step_invite_first_admin", invite)
    job = provisioning.provisioning_run(job_id=job.pk)

    # then: what the first attempt left was removed and made once more
    assert job.status == ProvisioningJob.Status.DONE
    university = University.objects.get(slug=new_slug)
    assert list(university.domains.values_list("domain", flat=True)) == [f"{new_slug}.localhost"]
    with tenant_context(university):
        assert AcademicUnit.objects.count() == 2
        assert Invitation.objects.count() == 1
