from django.db.models import CharField, F, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from core.audit.actions import action_label
from core.audit.models import AuditEntry
from kopru.lists import Ordering


def shown_label(language: str):
    """The record's label as a reader of `language` sees it: named in their language, else as the writer's
    language named it (an entry written before labels were kept per language, or one named alike in all)."""
    return Coalesce(KeyTextTransform(language, "target_labels"), F("target_label"), output_field=CharField())


AUDIT_ORDERING = Ordering(keys={
    "at": ("at",), "actor_label": ("actor_label",), "action": ("action",), "target_label": (shown_label,),
}, default="-at")
ROW_FIELDS = ("id", "at", "actor_id", "actor_label", "action", "target_type", "target_id", "details")


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
    """audit_entries as `values()` of ROW_FIELDS and the record's label in the reader's language, for a list's
    pages; audit_rows finishes a page."""
    # Not named target_label in SQL: an annotation may not take a model field's name.
    return audit_entries(**filters).values(*ROW_FIELDS, shown_label=shown_label(get_language()))


def audit_rows(page) -> list[dict]:
    """A page of audit_list as plain dicts with each action's label and the record's as `target_label`: one query
    whatever the page's size."""
    rows = []
    for row in page:
        label = row.pop("shown_label")
        rows.append({**row, "target_label": label, "action_label": action_label(row["action"])})
    return rows


def audit_actions() -> list[tuple[str, str]]:
    """The actions recorded so far, as (code, label) for a filter."""
    codes = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    return [(code, action_label(code)) for code in codes]
