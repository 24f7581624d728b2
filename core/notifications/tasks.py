from celery import shared_task
from django.core.mail import send_mail
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.notifications.models import Notification
from core.notifications.services import language_of
from tenants.selectors import absolute_url


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification_email(self, notification_id: int) -> None:
    """The e-mail copy of a notification, once; tenant-schemas-celery has set the university."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id, emailed_at__isnull=True).first()
    )
    if notification is None or not notification.recipient.email:
        return
    body = notification.text
    if notification.link:
        with translation.override(language_of(notification.recipient)):
            body += "\n\n" + gettext("Open it in Köprü: %(url)s") % {
                "url": absolute_url(connection.tenant, notification.link)}
    send_mail(notification.title, body, None, [notification.recipient.email])
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
