from django.db import models
from django.utils.translation import override

from core.audit.actions import AuditAction
from core.audit.models import AuditEntry
from kopru.translated import LANGUAGES


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
        target_labels=_labels(target) if target is not None else {},
        details=details or {},
    )


def _labels(target: models.Model) -> dict[str, str]:
    """The record as each language names it ({"tr": …, "ru": …}), or none when all name it alike (a username):
    the entry's target_label then says it for every reader."""
    labels = {}
    for code in LANGUAGES:
        # A translated __str__ reads the field in the active language; a related row it reads is fetched once.
        with override(code):
            labels[code] = str(target)[:255]
    return labels if len(set(labels.values())) > 1 else {}
