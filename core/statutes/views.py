"""The statute pages: list, the statute with its document control and clause tree, the draft editor,
clause pages with their traceability, revisions and their approval, comparison and export.

The clause rows of the draft editor edit inline with htmx: a GET of the clause's edit URL
answers the form in place of the row, its POST answers the row again.
"""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from core.documents.responses import document_file_response
from core.documents.services import FORMATS
from core.office.models import Role
from core.office.permissions import Action, can, permission_required
from core.statutes import services
from core.statutes.diff import changes_only, diff_summary, revision_diff
from core.statutes.export import statute_export
from core.statutes.forms import (
    AgreedByFormSet,
    ApproveForm,
    ClauseAddForm,
    ClauseTextForm,
    CompareForm,
    DescriptionForm,
    LinksForm,
    OnDateForm,
    PlaceForm,
    ReturnForm,
    StatuteForm,
    agreed_by_initial,
)
from core.statutes.models import Clause, Revision, Statute
from core.statutes.selectors import (
    STATUTE_ORDERING,
    RevisionAction,
    clause_choices,
    clause_get_for_user,
    clause_tree,
    flatten,
    revision_actions_for_user,
    revision_get,
    revision_in_force_on,
    revision_table,
    statute_get_for_user,
    statute_rows,
    statute_values,
)
from i18n.middleware import enabled_languages
from kopru.forms import mark_outdated
from kopru.lists import sort_columns
from kopru.translated import translations
from kopru.web import run_service

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES


def _shown_revision(request, statute: Statute) -> tuple[Revision | None, OnDateForm]:
    """The revision the page shows: ?revision=N, or the one in force ?on=<date>, or in force today, or the latest."""
    on_form = OnDateForm(request.GET if "on" in request.GET else None)
    if "revision" in request.GET:
        return revision_get(statute, request.GET["revision"]), on_form
    if on_form.is_bound:
        return (revision_in_force_on(statute, on_form.cleaned_data["on"]) if on_form.is_valid() else None), on_form
    return statute.in_force_today or statute.current or statute.latest, on_form


def _statute_context(request, statute: Statute, revision: Revision | None) -> dict:
    numbers = [each.number for each in statute.revision_list]
    languages = enabled_languages(request)
    may_manage = can(request.user, Action.MANAGE_STATUTES)
    return {
        "statute": statute, "revision": revision,
        "revision_actions": revision_actions_for_user(request.user, revision) if revision else [],
        "revisions": [(each, revision_actions_for_user(request.user, each)) for each in statute.revision_list],
        "nodes": clause_tree(revision) if revision else [],
        "revision_rows": revision_table(statute),
        "compare_form": CompareForm(numbers=numbers, languages=languages, initial={
            "a": numbers[-2] if len(numbers) > 1 else numbers[0], "b": numbers[-1], "lang": get_language()}),
        "languages": languages,
        "may_manage": may_manage,
        "start_form": DescriptionForm() if may_manage and statute.current and not statute.open_revision else None,
        "approve_form": ApproveForm(initial={"in_force_from": timezone.localdate()}),
        "return_form": ReturnForm(),
    }


@permission_required(Action.VIEW_STATUTES)
def statute_index(request):
    """The office's statutes grouped by kind (dozens, so on one page), sorted within each group by a column."""
    kind = request.GET.get("kind", "")
    kind = kind if kind in Statute.Kind.values else ""
    statutes = statute_rows(statute_values(kind=kind, ordering=request.GET.get("ordering", "")))
    labels = dict(Revision.Status.choices)
    for statute in statutes:
        if statute["latest_revision"]:
            statute["latest_revision"]["status_label"] = labels[statute["latest_revision"]["status"]]
    groups = [(label, [statute for statute in statutes if statute["kind"] == value])
              for value, label in Statute.Kind.choices]
    columns = sort_columns(request.GET, STATUTE_ORDERING, [
        ("document_number", gettext("Document number")), ("title", gettext("Title")),
        (None, gettext("Revision in force")), (None, gettext("Latest revision")),
    ])
    return render(request, "statutes/list.html", {
        "groups": [(label, rows) for label, rows in groups if rows], "kinds": Statute.Kind.choices, "kind": kind,
        "columns": columns,
        "may_manage": can(request.user, Action.MANAGE_STATUTES),
    })


