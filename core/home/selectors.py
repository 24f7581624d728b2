"""What waits for the person signed in: the home page and GET /api/home/ both read it from here.

Every section is read in a fixed number of queries whatever the office's size: the first
rows of each, and how many there are in all.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import CharField, Count, QuerySet
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from core.agreements.models import Agreement, AgreementRequest
from core.agreements.partner_requests.selectors import requests_for_user
from core.agreements.selectors import agreements_for_user
from core.audit.selectors import audit_list, audit_rows
from core.notifications.selectors import notifications_for_user
from core.office.permissions import Action, can, membership_of
from core.office.selectors import office_settings_get

# How many rows each section shows; the rest are behind the section's link.
SECTION_SIZE = 10
ACTIVITY_SIZE = 10

Status = AgreementRequest.Status
# A request waits for whoever makes its next move (seed 000 7.10): the office forwards a registered
# request to a unit and closes an answered one, the unit answers a forwarded one.
REQUEST_NEXT_MOVE = {
    Status.REGISTERED: Action.REGISTER_REQUESTS,
    Status.FORWARDED: Action.ANSWER_REQUESTS,
    Status.ANSWERED: Action.REGISTER_REQUESTS,
}


@dataclass(frozen=True)
class Section:
    items: list[dict] = field(default_factory=list)
    total: int = 0


@dataclass(frozen=True)
class WorkQueue:
    waiting_steps: Section = Section()
    expiring: Section = Section()
    expiry_horizon_days: int | None = None  # the office's largest expiry threshold; None: no expiry reminders
    requests: Section = Section()
    unread_notifications: Section = Section()
    status_counts: list[dict] = field(default_factory=list)
    activity: list[dict] = field(default_factory=list)
    may_create_agreement: bool = False

    @property
    def is_empty(self) -> bool:
        """Nothing to do: no step, expiry, request or notification waits for the person."""
        return not (self.waiting_steps.total or self.expiring.total or self.requests.total
                    or self.unread_notifications.total)


def _section(queryset: QuerySet, item, size: int = SECTION_SIZE) -> Section:
    return Section(items=[item(row) for row in queryset[:size]], total=queryset.count())


def _agreement_link(agreement_id) -> str:
    return reverse("agreements:detail", args=[agreement_id])


def _waiting_steps(agreements: QuerySet[Agreement], role: str, today: date, default_days: int) -> Section:
    """Agreements waiting at a step the person's role completes, longest waiting first."""
    waiting = (agreements.filter(status=Agreement.Status.IN_APPROVAL, current_step__role=role,
                                 step_since__isnull=False)
               .select_related("current_step").order_by("step_since", "pk"))

    def item(agreement: Agreement) -> dict:
        step = agreement.current_step
        # step_since is set by the very move that recorded the transition into the step.
        days = (today - timezone.localdate(agreement.step_since)).days
        return {"agreement_id": agreement.pk, "title": agreement.title, "step_id": step.pk, "step": step.name,
                "clause": step.clause, "since": agreement.step_since, "waited_days": days,
                "overdue": days > (step.reminder_days or default_days), "link": _agreement_link(agreement.pk)}

    return _section(waiting, item)


def _expiring(agreements: QuerySet[Agreement], today: date, horizon: int | None) -> Section:
    """Agreements in force that end within the office's largest reminder threshold, soonest first."""
    if horizon is None:
        return Section()
    expiring = (agreements.filter(status=Agreement.Status.IN_FORCE, ends_on__gte=today,
                                  ends_on__lte=today + timedelta(days=horizon))
                .prefetch_related("partners").order_by("ends_on", "pk"))

    def item(agreement: Agreement) -> dict:
        return {"agreement_id": agreement.pk, "title": agreement.title, "ends_on": agreement.ends_on,
                "days_left": (agreement.ends_on - today).days,
                "partners": [str(partner.name) for partner in agreement.partners.all()],
                "link": _agreement_link(agreement.pk)}

    return _section(expiring, item)


def _requests(user, today: date) -> Section:
    """Requests under agreements whose next move is the person's to make, oldest first."""
    statuses = [status for status, right in REQUEST_NEXT_MOVE.items() if can(user, right)]
    if not statuses:
        return Section()
    requests = requests_for_user(user).filter(status__in=statuses).order_by("received_on", "pk")

    def item(request: AgreementRequest) -> dict:
        return {"id": request.pk, "subject": request.subject, "sender": request.sender,
                "received_on": request.received_on, "waited_days": (today - request.received_on).days,
                "status": request.status, "status_label": request.get_status_display(),
                "agreement_id": request.agreement_id, "agreement_title": request.agreement.title,
                "unit": str(request.unit.name) if request.unit else None,
                "link": reverse("partner_requests:detail", args=[request.pk])}

    return _section(requests, item)


def _unread_notifications(user) -> Section:
    """The reminders and other notifications the person has not read yet, newest first."""
    unread = notifications_for_user(user, unread_only=True).order_by("-created_at", "-id")
    return _section(unread, lambda notification: {
        "id": notification.pk, "title": notification.title, "created_at": notification.created_at,
        "link": notification.link})


def _status_counts(agreements: QuerySet[Agreement]) -> list[dict]:
    """How many agreements the person sees in each status, each with the list filtered to it."""
    counted = dict(agreements.order_by().values_list("status").annotate(count=Count("pk")))
    agreement_list = reverse("agreements:list")
    return [{"status": status, "label": str(label), "count": counted.get(status, 0),
             "link": f"{agreement_list}?status={status}"} for status, label in Agreement.Status.choices]


def _activity(user, agreements: QuerySet[Agreement]) -> list[dict]:
    """The newest audit entries the person may read: the whole log for those who may read it, else what was done
    to the agreements they see; each names its record in the reader's language."""
    entries = audit_list()
    agreement_type = Agreement._meta.label_lower
    if not can(user, Action.VIEW_AUDIT):
        visible = agreements.order_by().annotate(key=Cast("pk", CharField())).values("key")
        entries = entries.filter(target_type=agreement_type, target_id__in=visible)
    rows = audit_rows(entries[:ACTIVITY_SIZE])
    for row in rows:
        pointed = row["target_type"] == agreement_type and row["target_id"].isdigit()
        row["link"] = _agreement_link(row["target_id"]) if pointed else ""
        row.pop("details")
    return rows


def work_queue(user) -> WorkQueue:
    """What waits for the user, as far as they may see; empty for anyone without a place in this office."""
    if not can(user, Action.VIEW_OFFICE):  # no membership here, or a second factor still to set up
        return WorkQueue()
    membership = membership_of(user)
    today = timezone.localdate()
    office = office_settings_get()
    agreements = agreements_for_user(user)  # the unit scope is worked out once, for every section
    horizon = max(office.expiry_reminder_days) if office.expiry_reminder_days else None
    return WorkQueue(
        waiting_steps=_waiting_steps(agreements, membership.role, today, office.step_reminder_days),
        expiring=_expiring(agreements, today, horizon),
        expiry_horizon_days=horizon,
        requests=_requests(user, today),
        unread_notifications=_unread_notifications(user),
        status_counts=_status_counts(agreements),
        activity=_activity(user, agreements),
        may_create_agreement=can(user, Action.MANAGE_AGREEMENTS),
    )
