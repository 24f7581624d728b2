"""Writes of notifications: telling people something, and their marking it read."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import Truncator

from core.notifications.models import Notification
from kopru.celery import enqueue_on_commit

TITLE_LENGTH = Notification._meta.get_field("title").max_length


@dataclass(frozen=True)
class Message:
    title: str
    text: str


def language_of(user) -> str:
    """The language a person reads: their own choice, else the university's default."""
    return user.language or connection.tenant.default_language


@transaction.atomic
def notify(*, recipients: Iterable, compose: Callable[[], Message], link: str = "",
           email: bool = True) -> list[Notification]:
    """Notify each recipient once, in their language; `compose` is called with that language active.

    One insert for all of them, however many they are. The e-mail copy goes out after commit, so
    nobody is mailed about something that rolled back.
    """
    from core.notifications.tasks import send_notification_email

    notifications, seen = [], set()
    for user in recipients:
        if user.pk in seen:
            continue
        seen.add(user.pk)
        with translation.override(language_of(user)):
            message = compose()
        notification = Notification(recipient=user, title=Truncator(message.title).chars(TITLE_LENGTH),
                                    text=message.text, link=link)
        # The recipient is a user row already; checking that it exists would ask the database once per person.
        notification.full_clean(exclude=["recipient"])
        notifications.append(notification)
    Notification.objects.bulk_create(notifications)
    for notification in notifications:
        if email and notification.recipient.email:
            enqueue_on_commit(send_notification_email, notification.pk)
    return notifications


# Reading one's own notifications is not office business, so these leave no audit entry.
@transaction.atomic(durable=True)
def notification_mark_read(*, notification: Notification, acting_user) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic(durable=True)
def notifications_mark_all_read(*, acting_user) -> int:
    """Mark every unread notification of the acting user read; returns how many there were."""
    return Notification.objects.filter(recipient=acting_user, read_at__isnull=True).update(read_at=timezone.now())
