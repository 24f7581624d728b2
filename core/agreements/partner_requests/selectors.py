"""Requests partners send under agreements in force, as each reader may see them, and what each may do with them."""

from enum import StrEnum

from django.db.models import QuerySet

from core.agreements.models import Agreement, AgreementRequest
from core.office.permissions import Action, can
from core.office.selectors import scope_to_units
from kopru.errors import NotFound


def requests_for_user(user, *, status: str = "") -> QuerySet[AgreementRequest]:
    requests = AgreementRequest.objects.select_related("agreement", "unit", "registered_by")
    if status:
        requests = requests.filter(status=status)
    return scope_to_units(requests, user, field="unit")


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
