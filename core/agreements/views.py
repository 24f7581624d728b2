"""The agreement pages: list, detail, the form with its conditions and signatories, documents, import and export.

Status changes are the workflow's (core.agreements.workflow.views); its part of the
detail page is templates/agreements/_workflow.html.
"""

from dataclasses import replace

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.http import require_POST

from core.agreements import services
from core.agreements.forms import (
    AgreementFilterForm,
    AgreementForm,
    ConditionFormSet,
    DocumentUploadForm,
    ImportForm,
    SignatoryFormSet,
    VersionUploadForm,
    filled_rows,
    signatory_initial,
    signatory_row,
)
from core.agreements.models import Agreement
from core.agreements.selectors import (
    AGREEMENT_ORDERING,
    agreement_documents,
    agreement_get_for_user,
    agreement_list,
    agreement_rows,
    agreements_listed,
    document_get,
    has_unrecognised_partner,
    version_get,
)
from core.agreements.transfer import agreements_export, agreements_import
from core.agreements.workflow.views import workflow_panel
from core.documents.selectors import documents_about
from core.office.permissions import Action, can, permission_required
from core.partners.models import Recognition
from kopru.errors import ServiceError
from kopru.forms import mark_outdated
from kopru.lists import selected_ids, sort_columns
from kopru.spreadsheets import CONTENT_TYPES
from kopru.translated import translations
from kopru.uploads import stored_file_response
from kopru.web import add_service_error, run_service

PAGE_SIZE = 50


