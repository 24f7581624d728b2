from django.db.models import QuerySet

from core.audit.actions import action_label
from core.audit.models import AuditEntry


def audit_entries(*, action: str = "", actor_id: int | None = None) -> QuerySet[AuditEntry]:
    """The current schema's audit log, newest first, optionally narrowed to one action or one person."""
    entries = AuditEntry.objects.order_by("-at", "-id")
    if action:
        entries = entries.filter(action=action)
    if actor_id:
        entries = entries.filter(actor_id=actor_id)
    return entries


def audit_actions() -> list[tuple[str, str]]:
    """The actions recorded so far, as (code, label) for a filter."""
    codes = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    return [(code, action_label(code)) for code in codes]
