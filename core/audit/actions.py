"""What each audit action code means, in words people read. Codes stay stable for clients."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "invitation.created": _("Invitation sent"),
    "invitation.accepted": _("Invitation accepted"),
    "membership.changed": _("Role or academic unit changed"),
    "membership.two_factor_required": _("Two-factor authentication requirement changed"),
    "two_factor.enabled": _("Two-factor authentication switched on"),
    "two_factor.disabled": _("Two-factor authentication switched off"),
    "unit.created": _("Academic unit created"),
    "unit.updated": _("Academic unit changed"),
    "unit.deleted": _("Academic unit deleted"),
    "user.activated": _("User reactivated"),
    "user.deactivated": _("User deactivated"),
    "user.api_token_created": _("API token issued"),
    "user.language_changed": _("Language changed"),
    "university.onboarded": _("University onboarded"),
    "university.provisioning_failed": _("University provisioning failed"),
    "university.suspended": _("University suspended"),
    "university.reactivated": _("University reactivated"),
    "university.domain_added": _("Domain added"),
}


def action_label(code: str) -> str:
    """The readable label of an action; an unknown code reads as itself rather than as nothing."""
    return str(ACTION_LABELS.get(code, code))
