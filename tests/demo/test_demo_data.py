"""`manage.py demo_data`: refused outside demo mode, and the same demo however often it runs."""


import pytest
from django.core.management import CommandError
from django_tenants.utils import tenant_context

from core.accounts.models import User
from core.agreements.models import WorkflowStep
from core.office.models import AcademicUnit, Membership
from tenants.models import Domain, ProvisioningJob, University
from tests.commands import command_output


def test_demo_data_refuses_outside_demo_mode(db, settings):
    settings.KOPRU_DEMO = False

    with pytest.raises(CommandError, match="KOPRU_DEMO"):
        command_output("demo_data")
    assert not User.objects.filter(username="platform").exists()


def test_demo_data_creates_the_demo_and_changes_nothing_the_second_time(db, settings):
    settings.KOPRU_DEMO = True

    command_output("demo_data")
    counts = (University.objects.count(), Domain.objects.count(), ProvisioningJob.objects.count())
    command_output("demo_data")

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
    # Osh's workflow cites its own statute (seed 004); the Kyrgyz default it started from cites none
    with tenant_context(University.objects.get(slug="osh")):
        clauses = dict(WorkflowStep.objects.filter(workflow__is_default=True).values_list("code", "clause"))
        assert (clauses["draft_with_units"], clauses["vice_rector"], clauses["legal_department"]) == ("II.5", "I.5", "")
