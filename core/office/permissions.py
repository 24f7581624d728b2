"""Who may do what in a university's office: one table, read by the web UI and the API alike.

A user's rights come from their Membership in the current schema only. Platform admins
(public-schema users) and people without a membership get nothing here; so does an
account that must have a second factor (by its membership or by the office's settings)
and has not set it up.
"""

from enum import StrEnum
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Exists
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.permissions import BasePermission

from core.office.models import Membership, OfficeSettings, Role


class Action(StrEnum):
    VIEW_OFFICE = "view_office"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    VIEW_AUDIT = "view_audit"
    VIEW_PARTNERS = "view_partners"
    MANAGE_PARTNERS = "manage_partners"
    VIEW_AGREEMENTS = "view_agreements"
    MANAGE_AGREEMENTS = "manage_agreements"
    PUBLISH_AGREEMENTS = "publish_agreements"
    MANAGE_WORKFLOWS = "manage_workflows"
    MANAGE_TEMPLATES = "manage_templates"
    REGISTER_REQUESTS = "register_requests"
    ANSWER_REQUESTS = "answer_requests"
    IMPORT_DATA = "import_data"
    VIEW_STATUTES = "view_statutes"
    MANAGE_STATUTES = "manage_statutes"
    APPROVE_STATUTES = "approve_statutes"


READERS = frozenset(Role)
STAFF = frozenset({Role.OFFICE_ADMIN, Role.COORDINATOR, Role.OFFICER})
RULES: dict[Action, frozenset[str]] = {
    Action.VIEW_OFFICE: READERS,
    Action.MANAGE_USERS: frozenset({Role.OFFICE_ADMIN}),
    Action.MANAGE_SETTINGS: frozenset({Role.OFFICE_ADMIN}),
    Action.VIEW_AUDIT: frozenset({Role.OFFICE_ADMIN}),
    Action.VIEW_PARTNERS: READERS,
    Action.MANAGE_PARTNERS: STAFF,
    # Unit staff read the agreements of their own units only (scope_to_units).
    Action.VIEW_AGREEMENTS: READERS,
    Action.MANAGE_AGREEMENTS: STAFF,
    Action.PUBLISH_AGREEMENTS: frozenset({Role.OFFICE_ADMIN, Role.COORDINATOR}),
    Action.MANAGE_WORKFLOWS: frozenset({Role.OFFICE_ADMIN}),
    Action.MANAGE_TEMPLATES: frozenset({Role.OFFICE_ADMIN}),
    Action.REGISTER_REQUESTS: STAFF,
    # Unit staff answer the requests forwarded to their unit (seed 000 7.10).
    Action.ANSWER_REQUESTS: STAFF | {Role.UNIT_STAFF},
    Action.IMPORT_DATA: frozenset({Role.OFFICE_ADMIN, Role.COORDINATOR}),
    Action.VIEW_STATUTES: READERS,
    Action.MANAGE_STATUTES: frozenset({Role.OFFICE_ADMIN, Role.COORDINATOR}),
    Action.APPROVE_STATUTES: frozenset({Role.OFFICE_ADMIN}),
}
# Roles whose reach is their own academic unit and the units below it.
UNIT_SCOPED_ROLES = frozenset({Role.UNIT_STAFF})

_CACHE_ATTR = "_kopru_membership"


def membership_of(user) -> Membership | None:
    """The user's membership in the current schema, or None; remembered on the user object."""
    if user is None or not user.is_authenticated or not user.is_active or connection.schema_name == "public":
        return None
    cached = getattr(user, _CACHE_ATTR, False)
    if cached is False:
        office_requires = OfficeSettings.objects.filter(pk=OfficeSettings.SINGLETON_PK, two_factor_required=True)
        cached = (
            Membership.objects.select_related("academic_unit")
            .annotate(office_requires_two_factor=Exists(office_requires))
            .filter(user=user).first()
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def two_factor_required(user) -> bool:
    """Whether the user must sign in with a second factor: platform admins always, office people when
    their membership or the office's settings say so."""
    if connection.schema_name == "public":
        return bool(user is not None and user.is_authenticated and user.is_active and user.is_superuser)
    membership = membership_of(user)
    return membership is not None and (membership.two_factor_required or membership.office_requires_two_factor)


def _has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()  # recovery codes alone are none


def two_factor_missing(user) -> bool:
    """True when a second factor is required from this user and none is set up."""
    return two_factor_required(user) and not _has_authenticator(user)


def two_factor_unverified(user) -> bool:
    """True when a second factor is required from this user, who has one, and this session signed in without it.

    Only for a request that passed django-otp's middleware, which tells whether its session is verified.
    """
    return two_factor_required(user) and not user.is_verified() and _has_authenticator(user)


def can(user, action: Action) -> bool:
    membership = membership_of(user)
    if membership is None or two_factor_missing(user):
        return False
    return membership.role in RULES[action]


def unit_scoped(user) -> bool:
    """Whether the user's reach stops at their academic unit's subtree."""
    membership = membership_of(user)
    return membership is not None and membership.role in UNIT_SCOPED_ROLES


def permission_required(action: Action):
    """View decorator: sign-in first, then the rule; a signed-in user without the right gets 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not can(request.user, action):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class OfficePermission(BasePermission):
    """DRF permission: the view names its rule per method in `required_actions` (or `required_action`)."""

    def has_permission(self, request, view) -> bool:
        actions = getattr(view, "required_actions", None) or {}
        default = getattr(view, "required_action", None)
        if request.method == "OPTIONS":  # describes the address to whoever may use it in any way
            return any(can(request.user, action) for action in {default, *actions.values()} - {None})
        method = "GET" if request.method == "HEAD" else request.method  # HEAD is GET without the body
        action = actions.get(method, default)
        return action is not None and can(request.user, action)
