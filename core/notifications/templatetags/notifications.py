from django import template

from core.notifications.selectors import unread_count
from core.office.permissions import membership_of

register = template.Library()


@register.simple_tag
def unread_notifications(user) -> int:
    """`{% unread_notifications user as count %}`: 0 for anyone outside the office."""
    return unread_count(user) if membership_of(user) is not None else 0
