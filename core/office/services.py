"""Writes of a university's office: people, roles, invitations, academic units.

Each write checks the office's rules, saves, and leaves an audit entry in the same
transaction. Who may call which write is decided by core.office.permissions.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext

from core.accounts.services import user_sign_out_everywhere
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.office.errors import OfficeError
from core.office.models import AcademicUnit, Invitation, Membership, OfficeSettings, Role
from core.office.selectors import unit_subtree_ids
from kopru.celery import enqueue_on_commit
from kopru.errors import ServiceError, invalid
from kopru.translated import set_names, translations

User = get_user_model()
UNSET = object()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _check_role_and_unit(role: str, academic_unit: AcademicUnit | None) -> None:
    if role not in Role.values:
        message = gettext("Choose a valid role.")
        raise ServiceError(OfficeError.INVALID_ROLE, message, fields={"role": [message]})
    if role == Role.UNIT_STAFF and academic_unit is None:
        message = gettext("Academic unit staff need an academic unit.")
        raise ServiceError(OfficeError.UNIT_REQUIRED, message, fields={"academic_unit": [message]})


def _check_not_last_admin(person) -> None:
    """The office keeps at least one active office admin, or nobody could manage it any more."""
    membership = person.membership
    if membership.role != Role.OFFICE_ADMIN or not person.is_active:
        return
    admins = Membership.objects.select_for_update(of=("self",)).filter(role=Role.OFFICE_ADMIN, user__is_active=True)
    if len(admins) <= 1:
        raise ServiceError(
            OfficeError.LAST_ADMIN,
            gettext("This is the last active office admin; make someone else an office admin first."),
        )


@transaction.atomic
def invitation_create(
    *, email: str, role: str, invited_by=None, academic_unit: AcademicUnit | None = None
) -> tuple[Invitation, str]:
    """Invite a person into the current schema's office; returns the invitation and its one-time token.

    The e-mail with the link is sent after commit by a Celery task, in the university's language.
    """
    from core.office.tasks import send_invitation_email

    _check_role_and_unit(role, academic_unit)
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email, membership__isnull=False).exists():
        message = gettext("Somebody with this e-mail address already works in the office.")
        raise ServiceError(OfficeError.ALREADY_MEMBER, message, fields={"email": [message]})
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        email=email, role=role, academic_unit=academic_unit, invited_by=invited_by,
        token_hash=hash_token(token),
        expires_at=timezone.now() + timedelta(days=settings.KOPRU_INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    audit_record(actor=invited_by, action=AuditAction.INVITATION_CREATED, target=invitation, details={"role": role})
    enqueue_on_commit(send_invitation_email, invitation.pk, token)
    return invitation, token


def invitation_for_token(token: str, *, lock: bool = False) -> Invitation:
    """The open invitation behind a token; unknown, used and expired tokens each say so."""
    invitations = Invitation.objects.select_related("academic_unit")
    invitation = (invitations.select_for_update(of=("self",)) if lock else invitations).filter(
        token_hash=hash_token(token)
    ).first()
    if invitation is None:
        raise ServiceError(OfficeError.INVITATION_UNKNOWN, gettext("This invitation link is not valid."))
    if invitation.accepted_at is not None:
        raise ServiceError(OfficeError.INVITATION_USED, gettext("This invitation has already been used."))
    if invitation.expires_at <= timezone.now():
        raise ServiceError(
            OfficeError.INVITATION_EXPIRED, gettext("This invitation has expired; ask the office for a new one."),
        )
    return invitation


@transaction.atomic(durable=True)
def invitation_accept(*, token: str, username: str, password: str) -> User:
    """Turn an open invitation into an account with the invitation's role and unit."""
    invitation = invitation_for_token(token, lock=True)
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        message = gettext("This username is taken; choose another one.")
        raise ServiceError(OfficeError.USERNAME_TAKEN, message, fields={"username": [message]})
    user = User(username=username, email=invitation.email)
    try:
        user.full_clean(exclude=["password"])
        validate_password(password, user=user)
    except ValidationError as error:
        fields = error.message_dict if hasattr(error, "error_dict") else {"password": error.messages}
        raise invalid(fields) from error
    user.set_password(password)
    user.save()
    Membership.objects.create(user=user, role=invitation.role, academic_unit=invitation.academic_unit)
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    audit_record(actor=user, action=AuditAction.INVITATION_ACCEPTED,
                 target=invitation, details={"role": invitation.role})
    return user


@transaction.atomic(durable=True)
def membership_change(*, person, role: str, academic_unit: AcademicUnit | None, acting_user) -> Membership:
    """Give a person another role or academic unit."""
    _check_role_and_unit(role, academic_unit)
    membership = person.membership
    if role != Role.OFFICE_ADMIN:
        _check_not_last_admin(person)
    before = {"role": membership.role, "academic_unit": membership.academic_unit_id}
    membership.role = role
    membership.academic_unit = academic_unit
    membership.full_clean()
    membership.save()
    audit_record(
        actor=acting_user, action=AuditAction.MEMBERSHIP_CHANGED, target=person,
        details={"before": before, "after": {"role": role, "academic_unit": membership.academic_unit_id}},
    )
    return membership


