"""Files of the document engine as HTTP downloads, for the pages and the API alike."""

from io import BytesIO

from django.http import FileResponse, Http404
from django.utils.text import slugify

from core.documents.engine import DOCX_CONTENT_TYPE
from core.documents.models import GeneratedDocument
from kopru import uploads

CONTENT_TYPES = {kind: uploads.CONTENT_TYPES[kind] for kind in (uploads.DOCX, uploads.PDF)}


def document_file_response(document: GeneratedDocument, file_format: str) -> FileResponse:
    stored = getattr(document, file_format) if file_format in CONTENT_TYPES else None
    if not stored:  # a large statute's export is made in the one format asked for
        raise Http404
    name = f"{document_file_name(document)}.{file_format}"
    return uploads.attachment_response(stored.open("rb"), filename=name, content_type=CONTENT_TYPES[file_format])


def document_file_name(document: GeneratedDocument) -> str:
    """A name that says what the document is and tells it from any other: its number when it has one (a letter's
    "Sayı"), its title, its version; in the title's own letters ("iğdır-üniversitesi"), which the download's header
    carries with an ASCII name beside them."""
    parts = [slugify(document.number, allow_unicode=True), slugify(document.title, allow_unicode=True)[:80]
             or document.kind, f"v{document.version}"]
    return "-".join(part for part in parts if part)


def docx_response(content: bytes, name: str) -> FileResponse:
    return uploads.attachment_response(BytesIO(content), filename=name, content_type=DOCX_CONTENT_TYPE)
