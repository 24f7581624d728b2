"""Partner documents written by a worker, for when a document takes longer than a request should."""

from celery import shared_task
from django.contrib.auth import get_user_model

from core.partners.models import Partner


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def generate_info_note(partner_id: int, language: str, acting_user_id: int | None = None) -> int | None:
    """Write a partner's information note; returns quietly when the partner is gone."""
    from core.partners.info_note import info_note_generate  # it queues this task: imported when run

    partner = Partner.objects.filter(pk=partner_id).first()
    if partner is None:
        return None
    acting_user = get_user_model().objects.filter(pk=acting_user_id).first() if acting_user_id else None
    return info_note_generate(partner=partner, language=language, acting_user=acting_user).pk
