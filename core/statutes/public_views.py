"""The statutes in force, on the university's host for anyone (no sign-in), in the visitor's language.

Only the revision in force is ever shown or exported here: drafts, revisions in approval
and statutes never put in force answer 404, exactly as a missing id does.
"""

from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from core.agreements.publishing_views import visitor_language
from core.documents.models import GeneratedDocument
from core.documents.responses import document_file_response
from core.documents.services import FORMATS
from core.documents.statute import statute_export
from core.statutes.models import Revision, Statute
from core.statutes.selectors import clause_tree, public_statute_get, public_statutes, revision_table

# Visitors download the same file until the document changes or this long has passed:
# generating one per visit would store a new version at every click.
EXPORT_REUSE_SECONDS = 6 * 3600


@require_GET
@visitor_language
def public_list(request):
    return render(request, "statutes/public_list.html", {"statutes": public_statutes()})


@require_GET
@visitor_language
def public_detail(request, statute_id):
    statute = public_statute_get(statute_id)
    return render(request, "statutes/public_detail.html", {
        "statute": statute, "revision": statute.in_force_today, "nodes": clause_tree(statute.in_force_today),
        "revision_rows": revision_table(statute),
    })


def _published_document(statute: Statute, revision: Revision, language: str, fmt: str) -> GeneratedDocument:
    key = (f"statute-export:{connection.schema_name}:{revision.pk}:{revision.in_force_from}:"
           f"{statute.updated_at.timestamp()}:{language}:{fmt}")
    document = GeneratedDocument.objects.filter(pk=cache.get(key) or 0).first()
    if document is None:
        document = statute_export(revision=revision, language=language, fmt=fmt)
        cache.set(key, document.pk, EXPORT_REUSE_SECONDS)
    return document


@require_GET
@visitor_language
def public_export(request, statute_id, fmt):
    statute = public_statute_get(statute_id)
    if fmt not in FORMATS:
        raise Http404
    return document_file_response(_published_document(statute, statute.in_force_today, get_language(), fmt), fmt)
