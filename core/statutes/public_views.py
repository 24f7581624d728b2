"""The statutes in force, on the university's host for anyone (no sign-in), in the visitor's language.

Only the revision in force is ever shown or exported here: drafts, revisions in approval
and statutes never put in force answer 404, exactly as a missing id does.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from core.agreements.publishing.views import visitor_language
from core.documents.responses import document_file_response
from core.documents.services import FORMATS
from core.statutes.selectors import (
    clause_tree,
    public_statute_get,
    public_statutes,
    published_document,
    revision_table,
)


@require_GET
@visitor_language
def public_list(request):
    return render(request, "statutes/public_list.html", {"statutes": public_statutes()})


@require_GET
@visitor_language
def public_detail(request, statute_id):
    statute = public_statute_get(statute_id)
    revision = statute.in_force_today
    return render(request, "statutes/public_detail.html", {
        "statute": statute, "revision": revision, "nodes": clause_tree(revision),
        "revision_rows": revision_table(statute), "download": published_document(revision, get_language()),
    })


@require_GET
@visitor_language
def public_export(request, statute_id, fmt):
    """The stored public copy; until a worker has written it (after approval), 404 as for any missing file."""
    statute = public_statute_get(statute_id)
    document = published_document(statute.in_force_today, get_language())
    if fmt not in FORMATS or document is None or not getattr(document, fmt):
        raise Http404
    return document_file_response(document, fmt)