@permission_required(Action.VIEW_AGREEMENTS)
def agreement_index(request):
    form = AgreementFilterForm(request.GET or None, language=get_language())
    filters = replace(form.filters(), ordering=request.GET.get("ordering", ""))
    page = Paginator(agreement_list(request.user, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = agreement_rows(page)
    kinds, statuses = dict(Agreement.Kind.choices), dict(Agreement.Status.choices)
    recognitions = dict(Recognition.choices)
    for row in rows:
        row["kind_label"] = kinds.get(row["kind"], row["kind"])
        row["status_label"] = statuses.get(row["status"], row["status"])
        # The statuses of the partners not recognised, named as the partner's page names them.
        unrecognised = [partner["recognition"] for partner in row["partners"]
                        if row["unrecognised_partner"] and partner["recognition"] != Recognition.RECOGNISED]
        row["recognition_labels"] = [recognitions[status] for status in dict.fromkeys(unrecognised)]
    columns = sort_columns(request.GET, AGREEMENT_ORDERING, [
        ("title", gettext("Title")), ("kind", gettext("Type")), (None, gettext("Partners")),
        (None, gettext("Our academic units")), ("status", gettext("Status")), ("ends_on", gettext("Valid until")),
    ])
    return render(request, "agreements/list.html", {
        "form": form, "page": page, "rows": rows, "columns": columns,
        "may_manage": can(request.user, Action.MANAGE_AGREEMENTS),
        "may_import": can(request.user, Action.IMPORT_DATA),
    })


@permission_required(Action.VIEW_AGREEMENTS)
def agreement_detail(request, agreement_id):
    agreement = agreement_get_for_user(request.user, agreement_id)
    may_manage = can(request.user, Action.MANAGE_AGREEMENTS)
    return render(request, "agreements/detail.html", {
        "agreement": agreement, "documents": agreement_documents(agreement),
        "titles": [(code, title, agreement.outdated("title", code))
                   for code, title in translations(agreement, "title").items()],
        "scopes": [Agreement.Scope(scope).label for scope in agreement.scopes if scope in Agreement.Scope.values],
        "unrecognised_partner": has_unrecognised_partner(agreement), "may_manage": may_manage,
        "upload_form": DocumentUploadForm() if may_manage else None,
        "panel": workflow_panel(request.user, agreement),
    })


@permission_required(Action.MANAGE_AGREEMENTS)
def agreement_new(request):
    return _edit(request, None)


@permission_required(Action.MANAGE_AGREEMENTS)
def agreement_edit(request, agreement_id):
    return _edit(request, agreement_get_for_user(request.user, agreement_id))


def _rows(forms, names) -> list[dict]:
    return [{name: form.cleaned_data.get(name) for name in ("id", *names)} for form in forms]


def _edit(request, agreement):
    """The agreement form with its two tables of rows; the service's errors land on the row they concern."""
    if request.method == "POST":
        form = AgreementForm(request.POST)
        conditions = ConditionFormSet(request.POST, prefix="conditions")
        signatories = SignatoryFormSet(request.POST, prefix="signatories")
    else:
        form = AgreementForm(initial=AgreementForm.initial_for(agreement) if agreement else None)
        conditions = ConditionFormSet(prefix="conditions", initial=[
            {"id": row.pk, **{name: getattr(row, name) for name in services.CONDITION_FIELDS}}
            for row in agreement.conditions.all()] if agreement else None)
        signatories = SignatoryFormSet(prefix="signatories", initial=[
            signatory_initial(row) for row in agreement.signatories.all()] if agreement else None)
    mark_outdated(form, agreement)
    if request.method == "POST" and form.is_valid() and conditions.is_valid() and signatories.is_valid():
        condition_forms, signatory_forms = filled_rows(conditions), filled_rows(signatories)
        arguments = {**form.service_arguments(), "conditions": _rows(condition_forms, services.CONDITION_FIELDS),
                     "signatories": [signatory_row(row) for row in signatory_forms]}
        try:
            if agreement is None:
                arguments.pop("titles_checked")  # a new agreement's titles are all new
                agreement = services.agreement_create(acting_user=request.user, **arguments)
            else:
                services.agreement_update(agreement=agreement, acting_user=request.user, **arguments)
        except ServiceError as error:
            add_service_error(form, _without_rows(error))
            for name, forms in (("conditions", condition_forms), ("signatories", signatory_forms)):
                for row_form, row_errors in zip(forms, error.fields.get(name, []), strict=False):
                    for field, field_messages in row_errors.items():
                        for message in field_messages:
                            row_form.add_error(field if field in row_form.fields else None, message)
        else:
            messages.success(request, gettext("Saved."))
            return redirect("agreements:detail", agreement.pk)
    return render(request, "agreements/form.html", {
        "agreement": agreement, "form": form, "conditions": conditions, "signatories": signatories,
    })


def _without_rows(error: ServiceError) -> ServiceError:
    """The error as the main form shows it: row errors appear on their rows, with a note above the form."""
    fields = {name: messages for name, messages in error.fields.items() if name not in ("conditions", "signatories")}
    if fields:
        return ServiceError(error.code, error.message, fields=fields)
    return ServiceError(error.code, gettext("Some rows below are not valid."))


@require_POST
@permission_required(Action.MANAGE_AGREEMENTS)
def agreement_delete(request, agreement_id):
    agreement = agreement_get_for_user(request.user, agreement_id)
    run = run_service(request, lambda: services.agreement_delete(agreement=agreement, acting_user=request.user),
                      success_message=gettext("The agreement is deleted."))
    return redirect("agreements:list") if run.ok else redirect("agreements:detail", agreement.pk)


@require_POST
@permission_required(Action.MANAGE_AGREEMENTS)
def document_upload(request, agreement_id, document_id=None):
    """A new document (POST to …/documents/) or a new version of one (…/documents/<id>/)."""
    agreement = agreement_get_for_user(request.user, agreement_id)
    document = document_get(agreement, document_id) if document_id is not None else None
    form = (VersionUploadForm if document else DocumentUploadForm)(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("agreements:detail", agreement.pk)
    try:
        version = services.document_add_version(
            agreement=agreement, kind=form.cleaned_data.get("kind", ""),
            titles={get_language(): form.cleaned_data.get("title", "")},
            uploaded_file=form.cleaned_data["file"], acting_user=request.user, document=document,
        )
    except ServiceError as error:
        for field_messages in error.fields.values():
            for message in field_messages:
                messages.error(request, message)
        if not error.fields:
            messages.error(request, error.message)
    else:
        messages.success(request, gettext("Version %(number)d of “%(title)s” is stored.") % {
            "number": version.number, "title": version.document.title})
    return redirect("agreements:detail", agreement.pk)


@permission_required(Action.VIEW_AGREEMENTS)
def document_download(request, agreement_id, document_id, number):
    """Files are served only through here, after the same check as the agreement's page."""
    version = version_get(agreement_get_for_user(request.user, agreement_id), document_id, number)
    response = stored_file_response(version.file, content_type=version.content_type, title=version.document.title)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@permission_required(Action.IMPORT_DATA)
def agreement_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            result = agreements_import(upload=form.cleaned_data["file"], acting_user=request.user)
        except ServiceError as error:
            problems = error.fields.get("rows", [])
            form.add_error(None, error.message)
        else:
            messages.success(request, ngettext("%(count)d agreement imported.", "%(count)d agreements imported.",
                                               result.created) % {"count": result.created})
            return redirect("agreements:list")
    return render(request, "agreements/import.html", {"form": form, "problems": problems})


@permission_required(Action.VIEW_AGREEMENTS)
def agreement_export(request):
    """The agreements the list shows with its filters, or only the rows ticked in it, as a table."""
    file_format = "csv" if request.GET.get("file_format") == "csv" else "xlsx"
    form = AgreementFilterForm(request.GET or None, language=get_language())
    agreements = agreements_listed(request.user, form.filters(), selected_ids(request.GET.getlist("id")))
    content = agreements_export(agreements, file_format)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="agreements-{stamp}.{file_format}"'
    return response


@permission_required(Action.VIEW_AGREEMENTS)
def agreement_generated_documents(request, agreement_id):
    """The documents generated about the agreement (its cover letters), among the document engine's pages."""
    agreement = agreement_get_for_user(request.user, agreement_id)
    return render(request, "documents/target_documents.html", {
        "target": agreement, "documents": documents_about(request.user, agreement),
    })
