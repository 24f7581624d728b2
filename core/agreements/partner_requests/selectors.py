"""Requests partners send under agreements in force, as each reader may see them."""

from django.db.models import QuerySet
from django.http import Http404

from core.agreements.models import Agreement, AgreementRequest
from core.office.selectors import scope_to_units


def requests_for_user(user, *, status: str = "") -> QuerySet[AgreementRequest]:
    requests = AgreementRequest.objects.select_related("agreement", "unit", "registered_by")
    if status:
        requests = requests.filter(status=status)
    return scope_to_units(requests, user, field="unit")


def request_get_for_user(user, request_id) -> AgreementRequest:
    """One request the user may see; missing and out of reach both answer 404."""
    found = requests_for_user(user).filter(pk=request_id).first() if str(request_id).isdigit() else None
    if found is None:
        raise Http404
    return found


def agreements_open_for_requests() -> QuerySet[Agreement]:
    """The agreements a request can be registered under: those in force."""
    return Agreement.objects.filter(status=Agreement.Status.IN_FORCE).order_by("title")
