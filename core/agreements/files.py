"""Agreement documents are checked by what they contain, not by what they are called.

Accepted: PDF, Word (DOCX, and DOC from older offices), OpenDocument text, PNG and
JPEG scans. DOCX and ODT are ZIP files, so a ZIP passes only when its manifest says
it is a word-processing document (an XLSX or a ZIP of anything else does not).
"""

import zipfile

from django.conf import settings
from django.utils.translation import gettext

from kopru.errors import ServiceError

DOCX_MAIN_PART = b"wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "odt": ODT_MIMETYPE.decode(),
    "png": "image/png",
    "jpeg": "image/jpeg",
}
SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    # The OLE2 compound file of Word 97–2003.
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
)
ZIP_MAGIC = b"PK\x03\x04"


def max_upload_bytes() -> int:
    return settings.KOPRU_MAX_UPLOAD_MB * 1024 * 1024


def _zip_kind(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names and DOCX_MAIN_PART in archive.read("[Content_Types].xml"):
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def _kind_of(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(upload)
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)


def document_content_type(upload, *, field: str = "file") -> str:
    """The content type of an acceptable document; a ServiceError naming `field` otherwise."""
    if not upload.size:
        message = gettext("The file is empty.")
        raise ServiceError("file_empty", message, fields={field: [message]})
    if upload.size > max_upload_bytes():
        message = gettext("The file is larger than %(megabytes)d MB.") % {"megabytes": settings.KOPRU_MAX_UPLOAD_MB}
        raise ServiceError("file_too_large", message, fields={field: [message]})
    kind = _kind_of(upload)
    if kind is None:
        message = gettext("Upload a PDF, DOCX, DOC, ODT, PNG or JPEG file; this file is none of them.")
        raise ServiceError("file_type", message, fields={field: [message]})
    return CONTENT_TYPES[kind]
