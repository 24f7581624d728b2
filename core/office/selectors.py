"""Reads of a university's office: people and academic units, as far as the reader may see."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.accounts.models import ApiToken
from core.accounts.selectors import api_tokens
from core.office.models import AcademicUnit, Membership, OfficeSettings, Role
from core.office.permissions import membership_of, unit_scoped
from kopru.errors import NotFound
from kopru.lists import Ordering

User = get_user_model()


def unit_subtree_ids(unit_id: int) -> set[int]:
    """The unit and every unit below it (one query: an office has tens of units, not millions)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in AcademicUnit.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, todo = set(), [unit_id]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, []))
    return found


def visible_unit_ids(user) -> set[int] | None:
    """The academic units a user's reach is limited to, or None when it is not limited."""
    if not unit_scoped(user):
        return None
    membership = membership_of(user)
    return unit_subtree_ids(membership.academic_unit_id) if membership.academic_unit_id else set()


def scope_to_units(queryset: QuerySet, user, *, field: str = "academic_unit") -> QuerySet:
    """Limit any queryset with an academic-unit foreign key to what the user may see."""
    unit_ids = visible_unit_ids(user)
    return queryset if unit_ids is None else queryset.filter(**{f"{field}__in": unit_ids})


def units_for_user(user) -> QuerySet[AcademicUnit]:
    return scope_to_units(AcademicUnit.objects.select_related("parent"), user, field="pk")


def unit_get_for_user(user, unit_id) -> AcademicUnit:
    """One academic unit the user may see; missing and out of reach both answer 404."""
    unit = units_for_user(user).filter(pk=unit_id).first() if str(unit_id).isdigit() else None
    if unit is None:
        raise NotFound()
    return unit


def unit_tree(units) -> list[tuple[AcademicUnit, int]]:
    """Units in tree order (faculty, then its departments), each with its depth."""
    units = list(units)
    by_parent: dict[int | None, list[AcademicUnit]] = {}
    present = {unit.pk for unit in units}
    for unit in units:
        by_parent.setdefault(unit.parent_id if unit.parent_id in present else None, []).append(unit)
    ordered: list[tuple[AcademicUnit, int]] = []

    def walk(parent_id, depth):
        for unit in sorted(by_parent.get(parent_id, []), key=lambda u: str(u.name).casefold()):
            ordered.append((unit, depth))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return ordered


# The people page sorts by sign-in name unless told otherwise.
USER_ORDERING = Ordering(keys={
    "username": ("username",), "role": ("membership__role", "username"), "is_active": ("is_active", "username"),
    "last_login": ("last_login",),
}, default="username")


def users_for_user(user) -> QuerySet:
    """The office's people the user may see, with their membership and unit in the same query."""
    people = (
        User.objects.filter(membership__isnull=False)
        .select_related("membership", "membership__academic_unit")
        .annotate(two_factor_enabled=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
    )
    return scope_to_units(people, user, field="membership__academic_unit")


def user_get_for_user(user, user_id) -> "User":
    """One person of the office the user may see; missing and out of reach both answer 404."""
    person = users_for_user(user).filter(pk=user_id).first() if str(user_id).isdigit() else None
    if person is None:
        raise NotFound()
    return person


def active_admin_count() -> int:
    return Membership.objects.filter(role=Role.OFFICE_ADMIN, user__is_active=True).count()


def office_settings_get() -> OfficeSettings:
    """The office's settings; the defaults until an office admin saves their own (reading writes nothing)."""
    return OfficeSettings.objects.filter(pk=OfficeSettings.SINGLETON_PK).first() or OfficeSettings(
        pk=OfficeSettings.SINGLETON_PK
    )


def staff_api_tokens(user) -> QuerySet[ApiToken]:
    """The valid API tokens of the office's people the user may see, by person."""
    return api_tokens().filter(user__in=users_for_user(user).values("pk")).order_by("user__username", "name")


def staff_api_token_get(user, token_id) -> ApiToken:
    """One token of a person the user may see; missing and out of reach both answer 404."""
    token = staff_api_tokens(user).filter(pk=token_id).first() if str(token_id).isdigit() else None
    if token is None:
        raise NotFound()
    return token
