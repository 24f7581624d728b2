"""The office's letterhead: read by every letter, changed by the office's administrators."""

from django.db import transaction

from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.documents.models import Letterhead
from kopru.errors import full_clean_or_refuse
from kopru.translated import set_translations

TRANSLATED = ("unit_name", "address", "contact_title")
PLAIN = ("detsis_number", "file_plan_code", "phone", "email", "kep_address", "contact_name")


def letterhead_get() -> Letterhead:
    """The office's letterhead; an empty one (not saved) until the office sets it."""
    return Letterhead.objects.filter(pk=Letterhead.SINGLETON_PK).first() or Letterhead(pk=Letterhead.SINGLETON_PK)


@transaction.atomic(durable=True)
def letterhead_update(*, acting_user, texts: dict[str, dict[str, str]], values: dict[str, str]) -> Letterhead:
    """Set the letterhead: `texts` by field and language (unit_name, address, contact_title), `values` the plain
    fields; only the fields given change."""
    letterhead = letterhead_get()
    for field, by_language in texts.items():
        if field not in TRANSLATED:
            raise ValueError(f"{field} is not a translated field of the letterhead")
        set_translations(letterhead, field, by_language)
    for field, value in values.items():
        if field not in PLAIN:
            raise ValueError(f"{field} is not a field of the letterhead")
        setattr(letterhead, field, (value or "").strip())
    full_clean_or_refuse(letterhead)
    letterhead.save()
    audit_record(actor=acting_user, action=AuditAction.LETTERHEAD_CHANGED, target=letterhead,
                 details={"fields": sorted([*texts, *values])})
    return letterhead


def reference_prefix(letterhead: Letterhead) -> str | None:
    """"E-<DETSİS>-<file-plan code>-" once both are set: the form of an electronic official letter's number."""
    if letterhead.detsis_number and letterhead.file_plan_code:
        return f"E-{letterhead.detsis_number}-{letterhead.file_plan_code}-"
    return None
