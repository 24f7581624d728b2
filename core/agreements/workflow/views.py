"""Pages of the approval workflow: the office admins' editor, and the moves made from an agreement's page.

The moves answer htmx with the re-rendered workflow panel (agreements/_workflow.html) and
plain posts with a redirect back to the agreement's page.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from core.agreements.selectors import agreement_get_for_user
from core.agreements.workflow import services
from core.agreements.workflow.forms import CommentForm, CompleteForm, RejectForm, SkipForm, StepForm
from core.agreements.workflow.mandates import mandates_by_step
from core.agreements.workflow.selectors import (
    agreement_step,
    agreement_timeline,
    steps_before,
    upload_kinds,
    workflow_default,
    workflow_step_get,
)
from core.office.permissions import Action, permission_required
from kopru.forms import mark_outdated
from kopru.web import run_service

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES


# The office admins' editor ----------------------------------------------------------------------

@permission_required(Action.MANAGE_WORKFLOWS)
def workflow_edit(request):
    workflow = workflow_default()
    form = StepForm(request.POST or None)
    if workflow is not None and request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: services.workflow_step_add(
            workflow=workflow, names=form.names(), letter_texts=form.letter_texts(), acting_user=request.user,
            **form.step_settings(),
        ), form=form, success_message=gettext("Saved."))
        if run.ok:
            return redirect("workflow:edit")
    steps = list(workflow.steps.all()) if workflow else []
    return render(request, "agreements/workflow_edit.html", {"workflow": workflow, "steps": steps, "form": form,
                                                             "mandated": mandates_by_step(steps)})


def _step_initial(step) -> dict:
    return {**{f"name_{code}": getattr(step, f"name_{code}") for code in LANGUAGES},
            **{f"{field}_{code}": getattr(step, f"{field}_{code}") for field in services.LETTER_TEXTS
               for code in LANGUAGES},
            **{name: getattr(step, name) for name in services.STEP_SETTINGS}}


@permission_required(Action.MANAGE_WORKFLOWS)
def workflow_step_edit(request, step_id):
    step = workflow_step_get(step_id)
    form = StepForm(request.POST or None, initial=_step_initial(step))
    mark_outdated(form, step)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: services.workflow_step_update(
            step=step, names=form.names(), letter_texts=form.letter_texts(), acting_user=request.user,
            translations_checked=form.translations_checked(), **form.step_settings(),
        ), form=form, success_message=gettext("Saved."))
        if run.ok:
            return redirect("workflow:edit")
    clauses = mandates_by_step([step]).get(step.pk, [])
    return render(request, "agreements/workflow_step_edit.html", {"step": step, "form": form, "clauses": clauses})


@require_POST
@permission_required(Action.MANAGE_WORKFLOWS)
def workflow_step_move(request, step_id):
    step = workflow_step_get(step_id)
    position = request.POST.get("position", "")
    if position.isdigit():
        services.workflow_step_move(step=step, position=int(position), acting_user=request.user)
    return redirect("workflow:edit")


@require_POST
@permission_required(Action.MANAGE_WORKFLOWS)
def workflow_step_remove(request, step_id):
    step = workflow_step_get(step_id)
    run_service(request, lambda: services.workflow_step_remove(step=step, acting_user=request.user),
                success_message=gettext("The step is removed."))
    return redirect("workflow:edit")


# Moves from the agreement's page ----------------------------------------------------------------

def workflow_panel(user, agreement) -> dict:
    """What agreements/_workflow.html shows of the agreement's workflow, for this reader."""
    timeline = agreement_timeline(agreement, user)
    signature = bool(timeline.current_step and timeline.current_step.records_signature)
    return {
        "timeline": timeline,
        # Own id prefixes: the panel sits inside the agreement's page, next to its forms.
        "submit_form": CommentForm(auto_id="workflow_submit_%s"),
        "complete_form": CompleteForm(kinds=timeline.upload_kinds, signature=signature, auto_id="workflow_complete_%s"),
        "skip_form": SkipForm(auto_id="workflow_skip_%s"),
        "reject_form": RejectForm(steps=timeline.earlier_steps, auto_id="workflow_reject_%s"),
    }


def _answer(request, agreement_id, form):
    """A refusal re-renders the panel for htmx; otherwise back to the agreement's page, with a message."""
    if request.htmx and form.errors:
        agreement = agreement_get_for_user(request.user, agreement_id)
        return render(request, "agreements/_workflow.html", {
            "agreement": agreement, "panel": workflow_panel(request.user, agreement), "failed_form": form,
        })
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    if not form.errors:
        messages.success(request, gettext("Saved."))
    if request.htmx:  # the status, the documents and the panel all changed: the whole page is reloaded
        return HttpResponseClientRefresh()
    return redirect(reverse("agreements:detail", args=[agreement_id]) + "#workflow")


def _attempt(request, form, move) -> None:
    """Run the move if the form is valid; a refusal lands on the form."""
    if form.is_valid():
        run_service(request, move, form=form)


@require_POST
@permission_required(Action.MANAGE_AGREEMENTS)
def step_submit(request, pk):
    agreement = agreement_get_for_user(request.user, pk)
    form = CommentForm(request.POST)
    _attempt(request, form, lambda: services.agreement_submit(agreement=agreement, acting_user=request.user,
                                                              comment=form.cleaned_data["comment"]))
    return _answer(request, pk, form)


@require_POST
@permission_required(Action.MANAGE_AGREEMENTS)
def step_complete(request, pk):
    agreement = agreement_get_for_user(request.user, pk)
    step = agreement.current_step
    form = CompleteForm(request.POST, request.FILES, kinds=upload_kinds(step),
                        signature=bool(step and step.records_signature))
    _attempt(request, form, lambda: services.agreement_complete_step(
        agreement=agreement, step=agreement_step(agreement, request.POST.get("step")), acting_user=request.user,
        comment=form.cleaned_data["comment"], uploads=form.uploads(), signed_on=form.cleaned_data.get("signed_on"),
    ))
    return _answer(request, pk, form)


@require_POST
@permission_required(Action.MANAGE_AGREEMENTS)
def step_skip(request, pk):
    agreement = agreement_get_for_user(request.user, pk)
    form = SkipForm(request.POST)
    _attempt(request, form, lambda: services.agreement_skip_step(
        agreement=agreement, step=agreement_step(agreement, request.POST.get("step")), acting_user=request.user,
        comment=form.cleaned_data["comment"],
    ))
    return _answer(request, pk, form)


@require_POST
@permission_required(Action.MANAGE_AGREEMENTS)
def step_reject(request, pk):
    agreement = agreement_get_for_user(request.user, pk)
    form = RejectForm(request.POST, steps=steps_before(agreement.current_step))

    def move():
        to_step = form.cleaned_data["to_step"]
        services.agreement_reject(
            agreement=agreement, step=agreement_step(agreement, request.POST.get("step")),
            acting_user=request.user, reason=form.cleaned_data["reason"],
            to_step=agreement_step(agreement, to_step, field_name="to_step") if to_step else None,
        )

    _attempt(request, form, move)
    return _answer(request, pk, form)
