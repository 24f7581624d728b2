"""Uploaded files are checked by what they contain, not by what they are called.

`check_upload(upload, allowed={PDF, PNG}, max_mb=10, refusal=...)` returns the content
type of an acceptable file and otherwise raises a ServiceError with a stable code:
`file_empty`, `file_too_large` or `file_type` (its message is the caller's `refusal`,
which names what that upload may be). DOCX and ODT are ZIP files, so a ZIP passes only
when its manifest says it is a word-processing document (an XLSX or a ZIP of anything
else does not). `stored_file_response` serves a kept upload back as a download.
"""

import zipfile

from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils.translation import gettext

from kopru.errors import ServiceError

PDF, DOCX, DOC, ODT, PNG, JPEG = "pdf", "docx", "doc", "odt", "png", "jpeg"
DOCX_MAIN_PART = b"wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DOC: "application/msword",
    ODT: ODT_MIMETYPE.decode(),
    PNG: "image/png",
    JPEG: "image/jpeg",
}
SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    # The OLE2 compound file of Word 97–2003.
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", DOC),
)
ZIP_MAGIC = b"PK\x03\x04"


def _zip_kind(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names and DOCX_MAIN_PART in archive.read("[Content_Types].xml"):
                return DOCX
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return ODT
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def file_kind(upload) -> str | None:
    """PDF, DOCX, DOC, ODT, PNG or JPEG as the file's first bytes tell it; None for anything else."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(upload)
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)


def check_upload(upload, *, allowed: set[str], max_mb: int, refusal: str, field: str = "file") -> str:
    """The content type of an acceptable upload; a ServiceError naming `field` otherwise."""
    if not upload.size:
        message = gettext("The file is empty.")
        raise ServiceError("file_empty", message, fields={field: [message]})
    if upload.size > max_mb * 1024 * 1024:
        message = gettext("The file is larger than %(megabytes)d MB.") % {"megabytes": max_mb}
        raise ServiceError("file_too_large", message, fields={field: [message]})
    kind = file_kind(upload)
    if kind not in allowed:
        message = str(refusal)
        raise ServiceError("file_type", message, fields={field: [message]})
    return CONTENT_TYPES[kind]


def stored_file_response(stored: FieldFile, *, content_type: str | None = None) -> FileResponse:
    """A kept upload as an attachment under its own file name."""
    return FileResponse(stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/", 1)[-1],
                        content_type=content_type)
