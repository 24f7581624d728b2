"""The approval workflow: the office's steps (edited by office admins) and agreements moving through them.

Writes keep the house rules: keyword-only, one transaction, the agreement row locked while
it moves, every rule checked before anything is written, a Transition and an audit row per
move. A refused move raises ServiceError with a stable code and changes nothing.
"""

from collections.abc import Collection
from datetime import date

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from core.agreements.errors import AgreementError
from core.agreements.letters import cover_letter_for_step
from core.agreements.models import (
    Agreement,
    AgreementDocument,
    DocumentKind,
    Signatory,
    Transition,
    Workflow,
    WorkflowStep,
)
from core.agreements.publishing.services import agreement_set_published
from core.agreements.services import document_add_version
from core.agreements.workflow.defaults import default_workflow_for
from core.agreements.workflow.notifications import notify_step_holders
from core.agreements.workflow.selectors import SUBMITTABLE, missing_documents, recognition_blocks, role_may_act
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.office.models import Role
from core.office.permissions import STAFF
from kopru.errors import ServiceError, full_clean_or_refuse
from kopru.translated import in_each_language, set_names, set_texts, set_translations, translations

# What an office admin may change on a step besides its names and position.
STEP_SETTINGS = ("clause", "role", "required_documents", "produced_documents", "skippable", "sends_letter",
                 "letter_addressee", "letter_language", "signatory_name", "checks_recognition", "puts_in_force",
                 "publishes", "records_signature", "reminder_days")
# The step's letter texts, each in the four languages: letter_texts={"letter_subject": {"tr": …, "en": …}, …}.
LETTER_TEXTS = ("letter_subject", "signatory_title", "signs_for")




# Editing the workflow ----------------------------------------------------------------------------

def _set_names(obj, names: dict[str, str], *, checked: bool = False) -> None:
    set_names(obj, names, missing=gettext("Give the step a name in at least one language."), checked=checked)


def _check_step(step: WorkflowStep) -> None:
    if step.role not in STAFF:
        message = gettext("A step is completed by an office admin, a coordinator or an officer.")
        raise ServiceError(AgreementError.INVALID_ROLE, message, fields={"role": [message]})
    for name in ("required_documents", "produced_documents"):
        setattr(step, name, list(dict.fromkeys(getattr(step, name))))
        if set(getattr(step, name)) - set(DocumentKind.values):
            message = gettext("Choose documents from the list.")
            raise ServiceError(AgreementError.INVALID_DOCUMENT_KIND, message, fields={name: [message]})
    full_clean_or_refuse(step, exclude=["workflow"])


def _unique_code(workflow: Workflow, names: dict[str, str]) -> str:
    base = slugify(names.get("en") or names.get("tr") or "")[:56] or "step"
    taken = set(workflow.steps.values_list("code", flat=True))
    code, number = base, 1
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return code


def _renumber(workflow: Workflow, ordered: list[WorkflowStep]) -> None:
    """Give the steps positions 1..n in this order (out of the way first: positions are unique)."""
    WorkflowStep.objects.filter(workflow=workflow).update(position=F("position") + 1000)
    for position, step in enumerate(ordered, start=1):
        step.position = position
    WorkflowStep.objects.bulk_update(ordered, ["position"])


def _ordered_steps(workflow: Workflow) -> list[WorkflowStep]:
    return list(WorkflowStep.objects.select_for_update().filter(workflow=workflow).order_by("position"))


@transaction.atomic(durable=True)
def workflow_step_add(*, workflow: Workflow, names: dict[str, str], acting_user, position: int | None = None,
                      letter_texts: dict[str, dict[str, str]] | None = None, **step_settings) -> WorkflowStep:
    """Add a step at `position` (1 = first), or at the end."""
    unknown = set(step_settings) - set(STEP_SETTINGS)
    if unknown:
        raise TypeError(f"Unknown step settings: {sorted(unknown)}")
    steps = _ordered_steps(workflow)
    step = WorkflowStep(workflow=workflow, position=len(steps) + 1, **{"role": Role.OFFICER, **step_settings})
    _set_names(step, names)
    set_texts(step, letter_texts or {}, fields=LETTER_TEXTS)
    step.code = _unique_code(workflow, names)
    _check_step(step)
    step.save()
    if position is not None:
        steps.insert(max(0, min(position - 1, len(steps))), step)
        _renumber(workflow, steps)
    audit_record(actor=acting_user, action=AuditAction.WORKFLOW_STEP_ADDED, target=step,
                 details={"code": step.code, "position": step.position})
    return step