@permission_required(Action.VIEW_STATUTES)
def statute_detail(request, statute_id):
    statute = statute_get_for_user(request.user, statute_id)
    revision, on_form = _shown_revision(request, statute)
    context = _statute_context(request, statute, revision)
    context["on_form"] = on_form
    context["on_date"] = on_form.cleaned_data["on"] if on_form.is_bound and on_form.is_valid() else None
    context["export_formats"] = [(fmt, fmt.upper()) for fmt in FORMATS]
    return render(request, "statutes/detail.html", context)


@permission_required(Action.MANAGE_STATUTES)
def statute_new(request):
    return _edit(request, None)


@permission_required(Action.MANAGE_STATUTES)
def statute_edit(request, statute_id):
    return _edit(request, statute_get_for_user(request.user, statute_id))


def _edit(request, statute: Statute | None):
    if request.method == "POST":
        # Without initial rows: a row counts when it holds something, whether or not it changed.
        form, agreed_by = StatuteForm(request.POST), AgreedByFormSet(request.POST, prefix="agreed_by")
    else:
        form = StatuteForm(initial=StatuteForm.initial_for(statute) if statute else None)
        agreed_by = AgreedByFormSet(prefix="agreed_by", initial=agreed_by_initial(statute) if statute else None)
    mark_outdated(form, statute)
    if request.method == "POST" and form.is_valid() and agreed_by.is_valid():
        if statute is None:
            save = partial(services.statute_create, acting_user=request.user, **form.service_arguments(agreed_by))
        else:
            save = partial(services.statute_update, statute=statute, acting_user=request.user,
                           translations_checked=form.checked(), **form.service_arguments(agreed_by))
        run = run_service(request, save, form=form, success_message=gettext("Saved."))
        if run.ok:
            return redirect("statutes:detail", run.result.pk)
    return render(request, "statutes/form.html", {"form": form, "agreed_by": agreed_by, "statute": statute})


# The draft editor ----------------------------------------------------------------------------

def _draft_context(request, statute: Statute, revision: Revision, **forms) -> dict:
    parents = clause_choices(revision)
    return {
        "statute": statute, "revision": revision, "nodes": flatten(clause_tree(revision)),
        "add_form": forms.get("add_form") or ClauseAddForm(parents=parents),
        "description_form": forms.get("description_form") or DescriptionForm(initial={
            f"description_{code}": getattr(revision, f"description_{code}") for code in LANGUAGES}),
        "parents": parents,
    }


@permission_required(Action.MANAGE_STATUTES)
def revision_edit(request, statute_id, number):
    statute = statute_get_for_user(request.user, statute_id)
    revision = revision_get(statute, number)
    if RevisionAction.EDIT not in revision_actions_for_user(request.user, revision):
        messages.error(request, gettext("Only a draft revision can be edited."))
        return redirect(f"{_detail_url(statute)}?revision={revision.number}")
    add_form = ClauseAddForm(request.POST or None, parents=clause_choices(revision))
    if request.method == "POST" and add_form.is_valid():
        parent = _clause_in(revision, add_form.cleaned_data["parent"])
        run = run_service(request, lambda: services.clause_add(
            revision=revision, parent=parent, index=add_form.index(), kind=add_form.cleaned_data["kind"],
            number=add_form.cleaned_data["number"], texts=add_form.texts(), acting_user=request.user,
        ), form=add_form, success_message=gettext("Saved."))
        if run.ok:
            return redirect("statutes:revision_edit", statute.pk, revision.number)
    return render(request, "statutes/revision_edit.html",
                  _draft_context(request, statute, revision, add_form=add_form if add_form.is_bound else None))


@require_POST
@permission_required(Action.MANAGE_STATUTES)
def revision_describe(request, statute_id, number):
    statute = statute_get_for_user(request.user, statute_id)
    revision = revision_get(statute, number)
    form = DescriptionForm(request.POST)
    if form.is_valid() and run_service(request, lambda: services.revision_update(
        revision=revision, descriptions=form.descriptions(), acting_user=request.user,
    ), form=form, success_message=gettext("Saved.")).ok:
        return redirect("statutes:revision_edit", statute.pk, revision.number)
    return render(request, "statutes/revision_edit.html",
                  _draft_context(request, statute, revision, description_form=form), status=400)