@transaction.atomic(durable=True)
def user_set_active(*, person, active: bool, acting_user):
    """Deactivate or reactivate a person.

    A deactivated person cannot sign in and their sessions and API tokens end, so that
    reactivating them does not bring an old token back to life; their records stay.
    """
    if person.is_active == active:
        return person
    if not active:
        _check_not_last_admin(person)
    person.is_active = active
    person.save(update_fields=["is_active"])
    ended = {} if active else user_sign_out_everywhere(user=person)
    action = AuditAction.USER_ACTIVATED if active else AuditAction.USER_DEACTIVATED
    audit_record(actor=acting_user, action=action, target=person, details=ended)
    return person


@transaction.atomic(durable=True)
def membership_require_two_factor(*, person, required: bool, acting_user) -> Membership:
    membership = person.membership
    membership.two_factor_required = required
    membership.save(update_fields=["two_factor_required"])
    audit_record(actor=acting_user, action=AuditAction.MEMBERSHIP_TWO_FACTOR_REQUIRED, target=person,
                 details={"required": required})
    return membership


@transaction.atomic(durable=True)
def office_require_two_factor(*, required: bool, acting_user) -> OfficeSettings:
    """Require a second factor from everyone in the office (on top of each membership's own requirement)."""
    office, _created = OfficeSettings.objects.select_for_update().get_or_create(pk=OfficeSettings.SINGLETON_PK)
    if office.two_factor_required != required:
        office.two_factor_required = required
        office.save(update_fields=["two_factor_required"])
        audit_record(actor=acting_user, action=AuditAction.OFFICE_TWO_FACTOR_REQUIRED, target=office,
                     details={"required": required})
    return office


def _set_names(unit: AcademicUnit, names: dict[str, str], *, checked: bool = False) -> None:
    set_names(unit, names, missing=gettext("Give the unit a name in at least one language."), checked=checked)


def _check_parent(unit: AcademicUnit, parent: AcademicUnit | None) -> None:
    if parent is not None and unit.pk is not None and parent.pk in unit_subtree_ids(unit.pk):
        message = gettext("A unit cannot be placed inside itself or one of its own sub-units.")
        raise ServiceError(OfficeError.UNIT_CYCLE, message, fields={"parent": [message]})


@transaction.atomic
def unit_create(*, names: dict[str, str], kind: str, parent: AcademicUnit | None, acting_user) -> AcademicUnit:
    unit = AcademicUnit(kind=kind, parent=parent)
    _set_names(unit, names)
    unit.full_clean()
    unit.save()
    audit_record(actor=acting_user, action=AuditAction.UNIT_CREATED, target=unit)
    return unit


@transaction.atomic(durable=True)
def unit_update(*, unit: AcademicUnit, acting_user, names: dict[str, str] | None = None, kind: str | None = None,
                parent=UNSET, names_checked: bool = False) -> AcademicUnit:
    """Rename, re-kind or move a unit; only the arguments given change. Rewording a name marks the other
    languages' names out of date unless `names_checked`."""
    changed = {}
    if names is not None or names_checked:
        _set_names(unit, names or {}, checked=names_checked)
        changed["names"] = translations(unit, "name")
    if kind is not None:
        unit.kind = changed["kind"] = kind
    if parent is not UNSET:
        _check_parent(unit, parent)
        unit.parent = parent
        changed["parent"] = parent.pk if parent else None
    unit.full_clean()
    unit.save()
    audit_record(actor=acting_user, action=AuditAction.UNIT_UPDATED, target=unit, details=changed)
    return unit


@transaction.atomic(durable=True)
def unit_delete(*, unit: AcademicUnit, acting_user) -> None:
    """Delete a unit nobody and nothing refers to."""
    in_use = ServiceError(
        OfficeError.UNIT_IN_USE, gettext("This unit is in use (sub-units, people or records); it cannot be deleted."),
    )
    if unit.children.exists() or unit.members.exists() or Invitation.objects.filter(academic_unit=unit).exists():
        raise in_use
    audit_record(actor=acting_user, action=AuditAction.UNIT_DELETED, target=unit)
    try:
        with transaction.atomic():
            unit.delete()
    except ProtectedError as error:  # records of other apps that point at the unit
        raise in_use from error


RECTORATE_NAMES = {"tr": "Rektörlük", "ky": "Ректорат", "ru": "Ректорат", "en": "Rectorate"}
OFFICE_NAMES = {
    "tr": "Uluslararası İlişkiler Ofisi",
    "ky": "Эл аралык байланыштар бөлүмү",
    "ru": "Отдел международных связей",
    "en": "International Relations Office",
}


@transaction.atomic
def office_seed_defaults(university) -> AcademicUnit:
    """What every new office starts with, in the university's (current) schema; returns the office's unit.

    Names are data in all four languages, not gettext: each reader sees their own.
    """
    rectorate = unit_create(names=RECTORATE_NAMES, kind=AcademicUnit.Kind.OTHER, parent=None, acting_user=None)
    return unit_create(names=OFFICE_NAMES, kind=AcademicUnit.Kind.OTHER, parent=rectorate, acting_user=None)
