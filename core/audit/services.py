from django.db import models

from core.audit.actions import AuditAction
from core.audit.models import AuditEntry


def audit_record(*, actor, action: AuditAction, target: models.Model | None = None,
                 details: dict | None = None) -> AuditEntry:
    """Write one audit entry in the current schema; call inside the service's transaction."""
    if not isinstance(action, AuditAction):
        raise TypeError(f"An audit action is one of AuditAction, not {action!r}.")
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=str(actor.username) if actor is not None and actor.is_authenticated else "system",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:255] if target is not None else "",
        details=details or {},
    )
