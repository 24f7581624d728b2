"""Reads of the approval workflow: its steps, where an agreement stands, and what its current step still needs."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext

from core.agreements.errors import AgreementError
from core.agreements.models import (
    Agreement,
    AgreementDocument,
    DocumentKind,
    Transition,
    Workflow,
    WorkflowStep,
)
from core.office.models import Role
from core.office.permissions import Action, can, membership_of
from core.partners.selectors import partner_recognition_blocks
from kopru.errors import NotFound, ServiceError

# Statuses in which an agreement may (again) be sent into approval.
SUBMITTABLE = (Agreement.Status.DRAFT, Agreement.Status.REJECTED)


def workflow_default() -> Workflow | None:
    """The university's workflow for new agreements, with its steps in order."""
    return Workflow.objects.filter(is_default=True).prefetch_related("steps").first()


def workflow_step_get(step_id) -> WorkflowStep:
    """One step of the default workflow; anything else answers 404 (callers check MANAGE_WORKFLOWS)."""
    step = (WorkflowStep.objects.filter(pk=step_id, workflow__is_default=True).first()
            if str(step_id).isdigit() else None)
    if step is None:
        raise NotFound()
    return step


def agreement_step(agreement: Agreement, step_id, *, field_name: str = "step") -> WorkflowStep:
    """A step of the agreement's workflow named by a client; anything else is a clear error on that field."""
    step = (WorkflowStep.objects.filter(pk=step_id, workflow_id=agreement.workflow_id).first()
            if agreement.workflow_id and str(step_id).isdigit() else None)
    if step is None:
        message = gettext("Choose a step of this agreement's workflow.")
        raise ServiceError(AgreementError.UNKNOWN_STEP, message, fields={field_name: [message]})
    return step


@dataclass
class Timeline:
    """What the agreement page shows of the workflow, for one reader."""

    agreement: Agreement
    transitions: list[Transition]
    steps: list[WorkflowStep]
    current_step: WorkflowStep | None
    missing_documents: list[str] = field(default_factory=list)
    recognition_blocks: list[str] = field(default_factory=list)
    may_submit: bool = False
    may_act: bool = False

    @property
    def waiting_since(self):
        """When the agreement reached the step it waits at."""
        return self.agreement.step_since if self.current_step else None

    @property
    def missing_document_labels(self) -> list[str]:
        return [DocumentKind(kind).label for kind in self.missing_documents]

    @property
    def earlier_steps(self) -> list[WorkflowStep]:
        return steps_before(self.current_step, self.steps)

    @property
    def upload_kinds(self) -> list[str]:
        return upload_kinds(self.current_step)


def steps_before(step: WorkflowStep | None, steps=None) -> list[WorkflowStep]:
    """Where a rejection at `step` may send the agreement back to."""
    if step is None:
        return []
    if steps is None:
        steps = WorkflowStep.objects.filter(workflow_id=step.workflow_id)
    return [other for other in steps if other.position < step.position]


def upload_kinds(step: WorkflowStep | None) -> list[str]:
    """The documents a step needs or produces, one upload each; cover letters are produced by Köprü itself."""
    if step is None:
        return []
    kinds = dict.fromkeys(step.required_documents + step.produced_documents)
    return [kind for kind in kinds if kind != DocumentKind.COVER_LETTER]


def agreement_timeline(agreement: Agreement, user) -> Timeline:
    """The agreement's transitions with their documents, its current step and what that step still needs."""
    transitions = list(
        agreement.transitions.select_related("step", "to_step", "actor").prefetch_related(
            Prefetch("documents", queryset=AgreementDocument.objects.prefetch_related("versions"))
        )
    )
    workflow_id = agreement.workflow_id or Workflow.objects.filter(is_default=True).values_list("pk", flat=True).first()
    steps = list(WorkflowStep.objects.filter(workflow_id=workflow_id)) if workflow_id else []
    current = next((step for step in steps if step.pk == agreement.current_step_id), None)
    timeline = Timeline(agreement=agreement, transitions=transitions, steps=steps, current_step=current)
    manages = can(user, Action.MANAGE_AGREEMENTS)
    timeline.may_submit = manages and agreement.status in SUBMITTABLE and bool(steps)
    if current is not None:
        timeline.missing_documents = missing_documents(agreement, current, uploaded=())
        if current.checks_recognition:
            timeline.recognition_blocks = recognition_blocks(agreement)
        timeline.may_act = manages and role_may_act(user, current)
    return timeline


def role_may_act(user, step: WorkflowStep) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.role in (Role.OFFICE_ADMIN, step.role)


def missing_documents(agreement: Agreement, step: WorkflowStep, *, uploaded) -> list[str]:
    attached = set(AgreementDocument.objects.filter(agreement=agreement, kind__in=step.required_documents)
                   .values_list("kind", flat=True))
    return [kind for kind in step.required_documents if kind not in attached and kind not in uploaded]


def recognition_blocks(agreement: Agreement) -> list[str]:
    """Why each partner keeps the agreement from passing the recognition step (none: it may pass)."""
    reasons = (partner_recognition_blocks(partner) for partner in agreement.partners.all())
    return [reason for reason in reasons if reason]
