"""Pages of the document engine: generated documents with their versions, and the office's templates.

The pages of one record's documents belong to the record's app (its document_urlpatterns).
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.documents.forms import LetterheadForm, TemplateUploadForm
from core.documents.kinds import KINDS
from core.documents.letterhead import letterhead_get, letterhead_update
from core.documents.models import DocumentKind
from core.documents.responses import document_file_response, docx_response
from core.documents.selectors import (
    document_get_for_user,
    document_versions,
    job_get_for_user,
    kind_and_language_or_404,
    placeholders,
    template_content,
    template_preview,
    template_rows,
)
from core.documents.services import template_reset, template_upload
from core.documents.subjects import subject_of
from core.office.permissions import Action, permission_required
from kopru.web import run_service


@permission_required(Action.VIEW_OFFICE)
def detail(request, document_id):
    document = document_get_for_user(request.user, document_id)
    subject = subject_of(document)
    return render(request, "documents/detail.html", {
        "document": document, "versions": document_versions(document), "subject": subject,
        "subject_page": subject.page(document.subject_id) if subject and subject.page else None,
    })


@permission_required(Action.VIEW_OFFICE)
def job(request, job_id):
    """A document a worker is writing; the fragment polls itself until the job is finished."""
    template = "documents/_job.html" if request.htmx else "documents/job.html"
    return render(request, template, {"job": job_get_for_user(request.user, job_id)})


@permission_required(Action.VIEW_OFFICE)
def download(request, document_id, file_format):
    return document_file_response(document_get_for_user(request.user, document_id), file_format)


@permission_required(Action.MANAGE_TEMPLATES)
def templates(request):
    kinds = [(DocumentKind(kind).label, placeholders(kind, "en")) for kind in KINDS]
    loop_hint = gettext(
        "To repeat a paragraph for each element of a list, put %(start)s and %(end)s in paragraphs of their own "
        "around it; to repeat a table row, put %(row_start)s and %(row_end)s in rows of their own."
    ) % {"start": "{%p for item in partner.units %}", "end": "{%p endfor %}",
         "row_start": "{%tr for row in partner.rankings %}", "row_end": "{%tr endfor %}"}
    return render(request, "documents/templates.html", {
        "rows": template_rows(), "kinds": kinds, "form": TemplateUploadForm(), "loop_hint": loop_hint,
    })



@permission_required(Action.MANAGE_SETTINGS)
def letterhead(request):
    """What the office's letters carry besides their text: its logo, its unit's name, the Sayı's codes, its
    contacts."""
    letterhead = letterhead_get()
    form = LetterheadForm(request.POST or None, request.FILES or None, letterhead=letterhead)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: letterhead_update(acting_user=request.user, texts=form.texts(),
                                                             values=form.values(), checked=form.checked(),
                                                             **form.logo()),
                          form=form, success_message=gettext("The letterhead is saved."))
        if run.ok:
            return redirect("documents:letterhead")
    return render(request, "documents/letterhead.html", {"form": form, "letterhead": letterhead},
                  status=400 if form.errors else 200)


@permission_required(Action.MANAGE_SETTINGS)
def letterhead_logo(request):
    """The office's logo as the letterhead page shows it."""
    logo = letterhead_get().logo
    if not logo:
        raise Http404
    content_type = "image/jpeg" if logo.name.endswith(".jpg") else "image/png"
    return FileResponse(logo.open("rb"), content_type=content_type)


@permission_required(Action.MANAGE_TEMPLATES)
def template_download(request, kind, language):
    kind_and_language_or_404(kind, language)
    content, template = template_content(kind, language)
    version = f"v{template.version}" if template else "default"
    return docx_response(content, f"{kind}_{language}_{version}.docx")


@permission_required(Action.MANAGE_TEMPLATES)
def template_sample(request, kind, language):
    kind_and_language_or_404(kind, language)
    run = run_service(request, lambda: template_preview(kind, language))
    if not run.ok:
        return redirect("documents:templates")
    return docx_response(run.result, f"{kind}_{language}_preview.docx")


@require_POST
@permission_required(Action.MANAGE_TEMPLATES)
def template_replace(request, kind, language):
    kind_and_language_or_404(kind, language)
    form = TemplateUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, gettext("Choose a DOCX file to upload."))
        return redirect("documents:templates")
    run_service(request, lambda: template_upload(kind=kind, language=language, upload=form.cleaned_data["file"],
                                                 acting_user=request.user),
                success_message=gettext("The new template is in use."))
    return redirect("documents:templates")


@require_POST
@permission_required(Action.MANAGE_TEMPLATES)
def template_restore(request, kind, language):
    kind_and_language_or_404(kind, language)
    template_reset(kind=kind, language=language, acting_user=request.user)
    messages.success(request, gettext("The default template is in use again."))
    return redirect("documents:templates")
