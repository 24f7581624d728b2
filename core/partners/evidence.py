"""Evidence of a YÖK recognition check: a PDF, PNG or JPEG of at most 10 MB, told by its first bytes.

The name of the file says nothing: a renamed file is refused for what it contains.
"""

from django.utils.translation import gettext

from kopru.errors import ServiceError

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
SIGNATURES = {b"%PDF-": "pdf", b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


def evidence_kind(upload, *, field: str = "evidence") -> str:
    """The kind, "pdf", "png" or "jpeg"; a ServiceError naming `field` when the file is too large or none of them."""
    if upload.size > MAX_EVIDENCE_BYTES:
        message = gettext("The file is larger than %(megabytes)d MB.") % {
            "megabytes": MAX_EVIDENCE_BYTES // (1024 * 1024)}
        raise ServiceError("file_too_large", message, fields={field: [message]})
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    kind = next((kind for magic, kind in SIGNATURES.items() if head.startswith(magic)), None)
    if kind is None:
        message = gettext("Upload the evidence as a PDF, PNG or JPEG file; this file is none of them.")
        raise ServiceError("file_type", message, fields={field: [message]})
    return kind
