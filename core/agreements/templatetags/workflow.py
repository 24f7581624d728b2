"""`{{ kinds|document_labels }}`: document kinds in words."""

from django import template

from core.agreements.models import DocumentKind

register = template.Library()


@register.filter
def document_labels(kinds) -> str:
    return ", ".join(str(DocumentKind(kind).label) for kind in kinds)
