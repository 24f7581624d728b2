"""Pages of the requests under agreements (seed 000 7.10): the office registers and forwards, units answer."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.agreements.models import AgreementRequest
from core.agreements.partner_requests import services
from core.agreements.partner_requests.selectors import (
    REQUEST_ORDERING,
    RequestAction,
    agreements_open_for_requests,
    request_actions_for_user,
    request_get_for_user,
    request_rows,
    request_values,
)
from core.agreements.workflow.forms import RequestAnswerForm, RequestForwardForm, RequestRegisterForm
from core.office.permissions import Action, can, permission_required
from core.office.selectors import unit_tree, units_for_user
from kopru.lists import sort_columns
from kopru.uploads import stored_file_response
from kopru.web import run_service

PAGE_SIZE = 50


@permission_required(Action.ANSWER_REQUESTS)
def request_list(request):
    status = request.GET.get("status", "")
    status = status if status in AgreementRequest.Status.values else ""
    may_register = can(request.user, Action.REGISTER_REQUESTS)
    form = RequestRegisterForm(request.POST or None, request.FILES or None, agreements=agreements_open_for_requests(),
                               initial={"agreement": request.GET.get("agreement")})
    if request.method == "POST":
        if not may_register:
            raise PermissionDenied
        if form.is_valid():
            run = run_service(request, lambda: services.request_register(acting_user=request.user, **form.cleaned_data),
                              form=form, success_message=gettext("The request is registered."))
            if run.ok:
                return redirect("partner_requests:detail", run.result.pk)
    page = Paginator(request_values(request.user, status=status, ordering=request.GET.get("ordering", "")),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    columns = sort_columns(request.GET, REQUEST_ORDERING, [
        ("received_on", gettext("Received on")), ("subject", gettext("Subject")), ("sender", gettext("From")),
        ("agreement", gettext("Agreement")), ("unit", gettext("Forwarded to")), ("status", gettext("Status")),
    ])
    context = {"page": page, "requests": request_rows(page), "columns": columns, "status": status,
               "statuses": AgreementRequest.Status.choices, "form": form if may_register else None}
    return render(request, "agreements/requests_list.html", context)


def _detail_context(request, agreement_request, **forms) -> dict:
    """The request with the forms of the moves the reader may make now (request_actions_for_user), and no others."""
    actions = request_actions_for_user(request.user, agreement_request)
    forward_form = answer_form = None
    if RequestAction.FORWARD in actions:
        forward_form = forms.get("forward_form") or RequestForwardForm(initial={"unit": agreement_request.unit_id})
        forward_form.fields["unit"].choices = [(unit.pk, "\u2003" * depth + str(unit.name))
                                               for unit, depth in unit_tree(units_for_user(request.user))]
    if RequestAction.ANSWER in actions:
        answer_form = forms.get("answer_form") or RequestAnswerForm(initial={"answer": agreement_request.answer})
    return {"agreement_request": agreement_request, "actions": actions, "forward_form": forward_form,
            "answer_form": answer_form}


@permission_required(Action.ANSWER_REQUESTS)
def request_detail(request, request_id):
    agreement_request = request_get_for_user(request.user, request_id)
    return render(request, "agreements/requests_detail.html", _detail_context(request, agreement_request))


def _post(request, request_id, form_name: str, form, write):
    agreement_request = request_get_for_user(request.user, request_id)
    if form.is_valid() and run_service(request, lambda: write(agreement_request, form.cleaned_data), form=form,
                                       success_message=gettext("Saved.")).ok:
        return redirect("partner_requests:detail", agreement_request.pk)
    context = _detail_context(request, agreement_request, **{form_name: form})
    return render(request, "agreements/requests_detail.html", context, status=400)


@require_POST
@permission_required(Action.REGISTER_REQUESTS)
def request_forward(request, request_id):
    return _post(request, request_id, "forward_form", RequestForwardForm(request.POST),
                 lambda found, data: services.request_forward(agreement_request=found, unit=data["unit"],
                                                              acting_user=request.user))


@require_POST
@permission_required(Action.ANSWER_REQUESTS)
def request_answer(request, request_id):
    return _post(request, request_id, "answer_form", RequestAnswerForm(request.POST),
                 lambda found, data: services.request_answer(agreement_request=found, answer=data["answer"],
                                                             acting_user=request.user))


@require_POST
@permission_required(Action.REGISTER_REQUESTS)
def request_close(request, request_id):
    agreement_request = request_get_for_user(request.user, request_id)
    run_service(request, lambda: services.request_close(agreement_request=agreement_request, acting_user=request.user),
                success_message=gettext("The request is closed."))
    return redirect("partner_requests:detail", agreement_request.pk)


@permission_required(Action.ANSWER_REQUESTS)
def request_letter(request, request_id):
    agreement_request = request_get_for_user(request.user, request_id)
    if not agreement_request.letter:
        raise Http404
    return stored_file_response(agreement_request.letter)
