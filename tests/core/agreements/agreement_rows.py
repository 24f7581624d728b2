"""Partner and agreement rows written straight into a schema, for tests of what reads them."""

from datetime import timedelta

from django.utils import timezone

from core.agreements.models import Agreement, Workflow, WorkflowStep
from core.partners.models import Partner


def make_partner(*, name_en: str, country: str, **fields) -> Partner:
    return Partner.objects.create(name_en=name_en, country=country, **fields)


def make_agreement(*, partners, status: str = Agreement.Status.IN_FORCE, kind: str = Agreement.Kind.BILATERAL,
                   title_en: str = "Cooperation protocol", **fields) -> Agreement:
    agreement = Agreement.objects.create(kind=kind, title_en=title_en, status=status, **fields)
    agreement.partners.set(partners)
    return agreement


def make_step(*, role: str, reminder_days: int | None = None, code: str = "legal") -> WorkflowStep:
    workflow = Workflow.objects.create(name_en="Protocols")
    return WorkflowStep.objects.create(workflow=workflow, position=1, code=code, name_en="Legal Counsel's opinion",
                                       name_tr="Hukuk Müşavirliği görüşü", role=role, reminder_days=reminder_days)


def waiting_at(step: WorkflowStep, *, days: int, partners, **fields) -> Agreement:
    """An agreement in approval that entered `step` the given number of days ago."""
    return make_agreement(partners=partners, status=Agreement.Status.IN_APPROVAL, workflow=step.workflow,
                          current_step=step, step_since=timezone.now() - timedelta(days=days), **fields)
