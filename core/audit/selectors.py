from django.db.models import QuerySet

from core.audit.actions import action_label
from core.audit.models import AuditEntry
from kopru.lists import Ordering

AUDIT_ORDERING = Ordering(keys={
    "at": ("at",), "actor_label": ("actor_label",), "action": ("action",), "target_label": ("target_label",),
}, default="-at")
ROW_FIELDS = ("id", "at", "actor_id", "actor_label", "action", "target_type", "target_id", "target_label", "details")


def audit_entries(*, action: str = "", actor_id: int | None = None, ordering: str = "") -> QuerySet[AuditEntry]:
    """The current schema's audit log, newest first unless `ordering` says otherwise, optionally narrowed to one
    action or one person."""
    entries = AuditEntry.objects.all()
    if action:
        entries = entries.filter(action=action)
    if actor_id:
        entries = entries.filter(actor_id=actor_id)
    return AUDIT_ORDERING.apply(entries, ordering)


def audit_list(**filters) -> QuerySet:
    """audit_entries as `values()` of ROW_FIELDS, for a list's pages; audit_rows finishes a page."""
    return audit_entries(**filters).values(*ROW_FIELDS)


def audit_rows(page) -> list[dict]:
    """A page of audit_list as plain dicts with each action's label: one query whatever the page's size."""
    return [{**row, "action_label": action_label(row["action"])} for row in page]


def audit_actions() -> list[tuple[str, str]]:
    """The actions recorded so far, as (code, label) for a filter."""
    codes = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    return [(code, action_label(code)) for code in codes]