def _detail_url(statute: Statute) -> str:
    return reverse("statutes:detail", args=[statute.pk])


def _clause_in(revision: Revision, clause_id: int | None) -> Clause | None:
    """A parent chosen on a form: a clause of this revision, or a 404."""
    if clause_id is None:
        return None
    clause = revision.clauses.filter(pk=clause_id).first()
    if clause is None:
        raise Http404
    return clause


@permission_required(Action.VIEW_STATUTES)
def clause_detail(request, clause_id):
    """A clause with the roles and workflow steps it mandates, and the form that links them."""
    clause = clause_get_for_user(request.user, clause_id)
    return _clause_page(request, clause, _links_form(request, clause))


def _links_form(request, clause: Clause, data=None) -> LinksForm | None:
    if RevisionAction.LINK not in revision_actions_for_user(request.user, clause.revision):
        return None
    return LinksForm(data, initial={"roles": clause.roles,
                                    "workflow_steps": [step.pk for step in clause.workflow_steps.all()]})


def _clause_page(request, clause: Clause, links_form: LinksForm | None, status: int = 200):
    return render(request, "statutes/clause.html", {
        "clause": clause, "revision": clause.revision, "statute": clause.revision.statute, "links_form": links_form,
        "texts": translations(clause, "text").items(),
        "role_labels": [Role(role).label for role in clause.roles if role in Role.values],
    }, status=status)


@require_POST
@permission_required(Action.MANAGE_STATUTES)
def clause_links(request, clause_id):
    clause = clause_get_for_user(request.user, clause_id)
    form = _links_form(request, clause, request.POST)
    if form is None:
        messages.error(request, gettext("Links can be changed on a draft or on the revision in force only."))
        return redirect("statutes:clause", clause.pk)
    if form.is_valid() and run_service(request, lambda: services.clause_set_links(
        clause=clause, roles=form.cleaned_data["roles"], workflow_steps=list(form.cleaned_data["workflow_steps"]),
        acting_user=request.user,
    ), form=form, success_message=gettext("Saved.")).ok:
        return redirect("statutes:clause", clause.pk)
    return _clause_page(request, clause, form, status=400)


def _row_response(request, clause: Clause):
    """The clause's row of the draft editor, after an inline edit."""
    node = next(node for node in flatten(clause_tree(clause.revision)) if node.clause.pk == clause.pk)
    return render(request, "statutes/_clause_row.html", {
        "node": node, "revision": clause.revision, "statute": clause.revision.statute, "editing": True})


@permission_required(Action.MANAGE_STATUTES)
def clause_edit(request, clause_id):
    clause = clause_get_for_user(request.user, clause_id)
    revision = clause.revision
    form = ClauseTextForm(request.POST or None, initial=ClauseTextForm.initial_for(clause),
                          auto_id=f"clause{clause.pk}_%s")
    mark_outdated(form, clause)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: services.clause_update(
            clause=clause, kind=form.cleaned_data["kind"], number=form.cleaned_data["number"], texts=form.texts(),
            texts_checked=form.texts_checked(), acting_user=request.user,
        ), form=form, success_message=None if request.htmx else gettext("Saved."))
        if run.ok and request.htmx:
            return _row_response(request, clause)
        if run.ok:
            return redirect("statutes:revision_edit", revision.statute_id, revision.number)
    context = {"form": form, "clause": clause, "revision": revision, "statute": revision.statute}
    if request.htmx:
        return render(request, "statutes/_clause_form.html", context)
    context["place_form"] = PlaceForm(parents=clause_choices(revision), initial={
        "parent": clause.parent_id, "place": None})
    return render(request, "statutes/clause_edit.html", context, status=400 if form.is_bound else 200)


def _back_to_editor(clause_or_revision):
    revision = getattr(clause_or_revision, "revision", clause_or_revision)
    return redirect("statutes:revision_edit", revision.statute_id, revision.number)


@require_POST
@permission_required(Action.MANAGE_STATUTES)
def clause_move(request, clause_id):
    clause = clause_get_for_user(request.user, clause_id)
    form = PlaceForm(request.POST, parents=clause_choices(clause.revision))
    if not form.is_valid():
        messages.error(request, gettext("Choose where the clause goes."))
        return _back_to_editor(clause)
    parent = _clause_in(clause.revision, form.cleaned_data["parent"])
    run_service(request, lambda: services.clause_move(clause=clause, parent=parent, index=form.index(),
                                                      acting_user=request.user), success_message=gettext("Saved."))
    return _back_to_editor(clause)


