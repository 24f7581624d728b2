"""Telling people that a workflow step has become theirs to do."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext

from core.agreements.models import Agreement, WorkflowStep
from core.notifications.services import Message, notify

User = get_user_model()


def step_holders(step: WorkflowStep):
    """The active people whose role completes the step. Steps are completed by office roles only
    (office admin, coordinator, officer: never unit-scoped), so every holder may act on any agreement."""
    return User.objects.filter(is_active=True, membership__role=step.role).order_by("pk")


def notify_step_holders(*, agreement: Agreement, step: WorkflowStep, acting_user) -> None:
    """One notification to each holder of the step's role, in their language; the person who moved the
    agreement is not told what they have just done. Call inside the move's transaction."""
    recipients = step_holders(step)
    if acting_user is not None and acting_user.is_authenticated:
        recipients = recipients.exclude(pk=acting_user.pk)

    def compose() -> Message:
        # Read in the recipient's language, which notify() has made active.
        values = {"title": agreement.title, "step": step.name}
        return Message(
            title=gettext("The agreement “%(title)s” waits for you at the step “%(step)s”") % values,
            text=gettext("The agreement “%(title)s” has reached the step “%(step)s”, which your role completes.")
            % values,
        )

    notify(recipients=recipients, compose=compose, link=reverse("agreements:detail", args=[agreement.pk]))
