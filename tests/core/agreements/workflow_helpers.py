"""Helpers of the workflow and request tests (their fixtures are in conftest.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from core.agreements.models import Agreement, WorkflowStep

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name: str = "document.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def step(university, code: str) -> WorkflowStep:
    with schema_context(university.schema_name):
        return WorkflowStep.objects.get(workflow__is_default=True, code=code)


def fresh(university, agreement: Agreement) -> Agreement:
    with schema_context(university.schema_name):
        return Agreement.objects.select_related("current_step").get(pk=agreement.pk)
