from django import template

from core.office.permissions import Action, can

register = template.Library()


@register.filter
def may(user, action: str) -> bool:
    """`{% if user|may:"manage_users" %}`: the same rules the views enforce."""
    return can(user, Action(action))