@transaction.atomic(durable=True)
def workflow_step_update(*, step: WorkflowStep, acting_user, names: dict[str, str] | None = None,
                         letter_texts: dict[str, dict[str, str]] | None = None,
                         translations_checked: Collection[str] = (), **changes) -> WorkflowStep:
    """Rename a step (any of the four languages) or change its settings; only the arguments given change.
    `translations_checked` names the texts ("name" or LETTER_TEXTS) whose other languages still say the same after
    one was reworded."""
    unknown = set(changes) - set(STEP_SETTINGS)
    if unknown:
        raise TypeError(f"Unknown step settings: {sorted(unknown)}")
    if names is not None or "name" in translations_checked:
        _set_names(step, names or {}, checked="name" in translations_checked)
    set_texts(step, letter_texts or {}, fields=LETTER_TEXTS,
              checked=[field for field in translations_checked if field != "name"])
    for name, value in changes.items():
        setattr(step, name, value)
    _check_step(step)
    step.save()
    details = {name: getattr(step, name) for name in changes}
    if names is not None:
        details["names"] = translations(step, "name")
    for field in letter_texts or {}:
        details[field] = translations(step, field)
    audit_record(actor=acting_user, action=AuditAction.WORKFLOW_STEP_UPDATED, target=step, details=details)
    return step


@transaction.atomic(durable=True)
def workflow_step_move(*, step: WorkflowStep, position: int, acting_user) -> WorkflowStep:
    """Put a step at another place in the order (1 = first); the others close up around it."""
    steps = [other for other in _ordered_steps(step.workflow) if other.pk != step.pk]
    before = step.position
    steps.insert(max(0, min(position - 1, len(steps))), step)
    _renumber(step.workflow, steps)
    audit_record(actor=acting_user, action=AuditAction.WORKFLOW_STEP_MOVED, target=step,
                 details={"from": before, "to": step.position})
    return step


@transaction.atomic(durable=True)
def workflow_step_remove(*, step: WorkflowStep, acting_user) -> None:
    """Remove a step no agreement is waiting at and none has passed through (its history refers to it)."""
    if Agreement.objects.filter(current_step=step).exists():
        raise ServiceError(
            AgreementError.STEP_IN_USE,
            gettext("Agreements are waiting at this step; move them on before removing it."),
        )
    if Transition.objects.filter(step=step).exists() or Transition.objects.filter(to_step=step).exists():
        raise ServiceError(
            AgreementError.STEP_HAS_HISTORY,
            gettext("Agreements have passed through this step and their history refers to it; it cannot be "
                    "removed, but it can be made skippable."),
        )
    workflow = step.workflow
    audit_record(actor=acting_user, action=AuditAction.WORKFLOW_STEP_REMOVED, target=step, details={"code": step.code})
    step.delete()
    _renumber(workflow, _ordered_steps(workflow))


@transaction.atomic
def workflow_seed_default(*, country: str) -> Workflow:
    """The university's default workflow, created from workflow_defaults for its country unless it has one."""
    existing = Workflow.objects.filter(is_default=True).first()
    if existing is not None:
        return existing
    spec = default_workflow_for(country)
    workflow = Workflow(is_default=True)
    _set_names(workflow, spec["names"])
    workflow.full_clean()
    workflow.save()
    for position, data in enumerate(spec["steps"], start=1):
        step = WorkflowStep(workflow=workflow, position=position,
                            **{name: value for name, value in data.items() if name != "names"})
        _set_names(step, data["names"])
        _check_step(step)
        step.save()
    audit_record(actor=None, action=AuditAction.WORKFLOW_SEEDED, target=workflow, details={"country": country})
    return workflow


# Moving an agreement through it -----------------------------------------------------------------

def _locked(agreement: Agreement) -> Agreement:
    """A fresh copy of the agreement, locked until the transaction ends: two moves never interleave."""
    return Agreement.objects.select_for_update(of=("self",)).select_related("current_step").get(pk=agreement.pk)


def _check_may_act(agreement: Agreement, step: WorkflowStep, user) -> None:
    if agreement.current_step_id is None:
        raise ServiceError(AgreementError.NOT_IN_WORKFLOW, gettext("This agreement is not waiting at any step."))
    if step.pk != agreement.current_step_id:
        raise ServiceError(
            AgreementError.NOT_CURRENT_STEP,
            gettext("The agreement is not at the step “%(step)s” any more; reload the page.") % {"step": step.name},
        )
    if not role_may_act(user, step):
        raise ServiceError(
            AgreementError.WRONG_ROLE,
            gettext("Only an office admin or a person with the role “%(role)s” may act on the step “%(step)s”.")
            % {"role": Role(step.role).label, "step": step.name},
        )


