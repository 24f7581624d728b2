"""Pages of the document engine: generated documents with their versions, and the office's templates."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.agreements.selectors import agreement_get_for_user
from core.documents.forms import TemplateUploadForm
from core.documents.info_note import info_note_generate
from core.documents.kinds import KINDS
from core.documents.models import DocumentKind
from core.documents.responses import document_file_response, docx_response
from core.documents.selectors import (
    document_get_for_user,
    document_languages,
    document_versions,
    documents_for_user,
    job_get_for_user,
    kind_and_language_or_404,
    placeholders,
    template_content,
    template_preview,
    template_rows,
)
from core.documents.services import template_reset, template_upload
from core.office.permissions import Action, can, permission_required
from core.partners.selectors import partner_get_for_user
from kopru.errors import ServiceError


@require_POST
@permission_required(Action.MANAGE_PARTNERS)
def info_note(request, partner_id):
    """Generate the partner's information note; ?language=en asks for it in English."""
    partner = partner_get_for_user(request.user, partner_id)
    language = request.POST.get("language") or request.GET.get("language") or None
    try:
        document = info_note_generate(partner=partner, language=language, acting_user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("documents:partner_documents", partner_id=partner.pk)
    messages.success(request, gettext("The information note is ready."))
    return redirect("documents:detail", document_id=document.pk)


@permission_required(Action.VIEW_PARTNERS)
def partner_documents(request, partner_id):
    partner = partner_get_for_user(request.user, partner_id)
    documents = documents_for_user(request.user).filter(partner=partner)
    return render(request, "documents/target_documents.html", {
        "target": partner, "documents": documents, "languages": document_languages(),
        "may_generate": can(request.user, Action.MANAGE_PARTNERS),
    })


@permission_required(Action.VIEW_AGREEMENTS)
def agreement_documents(request, agreement_id):
    agreement = agreement_get_for_user(request.user, agreement_id)
    documents = documents_for_user(request.user).filter(agreement=agreement)
    return render(request, "documents/target_documents.html", {"target": agreement, "documents": documents})


@permission_required(Action.VIEW_OFFICE)
def detail(request, document_id):
    document = document_get_for_user(request.user, document_id)
    return render(request, "documents/detail.html", {"document": document, "versions": document_versions(document)})


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



@permission_required(Action.MANAGE_TEMPLATES)
def template_download(request, kind, language):
    kind_and_language_or_404(kind, language)
    content, template = template_content(kind, language)
    version = f"v{template.version}" if template else "default"
    return docx_response(content, f"{kind}_{language}_{version}.docx")


@permission_required(Action.MANAGE_TEMPLATES)
def template_sample(request, kind, language):
    kind_and_language_or_404(kind, language)
    try:
        content = template_preview(kind, language)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("documents:templates")
    return docx_response(content, f"{kind}_{language}_preview.docx")


@require_POST
@permission_required(Action.MANAGE_TEMPLATES)
def template_replace(request, kind, language):
    kind_and_language_or_404(kind, language)
    form = TemplateUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, gettext("Choose a DOCX file to upload."))
        return redirect("documents:templates")
    try:
        template_upload(kind=kind, language=language, upload=form.cleaned_data["file"], acting_user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("The new template is in use."))
    return redirect("documents:templates")


@require_POST
@permission_required(Action.MANAGE_TEMPLATES)
def template_restore(request, kind, language):
    kind_and_language_or_404(kind, language)
    template_reset(kind=kind, language=language, acting_user=request.user)
    messages.success(request, gettext("The default template is in use again."))
    return redirect("documents:templates")
