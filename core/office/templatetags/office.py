from urllib.parse import urlencode

from django import template

from core.office.permissions import Action, can

register = template.Library()


@register.filter
def may(user, action: str) -> bool:
    """`{% if user|may:"manage_users" %}`: the same rules the views enforce."""
    return can(user, Action(action))


@register.simple_tag(takes_context=True)
def cleared_filters_url(context, form) -> str:
    """The list's address without the filters of `form` (its sort is kept), or "" when no filter is set:
    `{% cleared_filters_url form as cleared %}{% if cleared %}<a href="{{ cleared }}">…`."""
    request = context["request"]
    if not any(request.GET.get(name) for name in form.fields):
        return ""
    kept = {name: value for name, value in request.GET.items() if name == "ordering"}
    return request.path + (f"?{urlencode(kept)}" if kept else "")
