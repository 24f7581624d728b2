"""Requests partners send under agreements in force, as each reader may see them, and what each may do with them."""

from enum import StrEnum

from django.conf import settings
from django.db.models import QuerySet

from core.agreements.models import Agreement, AgreementRequest
from core.office.models import AcademicUnit
from core.office.permissions import Action, can
from core.office.selectors import scope_to_units
from kopru.errors import NotFound
from kopru.lists import Ordering, translated, translated_value


def requests_for_user(user, *, status: str = "") -> QuerySet[AgreementRequest]:
    requests = AgreementRequest.objects.select_related("agreement", "unit", "registered_by")
    if status:
        requests = requests.filter(status=status)
    return scope_to_units(requests, user, field="unit")


LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
REQUEST_ORDERING = Ordering(keys={
    "received_on": ("received_on",), "subject": ("subject",), "sender": ("sender",), "status": ("status",),
    "agreement": (translated("agreement__title"),), "unit": (translated("unit__name"),),
}, default="-received_on")
ROW_FIELDS = ("id", "agreement_id", "received_on", "sender", "subject", "body", "letter", "unit_id", "status",
              "answer", "created_at", *(f"agreement__title_{code}" for code in LANGUAGES),
              *(f"unit__name_{code}" for code in LANGUAGES))


def request_values(user, *, status: str = "", ordering: str = "") -> QuerySet:
    """The requests the user may see for a list's pages, as `values()` of ROW_FIELDS; request_rows finishes a page."""
    requests = scope_to_units(AgreementRequest.objects.all(), user, field="unit")
    if status:
        requests = requests.filter(status=status)
    return REQUEST_ORDERING.apply(requests, ordering).values(*ROW_FIELDS)


def request_rows(page) -> list[dict]:
    """A page of request_values as plain dicts in RequestOutput's shape, with the unit's name and the status's
    label for the page: one query whatever the page's size."""
    agreement_title = translated_value(Agreement, "title", "agreement__")
    unit_name = translated_value(AcademicUnit, "name", "unit__")
    labels = dict(AgreementRequest.Status.choices)
    return [{
        "id": row["id"], "agreement": row["agreement_id"], "agreement_title": agreement_title(row),
        "received_on": row["received_on"], "sender": row["sender"], "subject": row["subject"], "body": row["body"],
        "has_letter": bool(row["letter"]), "unit": row["unit_id"], "status": row["status"], "answer": row["answer"],
        "created_at": row["created_at"],
        "unit_name": unit_name(row) if row["unit_id"] else None, "status_label": labels.get(row["status"], ""),
    } for row in page]


def request_get_for_user(user, request_id) -> AgreementRequest:
    """One request the user may see; missing and out of reach both answer 404."""
    found = requests_for_user(user).filter(pk=request_id).first() if str(request_id).isdigit() else None
    if found is None:
        raise NotFound()
    return found


def agreements_open_for_requests() -> QuerySet[Agreement]:
    """The agreements a request can be registered under: those in force."""
    return Agreement.objects.filter(status=Agreement.Status.IN_FORCE).order_by("title")


class RequestAction(StrEnum):
    FORWARD = "forward"
    ANSWER = "answer"
    CLOSE = "close"


Status = AgreementRequest.Status
# Each move on a request: the statuses that allow it and the office right it takes. The office forwards
# until the unit answers, the unit's staff answer (and may change the answer) until the office closes.
MOVES = {
    RequestAction.FORWARD: ((Status.REGISTERED, Status.FORWARDED), Action.REGISTER_REQUESTS),
    RequestAction.ANSWER: ((Status.FORWARDED, Status.ANSWERED), Action.ANSWER_REQUESTS),
    RequestAction.CLOSE: ((Status.ANSWERED,), Action.REGISTER_REQUESTS),
}


def request_actions_for_user(user, agreement_request: AgreementRequest) -> list[RequestAction]:
    """What the user may do with the request now: the moves its status allows that the user's role may make.

    The one rule behind the request's page, its API detail and the services' checks.
    """
    return [action for action, (statuses, right) in MOVES.items()
            if agreement_request.status in statuses and can(user, right)]