def _check_documents(agreement: Agreement, step: WorkflowStep, uploads: dict) -> None:
    unknown = set(uploads) - set(DocumentKind.values)
    if unknown:
        message = gettext("Choose documents from the list.")
        raise ServiceError(AgreementError.INVALID_DOCUMENT_KIND,
                           message, fields={kind: [message] for kind in sorted(unknown)})
    missing = missing_documents(agreement, step, uploaded=uploads)
    if missing:
        message = gettext("The step “%(step)s” needs these documents: %(documents)s.") % {
            "step": step.name, "documents": ", ".join(str(DocumentKind(kind).label) for kind in missing)}
        raise ServiceError(AgreementError.MISSING_DOCUMENTS, message, fields={kind: [message] for kind in missing})


def _check_recognition(agreement: Agreement) -> None:
    reasons = recognition_blocks(agreement)
    if reasons:
        raise ServiceError(AgreementError.RECOGNITION_MISSING, " ".join(reasons))


def _store_uploads(agreement: Agreement, step: WorkflowStep, uploads: dict, acting_user) -> list[AgreementDocument]:
    """Each upload becomes the next version of the step's document of that kind, or its first version."""
    documents = []
    for kind, uploaded_file in uploads.items():
        try:
            version = document_add_version(
                agreement=agreement, kind=kind, titles=in_each_language(DocumentKind(kind).label),
                uploaded_file=uploaded_file, acting_user=acting_user, step=step,
                document=agreement.documents.filter(kind=kind, step=step).first(),
            )
        except ServiceError as error:  # name the upload that was refused, not a generic "file"
            raise ServiceError(error.code, error.message, fields={kind: [error.message]}) from error
        documents.append(version.document)
    return documents


def _move(agreement: Agreement, *, action: str, step: WorkflowStep | None, to_step: WorkflowStep | None,
          acting_user, comment: str, documents=()) -> Transition:
    """Record the transition and put the agreement at `to_step` (None: out of the workflow)."""
    agreement.current_step = to_step
    agreement.step_since = timezone.now() if to_step is not None else None
    agreement.save(update_fields=["status", "workflow", "current_step", "step_since", "updated_at"])
    transition = Transition.objects.create(agreement=agreement, step=step, to_step=to_step, action=action,
                                           actor=acting_user, comment=comment.strip())
    transition.documents.set(documents)
    if to_step is not None:
        notify_step_holders(agreement=agreement, step=to_step, acting_user=acting_user)
    return transition


def _next_step(step: WorkflowStep) -> WorkflowStep | None:
    return WorkflowStep.objects.filter(workflow_id=step.workflow_id, position__gt=step.position).order_by(
        "position").first()


def _step_codes(transition: Transition) -> dict:
    return {"step": transition.step.code if transition.step else None,
            "to_step": transition.to_step.code if transition.to_step else None}


@transaction.atomic
def agreement_submit(*, agreement: Agreement, acting_user, comment: str = "") -> Agreement:
    """A draft (or a rejected agreement, reworked) goes into approval at the first step of the workflow."""
    agreement = _locked(agreement)
    if agreement.status not in SUBMITTABLE:
        raise ServiceError(AgreementError.NOT_A_DRAFT,
                           gettext("Only a draft or a rejected agreement can be sent for approval."))
    workflow = agreement.workflow or Workflow.objects.filter(is_default=True).first()
    first = workflow.steps.order_by("position").first() if workflow else None
    if first is None:
        raise ServiceError(AgreementError.NO_WORKFLOW, gettext("The office has no approval workflow with steps yet."))
    agreement.workflow = workflow
    agreement.status = Agreement.Status.IN_APPROVAL
    transition = _move(agreement, action=Transition.Action.SUBMITTED, step=None, to_step=first,
                       acting_user=acting_user, comment=comment)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_SUBMITTED,
                 target=agreement, details=_step_codes(transition))
    return agreement


def _record_signature(agreement: Agreement, step: WorkflowStep, signed_on: date) -> None:
    """Date the signatories of the step's side that have no date yet.

    With none of that side named, a row is added so the agreement's page shows the date: named after the
    step's signatory or our university for our side, after the partners for theirs; the office corrects the
    name on the agreement's form.
    """
    side = step.records_signature
    undated = agreement.signatories.filter(side=side, signed_on__isnull=True)
    if undated.exists():
        undated.update(signed_on=signed_on)
        return
    if agreement.signatories.filter(side=side).exists():
        return  # every signatory of that side was dated already (signed on paper before the step)
    if side == Signatory.Side.OURS:
        name = step.signatory_name or connection.tenant.name
    else:
        name = ", ".join(str(partner.name) for partner in agreement.partners.all()) or str(Signatory.Side.PARTNER.label)
    signatory = Signatory(agreement=agreement, side=side, name=name[:255], signed_on=signed_on)
    if side == Signatory.Side.OURS:
        set_translations(signatory, "title", translations(step, "signatory_title"))
    full_clean_or_refuse(signatory, exclude=["agreement"])
    signatory.save()


