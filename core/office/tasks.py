from celery import shared_task
from django.core.mail import send_mail
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext

from core.office.models import Invitation
from tenants.selectors import absolute_url


def invitation_url(token: str) -> str:
    """The link on the university's own host; tenant-schemas-celery has set the tenant."""
    return absolute_url(connection.tenant, f"/accounts/invitation/{token}/")


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitation_email(self, invitation_id: int, token: str) -> None:
    invitation = Invitation.objects.filter(pk=invitation_id, accepted_at__isnull=True).first()
    if invitation is None:
        return
    university = connection.tenant
    with translation.override(university.default_language):
        subject = gettext("Your invitation to %(university)s on Köprü") % {"university": university.name}
        body = gettext(
            "You are invited to the international relations office of %(university)s.\n\n"
            "Open this link to choose your password (it works once, until %(expires)s):\n%(url)s\n"
        ) % {"university": university.name, "expires": invitation.expires_at.date(), "url": invitation_url(token)}
    send_mail(subject, body, None, [invitation.email])
