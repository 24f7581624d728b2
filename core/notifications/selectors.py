"""Reads of notifications: each person sees their own and nobody else's."""

from django.db.models import QuerySet

from core.notifications.models import Notification
from kopru.errors import NotFound
from kopru.lists import Ordering


def notifications_for_user(user, *, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(recipient=user)
    return notifications.filter(read_at__isnull=True) if unread_only else notifications


NOTIFICATION_ORDERING = Ordering(keys={"created_at": ("created_at",), "title": ("title",), "read_at": ("read_at",)},
                                 default="-created_at")
ROW_FIELDS = ("id", "title", "text", "link", "created_at", "read_at")


def notification_values(user, *, unread_only: bool = False, ordering: str = "") -> QuerySet:
    """The user's notifications for a list's pages: `values()` of ROW_FIELDS, newest first unless asked otherwise."""
    notifications = notifications_for_user(user, unread_only=unread_only)
    return NOTIFICATION_ORDERING.apply(notifications, ordering).values(*ROW_FIELDS)


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