def _check_signed_on(step: WorkflowStep, signed_on: date | None) -> date:
    today = timezone.localdate()
    if signed_on is None or not step.records_signature:
        return today
    if signed_on > today:
        message = gettext("The date of signature cannot be in the future.")
        raise ServiceError(AgreementError.INVALID_SIGNATURE_DATE, message, fields={"signed_on": [message]})
    return signed_on


@transaction.atomic
def agreement_complete_step(*, agreement: Agreement, step: WorkflowStep, acting_user, comment: str = "",
                            uploads: dict | None = None, signed_on: date | None = None) -> Agreement:
    """Complete the current step with its documents (`uploads`: document kind → uploaded file) and move on.

    A step that puts the agreement in force does so; past the last step the agreement is in
    force and leaves the workflow. A step that sends something produces its cover letter. A step
    that records a signature dates that side's signatories (`signed_on`, today when not given); a
    step that publishes shows the agreement on the public partner list.
    """
    uploads = uploads or {}
    agreement = _locked(agreement)
    _check_may_act(agreement, step, acting_user)
    _check_documents(agreement, step, uploads)
    signed_on = _check_signed_on(step, signed_on)
    if step.checks_recognition:
        _check_recognition(agreement)
    documents = _store_uploads(agreement, step, uploads, acting_user)
    next_step = _next_step(step)
    if step.puts_in_force or next_step is None:
        agreement.status = Agreement.Status.IN_FORCE
    transition = _move(agreement, action=Transition.Action.COMPLETED, step=step, to_step=next_step,
                       acting_user=acting_user, comment=comment, documents=documents)
    if step.sends_letter:
        transition.documents.add(cover_letter_for_step(agreement=agreement, step=step, acting_user=acting_user))
    if step.records_signature:
        _record_signature(agreement, step, signed_on)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_STEP_COMPLETED, target=agreement,
                 details=_step_codes(transition))
    if step.publishes:
        agreement = agreement_set_published(agreement=agreement, published=True, acting_user=acting_user)
    return agreement


@transaction.atomic(durable=True)
def agreement_skip_step(*, agreement: Agreement, step: WorkflowStep, acting_user, comment: str) -> Agreement:
    """Pass over a step the office allows to be skipped, saying why."""
    agreement = _locked(agreement)
    _check_may_act(agreement, step, acting_user)
    if not step.skippable:
        raise ServiceError(AgreementError.NOT_SKIPPABLE,
                           gettext("The step “%(step)s” may not be skipped.") % {"step": step.name})
    if not comment.strip():
        message = gettext("Say why the step is skipped.")
        raise ServiceError(AgreementError.COMMENT_REQUIRED, message, fields={"comment": [message]})
    next_step = _next_step(step)
    if next_step is None:
        agreement.status = Agreement.Status.IN_FORCE
    transition = _move(agreement, action=Transition.Action.SKIPPED, step=step, to_step=next_step,
                       acting_user=acting_user, comment=comment)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_STEP_SKIPPED, target=agreement,
                 details=_step_codes(transition))
    return agreement


@transaction.atomic
def agreement_reject(*, agreement: Agreement, step: WorkflowStep, acting_user, reason: str,
                     to_step: WorkflowStep | None = None) -> Agreement:
    """Send the agreement back, with a reason: to the previous step, or to `to_step` before the current one.

    Sent back from the first step, the agreement is rejected and leaves the workflow.
    """
    agreement = _locked(agreement)
    _check_may_act(agreement, step, acting_user)
    if agreement.status != Agreement.Status.IN_APPROVAL:
        raise ServiceError(AgreementError.NOT_IN_APPROVAL, gettext("Only an agreement in approval can be sent back."))
    if not reason.strip():
        message = gettext("Give the reason for sending the agreement back.")
        raise ServiceError(AgreementError.REASON_REQUIRED, message, fields={"reason": [message]})
    if to_step is None:
        to_step = WorkflowStep.objects.filter(workflow_id=step.workflow_id, position__lt=step.position).order_by(
            "-position").first()
    elif to_step.workflow_id != step.workflow_id or to_step.position >= step.position:
        message = gettext("Choose a step before the current one.")
        raise ServiceError(AgreementError.INVALID_TARGET_STEP, message, fields={"to_step": [message]})
    if to_step is None:
        agreement.status = Agreement.Status.REJECTED
    transition = _move(agreement, action=Transition.Action.REJECTED, step=step, to_step=to_step,
                       acting_user=acting_user, comment=reason)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_SENT_BACK, target=agreement,
                 details={**_step_codes(transition), "reason": reason.strip()})
    return agreement
