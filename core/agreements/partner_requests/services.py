"""Requests received under agreements in force (seed 000 7.10): registered by the office,
forwarded to an academic unit, answered by that unit's staff, closed by the office.

Unit staff see only the requests forwarded to their unit or to a unit below it.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext

from core.agreements.errors import AgreementError
from core.agreements.models import Agreement, AgreementRequest
from core.agreements.partner_requests.selectors import MOVES, RequestAction, request_actions_for_user
from core.agreements.services import check_document_file
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.notifications.services import Message, notify
from core.office.models import AcademicUnit, Role
from kopru.errors import ServiceError, full_clean_or_refuse
from kopru.uploads import stored_upload

User = get_user_model()
Status = AgreementRequest.Status





def _save(agreement_request: AgreementRequest) -> None:
    full_clean_or_refuse(agreement_request)
    agreement_request.save()


def _refuse_unless(agreement_request: AgreementRequest, *statuses: str) -> None:
    if agreement_request.status not in statuses:
        raise ServiceError(
            AgreementError.WRONG_STATUS,
            gettext("This request is “%(status)s”; this cannot be done with it now.")
            % {"status": agreement_request.get_status_display()},
        )


def _refuse_unless_allowed(agreement_request: AgreementRequest, action: RequestAction, acting_user) -> None:
    """The rule of request_actions_for_user; a refusal says whether the status or the role stands in the way."""
    if action in request_actions_for_user(acting_user, agreement_request):
        return
    statuses, _right = MOVES[action]
    _refuse_unless(agreement_request, *statuses)
    raise ServiceError(AgreementError.WRONG_ROLE, gettext("Your role does not allow this with a request."))


@transaction.atomic
def request_register(*, agreement: Agreement, received_on, sender: str, subject: str, acting_user,
                     body: str = "", letter=None) -> AgreementRequest:
    if agreement.status != Agreement.Status.IN_FORCE:
        message = gettext("Requests are registered under agreements in force only.")
        raise ServiceError(AgreementError.AGREEMENT_NOT_IN_FORCE, message, fields={"agreement": [message]})
    if letter:
        letter = stored_upload(letter, check_document_file(letter, field="letter"))
    agreement_request = AgreementRequest(
        agreement=agreement, received_on=received_on, sender=sender.strip(), subject=subject.strip(),
        body=body.strip(), letter=letter or "", registered_by=acting_user,
    )
    _save(agreement_request)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_REQUEST_REGISTERED, target=agreement_request,
                 details={"agreement": agreement.pk})
    return agreement_request


def _unit_staff_reaching(unit: AcademicUnit) -> QuerySet:
    """Unit staff whose reach includes the unit: its own people and those of the units above it."""
    units, current = [], unit
    while current is not None:
        units.append(current.pk)
        current = current.parent
    return User.objects.filter(is_active=True, membership__role=Role.UNIT_STAFF,
                               membership__academic_unit__in=units)


@transaction.atomic
def request_forward(*, agreement_request: AgreementRequest, unit: AcademicUnit, acting_user) -> AgreementRequest:
    """Send the request to an academic unit (again, to another one, while it is not answered)."""
    _refuse_unless_allowed(agreement_request, RequestAction.FORWARD, acting_user)
    agreement_request.unit = unit
    agreement_request.status = Status.FORWARDED
    _save(agreement_request)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_REQUEST_FORWARDED, target=agreement_request,
                 details={"unit": unit.pk})

    def compose() -> Message:
        return Message(
            title=gettext("A request was forwarded to your unit: %(subject)s") % {"subject": agreement_request.subject},
            text=gettext("%(sender)s wrote under the agreement “%(agreement)s”. Please record your answer.")
            % {"sender": agreement_request.sender, "agreement": agreement_request.agreement.title},
        )

    notify(recipients=_unit_staff_reaching(unit), compose=compose,
           link=reverse("partner_requests:detail", args=[agreement_request.pk]))
    return agreement_request


@transaction.atomic(durable=True)
def request_answer(*, agreement_request: AgreementRequest, answer: str, acting_user) -> AgreementRequest:
    _refuse_unless_allowed(agreement_request, RequestAction.ANSWER, acting_user)
    if not answer.strip():
        message = gettext("Write the answer.")
        raise ServiceError(AgreementError.ANSWER_REQUIRED, message, fields={"answer": [message]})
    agreement_request.answer = answer.strip()
    agreement_request.status = Status.ANSWERED
    _save(agreement_request)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_REQUEST_ANSWERED, target=agreement_request)
    return agreement_request


@transaction.atomic(durable=True)
def request_close(*, agreement_request: AgreementRequest, acting_user) -> AgreementRequest:
    _refuse_unless_allowed(agreement_request, RequestAction.CLOSE, acting_user)
    agreement_request.status = Status.CLOSED
    _save(agreement_request)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENT_REQUEST_CLOSED, target=agreement_request)
    return agreement_request
