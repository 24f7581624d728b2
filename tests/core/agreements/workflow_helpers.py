"""Helpers of the workflow and request tests (their fixtures are in conftest.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from core.agreements.models import Agreement, Workflow, WorkflowStep
from core.office.models import Role

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name: str = "document.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def default_step(university, code: str) -> WorkflowStep:
    with schema_context(university.schema_name):
        return WorkflowStep.objects.get(workflow__is_default=True, code=code)


def fresh(university, agreement: Agreement) -> Agreement:
    with schema_context(university.schema_name):
        return Agreement.objects.select_related("current_step").get(pk=agreement.pk)


def make_letter_steps(university) -> dict[str, WorkflowStep]:
    """Four steps that send a letter: for opinions, to the Senate, to the partner, and to whom it may concern."""
    to = WorkflowStep.Addressee
    with schema_context(university.schema_name):
        workflow = Workflow.objects.create(name_en="Approval")
        return {
            code: WorkflowStep.objects.create(workflow=workflow, position=position, code=code, name_en=code,
                                              role=Role.OFFICER, sends_letter=True, letter_addressee=addressee)
            for position, (code, addressee) in enumerate((("opinions_requested", to.OPINIONS),
                                                          ("senate_submission", to.SENATE),
                                                          ("partner_countersignature", to.PARTNER),
                                                          ("vice_rector", to.GENERIC)), 1)
        }
