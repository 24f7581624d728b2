"""Reads of notifications: each person sees their own and nobody else's."""

from django.db.models import QuerySet

from core.notifications.models import Notification
from kopru.errors import NotFound


def notifications_for_user(user, *, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(recipient=user)
    return notifications.filter(read_at__isnull=True) if unread_only else notifications


def unread_count(user) -> int:
    return notifications_for_user(user, unread_only=True).count()


def notification_get_for_user(user, notification_id) -> Notification:
    """One of the user's own notifications; someone else's and a missing one both answer 404."""
    notification = (
        notifications_for_user(user).filter(pk=notification_id).first() if str(notification_id).isdigit() else None
    )
    if notification is None:
        raise NotFound()
    return notification
