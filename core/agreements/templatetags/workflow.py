"""`{% workflow_panel agreement as panel %}`: what agreements/_workflow.html shows, for the current reader;
`{{ kinds|document_labels }}`: document kinds in words."""

from django import template

from core.agreements.models import DocumentKind
from core.agreements.workflow.forms import CommentForm, CompleteForm, RejectForm, SkipForm
from core.agreements.workflow.selectors import agreement_timeline

register = template.Library()


@register.simple_tag(takes_context=True)
def workflow_panel(context, agreement) -> dict:
    timeline = agreement_timeline(agreement, context["request"].user)
    return {
        "timeline": timeline,
        # Own id prefixes: the panel sits inside the agreement's page, next to its forms.
        "submit_form": CommentForm(auto_id="workflow_submit_%s"),
        "complete_form": CompleteForm(kinds=timeline.upload_kinds, auto_id="workflow_complete_%s"),
        "skip_form": SkipForm(auto_id="workflow_skip_%s"),
        "reject_form": RejectForm(steps=timeline.earlier_steps, auto_id="workflow_reject_%s"),
    }


@register.filter
def document_labels(kinds) -> str:
    return ", ".join(str(DocumentKind(kind).label) for kind in kinds)
