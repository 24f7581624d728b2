from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.documents.selectors import document_languages, documents_about
from core.office.permissions import Action, can, permission_required
from core.partners import selectors, services
from core.partners.forms import (
    ContactForm,
    PartnerFilterForm,
    PartnerForm,
    RankingForm,
    RecognitionCheckForm,
    TableUploadForm,
)
from core.partners.info_note import info_note_generate
from core.partners.recognition import recognition_policy
from kopru.errors import ServiceError
from kopru.forms import NamesForm, mark_outdated
from kopru.lists import selected_ids, sort_columns
from kopru.spreadsheets import CONTENT_TYPES, ImportRefused
from kopru.translated import NAME_FIELDS
from kopru.uploads import stored_file_response
from kopru.web import add_service_error, run_service

PAGE_SIZE = 50


def _filters(request) -> dict:
    form = PartnerFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return {"query": data.get("q", ""), "country": data.get("country", ""),
            "recognition": data.get("recognition", ""), "ordering": request.GET.get("ordering", "")}, form


@permission_required(Action.VIEW_PARTNERS)
def partner_list(request):
    filters, form = _filters(request)
    page = Paginator(selectors.partner_ids(request.user, **filters), PAGE_SIZE).get_page(request.GET.get("page"))
    policy = recognition_policy()
    columns = sort_columns(request.GET, selectors.PARTNER_ORDERING, [
        ("name", gettext("Name")), ("country", gettext("Country")), ("city", gettext("City")),
        ("erasmus_code", gettext("Erasmus code")), *([("recognition", policy.label)] if policy else []),
    ])
    return render(request, "partners/list.html", {
        "page": page, "rows": selectors.partner_rows(page.object_list), "columns": columns, "form": form,
        "may_manage": can(request.user, Action.MANAGE_PARTNERS),
        "may_import": can(request.user, Action.IMPORT_DATA),
    })


@permission_required(Action.VIEW_PARTNERS)
def partner_export(request):
    file_format = request.GET.get("format", "csv")
    if file_format not in CONTENT_TYPES:
        raise Http404
    filters, _form = _filters(request)
    partners = selectors.partner_list(request.user, selected=selected_ids(request.GET.getlist("id")), **filters)
    response = HttpResponse(selectors.partner_table(partners, file_format), content_type=CONTENT_TYPES[file_format])
    filename = f"partners-{timezone.localdate().isoformat()}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _save_form(request, form, save) -> bool:
    """Run `save(form)` when the form is valid; a service's refusal lands on the form."""
    return (request.method == "POST" and form.is_valid()
            and run_service(request, lambda: save(form), form=form, success_message=gettext("Saved.")).ok)


@permission_required(Action.MANAGE_PARTNERS)
def partner_create(request):
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: services.partner_create(acting_user=request.user, **form.arguments()),
                          form=form, success_message=gettext("Saved."))
        if run.ok:
            return redirect("partners:detail", run.result.pk)
    return render(request, "partners/edit.html", {"form": form})


@permission_required(Action.MANAGE_PARTNERS)
def partner_edit(request, partner_id):
    partner = selectors.partner_get_for_user(request.user, partner_id)
    form = PartnerForm(request.POST or None, partner=partner)
    mark_outdated(form, partner)

    def save(form):
        services.partner_update(partner=partner, acting_user=request.user, **form.arguments())

    if _save_form(request, form, save):
        return redirect("partners:detail", partner.pk)
    return render(request, "partners/edit.html", {"form": form, "partner": partner})


@require_POST
@permission_required(Action.MANAGE_PARTNERS)
def partner_delete(request, partner_id):
    partner = selectors.partner_get_for_user(request.user, partner_id)
    run = run_service(request, lambda: services.partner_delete(partner=partner, acting_user=request.user),
                      success_message=gettext("The partner is deleted."))
    return redirect("partners:list") if run.ok else redirect("partners:detail", partner.pk)


def _detail(request, partner_id, **bound_forms):
    """The partner page; a form that failed is shown bound, with its errors, in place of the empty one."""
    partner = selectors.partner_detail_for_user(request.user, partner_id)
    forms = {
        "unit_form": NamesForm(prefix="unit"), "contact_form": ContactForm(prefix="contact"),
        "ranking_form": RankingForm(prefix="ranking", initial={"year": timezone.localdate().year}),
        "recognition_form": RecognitionCheckForm(prefix="check", initial={"checked_on": timezone.localdate()}),
        **bound_forms,
    }
    status = 400 if bound_forms else 200
    return render(request, "partners/detail.html", {
        "partner": partner, "may_manage": can(request.user, Action.MANAGE_PARTNERS),
        "blocks": selectors.partner_recognition_blocks(partner), **forms,
        "names": [name for field in NAME_FIELDS if (name := getattr(partner, field))],
    }, status=status)


@permission_required(Action.VIEW_PARTNERS)
def partner_detail(request, partner_id):
    return _detail(request, partner_id)


def _add(request, partner_id, form_name, form, save):
    """POST of one of the partner page's add forms."""
    partner = selectors.partner_get_for_user(request.user, partner_id)
    if _save_form(request, form, lambda form: save(partner, form)):
        return redirect("partners:detail", partner.pk)
    return _detail(request, partner.pk, **{form_name: form})


@require_POST
@permission_required(Action.MANAGE_PARTNERS)
def unit_add(request, partner_id):
    return _add(request, partner_id, "unit_form", NamesForm(request.POST, prefix="unit"),
                lambda partner, form: services.partner_unit_create(partner=partner, names=form.names(),
                                                                   acting_user=request.user))


