"""Writes of a university's office: people, roles, invitations, academic units."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.audit.services import audit_record
from core.office.models import AcademicUnit, Invitation


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(
    *, email: str, role: str, invited_by=None, academic_unit: AcademicUnit | None = None
) -> tuple[Invitation, str]:
    """Invite a person into the current schema's office; returns the invitation and its one-time token.

    The e-mail with the link is sent after commit by a Celery task, in the university's language.
    """
    from core.office.tasks import send_invitation_email

    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email.strip().lower(), role=role, academic_unit=academic_unit, invited_by=invited_by,
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(days=settings.KOPRU_INVITATION_DAYS),
    )
    audit_record(actor=invited_by, action="invitation.created", target=invitation, details={"role": role})
    transaction.on_commit(lambda: send_invitation_email.delay(invitation.pk, token))
    return invitation, token
