"""Publishing an agreement: the office's choice to show its partners on the public list."""


from django.db import transaction

from core.agreements.models import Agreement
from core.audit.actions import AuditAction
from core.audit.services import audit_record


@transaction.atomic
def agreement_set_published(*, agreement: Agreement, published: bool, acting_user) -> Agreement:
    """Show the agreement's partners on the public list or take them off; only in-force ones ever show."""
    if agreement.published == published:
        return agreement
    agreement.published = published
    agreement.save(update_fields=["published", "updated_at"])
    action = AuditAction.AGREEMENT_PUBLISHED if published else AuditAction.AGREEMENT_UNPUBLISHED
    audit_record(actor=acting_user, action=action, target=agreement)
    return agreement
