"""`{% partner_agreements partner %}`: the partner page's agreements, drawn by the agreements app so that the partners
app, below it, needs not know agreements."""

from django import template

from core.agreements.selectors import agreements_for_user
from core.office.permissions import Action, can

register = template.Library()
SHOWN = 20


@register.inclusion_tag("agreements/_partner_agreements.html", takes_context=True)
def partner_agreements(context, partner) -> dict:
    """The agreements with `partner` the reader may see, the latest first; a link to all when there are more."""
    user = context["request"].user
    if not can(user, Action.VIEW_AGREEMENTS):
        return {"visible": False}
    agreements = (agreements_for_user(user).filter(partners=partner).select_related("current_step")
                  .order_by("-created_at", "-pk"))
    shown = list(agreements[:SHOWN + 1])
    return {"visible": True, "partner": partner, "agreements": shown[:SHOWN], "more": len(shown) > SHOWN,
            "may_manage": can(user, Action.MANAGE_AGREEMENTS)}
