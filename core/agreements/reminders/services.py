"""Reminders of agreements about to expire and of workflow steps waiting too long.

A daily job runs `reminders_send` in each university's schema. Every reminder is
recorded in ReminderLog before anyone is notified, in the same transaction, so a
reminder goes out exactly once however often (or however concurrently) the job runs.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext

from core.agreements.models import Agreement, ReminderLog
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.notifications.services import Message, notify
from core.office.models import OfficeSettings, Role
from core.office.selectors import office_settings_get, unit_subtree_ids
from kopru.errors import CommonError, ServiceError

User = get_user_model()

# Who answers for an agreement's validity, besides the person who entered it.
EXPIRY_RESPONSIBLE_ROLES = (Role.OFFICE_ADMIN, Role.COORDINATOR)
# Longer than any agreement runs; keeps the numbers inside the column and the thresholds meaningful.
MAX_REMINDER_DAYS = 3650


@dataclass(frozen=True)
class ReminderRun:
    """How many reminders one run sent (each may notify several people)."""

    expiry: int = 0
    step_waiting: int = 0


def _invalid(field: str, message: str) -> ServiceError:
    return ServiceError(CommonError.INVALID, message, fields={field: [message]})


def _clean_days(value, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_REMINDER_DAYS:
        raise _invalid(field, gettext("Give a whole number of days from 1 to %(max)d.") % {"max": MAX_REMINDER_DAYS})
    return value


@transaction.atomic(durable=True)
def reminder_settings_update(*, expiry_reminder_days: list[int], step_reminder_days: int,
                             acting_user) -> OfficeSettings:
    """Set when expiry reminders go out (days before the end, at most five) and how long a step may wait."""
    thresholds = sorted({_clean_days(days, "expiry_reminder_days") for days in expiry_reminder_days}, reverse=True)
    if len(thresholds) > OfficeSettings.MAX_EXPIRY_REMINDERS:
        raise _invalid("expiry_reminder_days", ngettext(
            "Give at most %(count)d reminder before expiry.", "Give at most %(count)d reminders before expiry.",
            OfficeSettings.MAX_EXPIRY_REMINDERS,
        ) % {"count": OfficeSettings.MAX_EXPIRY_REMINDERS})
    step_days = _clean_days(step_reminder_days, "step_reminder_days")
    office, _created = OfficeSettings.objects.select_for_update().get_or_create(pk=OfficeSettings.SINGLETON_PK)
    before = {"expiry_reminder_days": office.expiry_reminder_days, "step_reminder_days": office.step_reminder_days}
    office.expiry_reminder_days = thresholds
    office.step_reminder_days = step_days
    office.full_clean()
    office.save()
    audit_record(actor=acting_user, action=AuditAction.OFFICE_REMINDER_SETTINGS_CHANGED, target=office, details={
        "before": before, "after": {"expiry_reminder_days": thresholds, "step_reminder_days": step_days},
    })
    return office


def due_expiry_threshold(days_left: int, thresholds: list[int], sent: set[int]) -> int | None:
    """The threshold to remind of now, or None.

    Only the smallest threshold the agreement is already within counts: one first seen
    25 days before its end gets the 30-day reminder, not the 180- and 90-day ones too.
    Nothing is due once that threshold, or a smaller one, was sent for this end date.
    """
    within = [threshold for threshold in thresholds if days_left <= threshold]
    if not within:
        return None
    smallest = min(within)
    return None if any(threshold <= smallest for threshold in sent) else smallest


def _office_people(roles) -> list:
    return list(User.objects.filter(is_active=True, membership__role__in=roles).order_by("pk"))


def _active_member(user) -> bool:
    return user is not None and user.is_active and hasattr(user, "membership")


def _partner_names(agreement: Agreement) -> str:
    return ", ".join(str(partner.name) for partner in agreement.partners.all())


def _send_once(*, log: dict, recipients: list, compose, agreement: Agreement) -> bool:
    """Record the reminder and notify, both or neither; False when it had been sent already.

    With nobody to tell (no one holds the step's role yet) nothing is recorded, so whoever
    takes the role later is still reminded.
    """
    if not recipients:
        return False
    with transaction.atomic():
        _entry, created = ReminderLog.objects.get_or_create(agreement=agreement, **log)
        if created:
            notify(recipients=recipients, compose=compose, link=reverse("agreements:detail", args=[agreement.pk]))
    return created


def _expiry_message(agreement: Agreement, today: date):
    days = (agreement.ends_on - today).days

    def compose() -> Message:
        values = {"title": agreement.title, "partners": _partner_names(agreement), "days": days,
                  "date": formats.date_format(agreement.ends_on, "DATE_FORMAT")}
        return Message(
            title=ngettext("The agreement “%(title)s” expires in %(days)d day",
                           "The agreement “%(title)s” expires in %(days)d days", days) % values,
            text=ngettext(
                "The agreement “%(title)s” with %(partners)s is valid until %(date)s, %(days)d day from today. "
                "Prepare its renewal or its end in time.",
                "The agreement “%(title)s” with %(partners)s is valid until %(date)s, %(days)d days from today. "
                "Prepare its renewal or its end in time.",
                days,
            ) % values,
        )

    return compose


def _send_expiry_reminders(today: date, thresholds: list[int]) -> int:
    if not thresholds:
        return 0
    agreements = (
        Agreement.objects.filter(status=Agreement.Status.IN_FORCE, ends_on__gte=today,
                                 ends_on__lte=today + timedelta(days=max(thresholds)))
        .select_related("created_by__membership")
        .prefetch_related("partners", Prefetch("reminders", queryset=ReminderLog.objects.filter(
            kind=ReminderLog.Kind.EXPIRY), to_attr="expiry_reminders"))
        .order_by("ends_on", "pk")
    )
    responsible = _office_people(EXPIRY_RESPONSIBLE_ROLES)
    sent = 0
    for agreement in agreements:
        already = {log.threshold for log in agreement.expiry_reminders if log.ends_on == agreement.ends_on}
        threshold = due_expiry_threshold((agreement.ends_on - today).days, thresholds, already)
        if threshold is None:
            continue
        recipients = responsible + ([agreement.created_by] if _active_member(agreement.created_by) else [])
        sent += _send_once(
            log={"kind": ReminderLog.Kind.EXPIRY, "threshold": threshold, "ends_on": agreement.ends_on},
            recipients=recipients, compose=_expiry_message(agreement, today), agreement=agreement,
        )
    return sent


def _role_holders(role: str, agreement: Agreement, people_by_role: dict) -> list:
    """The people who may complete a step of this role; unit staff only for their units' agreements."""
    people = people_by_role.get(role, [])
    if role != Role.UNIT_STAFF:
        return people
    unit_ids = {unit.pk for unit in agreement.units.all()}
    return [person for person in people if person.membership.academic_unit_id
            and unit_subtree_ids(person.membership.academic_unit_id) & unit_ids]


def _step_message(agreement: Agreement, limit: int):
    def compose() -> Message:
        values = {"title": agreement.title, "step": agreement.current_step.name, "days": limit,
                  "date": formats.date_format(timezone.localtime(agreement.step_since), "DATE_FORMAT")}
        return Message(
            title=gettext("The agreement “%(title)s” is waiting at the step “%(step)s”") % values,
            text=ngettext(
                "The agreement “%(title)s” has been at the step “%(step)s” since %(date)s, longer than "
                "%(days)d day. Your role completes this step.",
                "The agreement “%(title)s” has been at the step “%(step)s” since %(date)s, longer than "
                "%(days)d days. Your role completes this step.",
                limit,
            ) % values,
        )

    return compose


def _send_step_reminders(today: date, default_days: int) -> int:
    agreements = (
        Agreement.objects.filter(status=Agreement.Status.IN_APPROVAL, current_step__isnull=False,
                                 step_since__isnull=False)
        .select_related("current_step").prefetch_related("units").order_by("step_since", "pk")
    )
    people_by_role: dict[str, list] = {}
    for person in User.objects.filter(is_active=True, membership__isnull=False).select_related("membership"):
        people_by_role.setdefault(person.membership.role, []).append(person)
    sent = 0
    for agreement in agreements:
        step = agreement.current_step
        limit = step.reminder_days or default_days
        if (today - timezone.localdate(agreement.step_since)).days <= limit:
            continue
        sent += _send_once(
            log={"kind": ReminderLog.Kind.STEP_WAITING, "threshold": limit, "step": step,
                 "step_since": agreement.step_since},
            recipients=_role_holders(step.role, agreement, people_by_role),
            compose=_step_message(agreement, limit), agreement=agreement,
        )
    return sent


def reminders_send(*, today: date | None = None) -> ReminderRun:
    """Send the reminders due today in the current university's schema; safe to run any number of times.

    Each reminder commits on its own, so one that fails does not hold back the others.
    """
    today = today or timezone.localdate()
    office = office_settings_get()
    return ReminderRun(
        expiry=_send_expiry_reminders(today, office.expiry_reminder_days),
        step_waiting=_send_step_reminders(today, office.step_reminder_days),
    )