@require_POST
@permission_required(Action.MANAGE_STATUTES)
def clause_delete(request, clause_id):
    clause = clause_get_for_user(request.user, clause_id)
    revision = clause.revision
    run_service(request, lambda: services.clause_delete(clause=clause, acting_user=request.user),
                success_message=gettext("Saved."))
    return _back_to_editor(revision)


# Revisions ----------------------------------------------------------------------------------

@require_POST
@permission_required(Action.MANAGE_STATUTES)
def revision_new(request, statute_id):
    statute = statute_get_for_user(request.user, statute_id)
    form = DescriptionForm(request.POST)
    if form.is_valid():
        run = run_service(request, lambda: services.revision_start(statute=statute, descriptions=form.descriptions(),
                                                                   acting_user=request.user))
        if run.ok:
            messages.success(request, gettext("Revision %(number)02d started as a draft.")
                             % {"number": run.result.number})
            return redirect("statutes:revision_edit", statute.pk, run.result.number)
    return redirect("statutes:detail", statute.pk)


@require_POST
@permission_required(Action.MANAGE_STATUTES)
def revision_submit(request, statute_id, number):
    statute = statute_get_for_user(request.user, statute_id)
    revision = revision_get(statute, number)
    run_service(request, lambda: services.revision_submit(revision=revision, acting_user=request.user),
                success_message=gettext("Saved."))
    return redirect(f"{_detail_url(statute)}?revision={revision.number}")


@require_POST
@permission_required(Action.APPROVE_STATUTES)
def revision_approve(request, statute_id, number):
    statute = statute_get_for_user(request.user, statute_id)
    revision = revision_get(statute, number)
    form = ApproveForm(request.POST)
    if form.is_valid():
        run_service(request, lambda: services.revision_approve(revision=revision, acting_user=request.user,
                                                               **form.cleaned_data),
                    success_message=gettext("Saved."))
    else:
        messages.error(request, gettext("Give the date the revision comes into force."))
    return redirect(f"{_detail_url(statute)}?revision={revision.number}")


@require_POST
@permission_required(Action.APPROVE_STATUTES)
def revision_return(request, statute_id, number):
    statute = statute_get_for_user(request.user, statute_id)
    revision = revision_get(statute, number)
    run_service(request, lambda: services.revision_return(revision=revision, reason=request.POST.get("reason", ""),
                                                          acting_user=request.user), success_message=gettext("Saved."))
    return redirect(f"{_detail_url(statute)}?revision={revision.number}")


# Comparison and export ------------------------------------------------------------------------

@permission_required(Action.VIEW_STATUTES)
def revision_compare(request, statute_id):
    statute = statute_get_for_user(request.user, statute_id)
    languages = enabled_languages(request)
    form = CompareForm(request.GET or None, numbers=[each.number for each in statute.revision_list],
                       languages=languages)
    rows, old, new = [], None, None
    if form.is_valid():
        old, new = revision_get(statute, form.cleaned_data["a"]), revision_get(statute, form.cleaned_data["b"])
        rows = revision_diff(old, new, form.cleaned_data["lang"] or get_language())
    summary = diff_summary(rows)
    if form.is_valid() and form.cleaned_data["changes"]:
        rows = changes_only(rows)
    return render(request, "statutes/compare.html", {
        "statute": statute, "form": form, "rows": rows, "old": old, "new": new, "summary": summary,
    }, status=400 if form.is_bound and not form.is_valid() else 200)


@require_POST
@permission_required(Action.VIEW_STATUTES)
def revision_export(request, statute_id, number, fmt):
    """Make the revision's document in the format and language asked for; each export is a new, audited version."""
    statute = statute_get_for_user(request.user, statute_id)
    revision = revision_get(statute, number)
    if fmt not in FORMATS:
        raise Http404
    language = request.POST.get("lang")
    language = language if language in enabled_languages(request) else get_language()
    document = statute_export(revision=revision, language=language, fmt=fmt, acting_user=request.user)
    return document_file_response(document, fmt)

