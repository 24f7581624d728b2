"""Import pages: paste or upload a text, see it parsed, correct the rows, save it as a draft.

Nothing is stored before saving: the review page carries the rows as form fields and what
else the text said (its document control) as a signed payload.
"""

from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.office.permissions import Action, permission_required
from core.statutes.importing.forms import MAX_ROWS, ImportDetailsForm, ImportSourceForm, RowForm, RowFormSet
from core.statutes.importing.services import (
    import_preview,
    payload_dumps,
    payload_loads,
    rows_corrected,
    statute_import,
    text_from_upload,
)
from core.statutes.models import Statute
from core.statutes.parser import DocumentControl, Unplaced
from kopru.web import run_service


@permission_required(Action.MANAGE_STATUTES)
def import_start(request):
    form = ImportSourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run = run_service(request, lambda: import_preview(
            text=text_from_upload(data["file"]) if data["file"] else data["text"], kind=data["kind"],
        ), form=form)
        preview = run.result
        if run.ok and len(preview.rows) <= MAX_ROWS:
            details = ImportDetailsForm(initial={
                "kind": data["kind"], "language": data["language"], "title": preview.control.title,
                "payload": payload_dumps(preview)})
            rows = RowFormSet(initial=[RowForm.initial_for(row) for row in preview.rows])
            return _review(request, details, rows, preview.control, preview.job, preview.unplaced)
        if run.ok:
            form.add_error(None, gettext("The text has %(count)d sections and clauses; the review page holds "
                                         "%(limit)d. Import it through the API, or in parts.")
                           % {"count": len(preview.rows), "limit": MAX_ROWS})
    return render(request, "statutes/import_start.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@permission_required(Action.MANAGE_STATUTES)
def import_review(request):
    details, rows = ImportDetailsForm(request.POST), RowFormSet(request.POST)
    control, job, unplaced = DocumentControl(), {}, []
    valid = details.is_valid() & rows.is_valid()
    if details.is_valid():
        run = run_service(request, lambda: payload_loads(details.cleaned_data["payload"]), form=details)
        if run.ok:
            control, job, unplaced = run.result.control, run.result.job, run.result.unplaced
        valid = valid and run.ok
    if valid:
        corrected = rows_corrected(form.row() for form in rows.forms)
        if "save" in request.POST:
            data = details.cleaned_data
            run = run_service(request, lambda: statute_import(
                acting_user=request.user, kind=data["kind"], language=data["language"], title=data["title"],
                rows=corrected, control=control, job=job,
            ), form=details, success_message=gettext("Imported as a draft: check it, then send it for approval."))
            if run.ok:
                return redirect("statutes:detail", run.result.pk)
        else:
            rows = RowFormSet(initial=[RowForm.initial_for(row) for row in corrected])
    return _review(request, details, rows, control, job, unplaced)


def _review(request, details, rows, control: DocumentControl, job: dict, unplaced: list[Unplaced]):
    status = 400 if details.errors or (rows.is_bound and not rows.is_valid()) else 200
    job_rows = [(Statute._meta.get_field(name).verbose_name, value) for name, value in job.items()]
    return render(request, "statutes/import_review.html", {
        "details": details, "rows": rows, "control": control, "job": job_rows, "unplaced": unplaced,
    }, status=status)