@require_POST
@permission_required(Action.MANAGE_PARTNERS)
def contact_add(request, partner_id):
    return _add(request, partner_id, "contact_form", ContactForm(request.POST, prefix="contact"),
                lambda partner, form: services.partner_contact_create(partner=partner, acting_user=request.user,
                                                                      **form.arguments()))


@require_POST
@permission_required(Action.MANAGE_PARTNERS)
def ranking_add(request, partner_id):
    return _add(request, partner_id, "ranking_form", RankingForm(request.POST, prefix="ranking"),
                lambda partner, form: services.ranking_save(partner=partner, acting_user=request.user,
                                                            **_ranking_values(form)))


def _ranking_values(form) -> dict:
    return {**form.cleaned_data, "band": form.cleaned_data["band"] or ""}


@require_POST
@permission_required(Action.MANAGE_PARTNERS)
def recognition_add(request, partner_id):
    form = RecognitionCheckForm(request.POST, request.FILES, prefix="check")
    return _add(request, partner_id, "recognition_form", form,
                lambda partner, form: services.recognition_check_record(partner=partner, acting_user=request.user,
                                                                        **form.cleaned_data))


@permission_required(Action.VIEW_PARTNERS)
def recognition_evidence(request, partner_id, check_id):
    partner = selectors.partner_get_for_user(request.user, partner_id)
    check = selectors.recognition_check_get(partner, check_id)
    if not check.evidence:
        raise Http404
    return stored_file_response(check.evidence)


# Units, contacts and ranking entries are edited on one small page each: (getter, form, initial, update, delete).
PARTS = {
    "unit": (
        selectors.partner_unit_get, NamesForm,
        lambda unit: {f"name_{code}": getattr(unit, f"name_{code}") for code in services.LANGUAGES},
        lambda unit, form, user: services.partner_unit_update(unit=unit, names=form.names(), acting_user=user),
        lambda unit, user: services.partner_unit_delete(unit=unit, acting_user=user),
    ),
    "contact": (
        selectors.partner_contact_get, ContactForm,
        ContactForm.initial_for,
        lambda contact, form, user: services.partner_contact_update(contact=contact, acting_user=user,
                                                                     **form.arguments()),
        lambda contact, user: services.partner_contact_delete(contact=contact, acting_user=user),
    ),
    "ranking": (
        selectors.ranking_get, RankingForm,
        lambda entry: {"system": entry.system, "year": entry.year, "rank": entry.rank, "band": entry.band},
        lambda entry, form, user: services.ranking_update(entry=entry, acting_user=user, **_ranking_values(form)),
        lambda entry, user: services.ranking_delete(entry=entry, acting_user=user),
    ),
}


@permission_required(Action.MANAGE_PARTNERS)
def part_edit(request, partner_id, part, part_id):
    get, form_class, initial, update, _delete = PARTS[part]
    partner = selectors.partner_get_for_user(request.user, partner_id)
    item = get(partner, part_id)
    form = form_class(request.POST or None, initial=initial(item))
    if _save_form(request, form, lambda form: update(item, form, request.user)):
        return redirect("partners:detail", partner.pk)
    return render(request, "partners/part_edit.html", {"partner": partner, "item": item, "part": part,
                                                       "form": form})


@require_POST
@permission_required(Action.MANAGE_PARTNERS)
def part_delete(request, partner_id, part, part_id):
    get, _form, _initial, _update, delete = PARTS[part]
    partner = selectors.partner_get_for_user(request.user, partner_id)
    delete(get(partner, part_id), request.user)
    messages.success(request, gettext("Deleted."))
    return redirect("partners:detail", partner.pk)


def _import_page(request, *, run, title, columns_help, back):
    """Upload a table, then see what was imported or, row by row, why nothing was."""
    form = TableUploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "title": title, "columns_help": columns_help, "back": back}
    if request.method == "POST" and form.is_valid():
        try:
            context["result"] = run(upload=form.cleaned_data["file"], acting_user=request.user)
        except ImportRefused as error:
            context["refused"] = error
        except ServiceError as error:
            add_service_error(form, error)
    status = 400 if "refused" in context or form.errors else 200
    return render(request, "partners/import.html", context, status=status)


@permission_required(Action.IMPORT_DATA)
def partner_import(request):
    return _import_page(
        request, run=services.partners_import, title=gettext("Import partners"),
        columns_help=", ".join(selectors.TABLE_COLUMNS), back=reverse("partners:list"),
    )


@permission_required(Action.IMPORT_DATA)
def ranking_import(request):
    return _import_page(
        request, run=services.rankings_import, title=gettext("Import rankings"),
        columns_help="partner, system, year, rank, band", back=reverse("partners:list"),
    )


# The partner's generated documents, among the document engine's pages (document_urlpatterns in urls.py).

@require_POST
@permission_required(Action.MANAGE_PARTNERS)
def info_note(request, partner_id):
    """Generate the partner's information note; ?language=en asks for it in English."""
    partner = selectors.partner_get_for_user(request.user, partner_id)
    language = request.POST.get("language") or request.GET.get("language") or None
    run = run_service(request, lambda: info_note_generate(partner=partner, language=language, acting_user=request.user),
                      success_message=gettext("The information note is ready."))
    if not run.ok:
        return redirect("documents:partner_documents", partner_id=partner.pk)
    return redirect("documents:detail", document_id=run.result.pk)


@permission_required(Action.VIEW_PARTNERS)
def partner_generated_documents(request, partner_id):
    partner = selectors.partner_get_for_user(request.user, partner_id)
    return render(request, "documents/target_documents.html", {
        "target": partner, "documents": documents_about(request.user, partner), "languages": document_languages(),
        "may_generate": can(request.user, Action.MANAGE_PARTNERS),
    })
