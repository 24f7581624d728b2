"""Uploaded files are checked by what they contain, not by what they are called, and stored under Köprü's names.

`check_upload(upload, allowed={PDF, PNG}, max_mb=10, refusal=...)` returns the content
type of an acceptable file and otherwise raises a ServiceError with a stable code:
`file_empty`, `file_too_large` or `file_type` (its message is the caller's `refusal`,
which names what that upload may be), or one of `check_archive`'s. DOCX and ODT are ZIP
files, so a ZIP passes only when its manifest says it is a word-processing document (an
XLSX or a ZIP of anything else does not), and only once `check_archive` has found it
within the KOPRU_ARCHIVE_* bounds. `stored_upload` gives a checked upload the name it is
stored under; `stored_file_response` serves a kept upload back as a download.
"""

import uuid
import zipfile
import zlib
from urllib.parse import quote

from django.conf import settings
from django.core.files import File
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils.translation import gettext

from i18n.text import ascii_text
from kopru.errors import ErrorCode, ServiceError
from kopru.text import clean_text


class UploadError(ErrorCode):
    """Why an upload is refused."""

    ARCHIVE_ENTRIES = "archive_entries"
    ARCHIVE_ENTRY_TOO_LARGE = "archive_entry_too_large"
    ARCHIVE_RATIO = "archive_ratio"
    ARCHIVE_TOO_LARGE = "archive_too_large"
    FILE_EMPTY = "file_empty"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE = "file_type"

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
# The name a kept file is stored under ends with the extension of the content found in it.
EXTENSIONS = {PDF: "pdf", DOCX: "docx", DOC: "doc", ODT: "odt", PNG: "png", JPEG: "jpg"}
KINDS = {content_type: kind for kind, content_type in CONTENT_TYPES.items()}

MB = 1024 * 1024
# An entry smaller than this costs little to unpack whatever its ratio (small XML parts reach 20 or more).
RATIO_FROM = MB
# What OOXML and ODF files use. Others (bzip2, LZMA) can turn a few KB into gigabytes in one step.
ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
CHUNK = 64 * 1024
MANIFEST_MAX = MB  # of [Content_Types].xml or mimetype, read to tell DOCX and ODT
# A damaged archive, or one in a form Köprü does not unpack.
ARCHIVE_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, EOFError, zlib.error,
                  NotImplementedError, RuntimeError)


def _refuse(code: UploadError, message: str, field: str | None) -> ServiceError:
    return ServiceError(code, message, fields={field: [message]} if field else None)


def _check_entry(size: int, packed: int, total: int, field: str | None) -> None:
    """Refuse an entry of `size` bytes unpacked from `packed`, `total` being the archive's so far."""
    if size > settings.KOPRU_ARCHIVE_MAX_ENTRY_MB * MB:
        raise _refuse(UploadError.ARCHIVE_ENTRY_TOO_LARGE, gettext(
            "A part of this file unpacks to more than %(megabytes)d MB, more than Köprü reads.")
            % {"megabytes": settings.KOPRU_ARCHIVE_MAX_ENTRY_MB}, field)
    if total > settings.KOPRU_ARCHIVE_MAX_TOTAL_MB * MB:
        raise _refuse(UploadError.ARCHIVE_TOO_LARGE, gettext(
            "This file unpacks to more than %(megabytes)d MB, more than Köprü reads.")
            % {"megabytes": settings.KOPRU_ARCHIVE_MAX_TOTAL_MB}, field)
    if size > RATIO_FROM and size > settings.KOPRU_ARCHIVE_MAX_RATIO * max(packed, 1):
        raise _refuse(UploadError.ARCHIVE_RATIO, gettext(
            "A part of this file unpacks to more than %(ratio)d times its packed size; documents and "
            "tables do not, so the file is refused.") % {"ratio": settings.KOPRU_ARCHIVE_MAX_RATIO}, field)


def check_archive(archive: zipfile.ZipFile, *, field: str | None = None) -> None:
    """Refuse an archive that would cost more than the KOPRU_ARCHIVE_* bounds to unpack.

    The directory is checked first, so a bomb is refused before any of it is unpacked. Its
    sizes are the sender's word, so every entry is then unpacked once, in chunks, counting
    what comes out against the same bounds (zipfile also stops an entry at its declared size
    and fails its checksum when the data would go on). A ServiceError naming the bound
    refuses it; a damaged archive raises one of ARCHIVE_ERRORS.
    """
    entries = archive.infolist()
    if len(entries) > settings.KOPRU_ARCHIVE_MAX_ENTRIES:
        raise _refuse(UploadError.ARCHIVE_ENTRIES, gettext("This file is made of more than %(count)d parts, more than "
                                                 "Köprü reads.") % {"count": settings.KOPRU_ARCHIVE_MAX_ENTRIES},
                      field)
    total = 0
    for entry in entries:
        if entry.compress_type not in ZIP_METHODS or entry.flag_bits & 0x1:  # bit 0: encrypted
            raise zipfile.BadZipFile(f"{entry.filename}: compression {entry.compress_type} is not read")
        total += entry.file_size
        _check_entry(entry.file_size, entry.compress_size, total, field)
    total = 0
    for entry in entries:
        size = 0
        with archive.open(entry) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                total += len(chunk)
                _check_entry(size, entry.compress_size, total, field)


def _read_bounded(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as stream:
        return stream.read(MANIFEST_MAX)


def _zip_kind(upload, field: str) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            check_archive(archive, field=field)
            names = set(archive.namelist())
            if "[Content_Types].xml" in names and DOCX_MAIN_PART in _read_bounded(archive, "[Content_Types].xml"):
                return DOCX
            if "mimetype" in names and _read_bounded(archive, "mimetype").strip() == ODT_MIMETYPE:
                return ODT
    except ARCHIVE_ERRORS:
        return None
    finally:
        upload.seek(0)
    return None


def file_kind(upload, *, field: str = "file", open_archives: bool = True) -> str | None:
    """PDF, DOCX, DOC, ODT, PNG or JPEG as the file's first bytes tell it; None for anything else.

    A ZIP file is opened only when `open_archives` says it may be a DOCX or ODT; one over the
    KOPRU_ARCHIVE_* bounds raises check_archive's ServiceError, naming `field`.
    """
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(upload, field) if open_archives else None
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)


def check_upload(upload, *, allowed: set[str], max_mb: int, refusal: str, field: str = "file") -> str:
    """The content type of an acceptable upload; a ServiceError naming `field` otherwise."""
    if not upload.size:
        message = gettext("The file is empty.")
        raise ServiceError(UploadError.FILE_EMPTY, message, fields={field: [message]})
    if upload.size > max_mb * 1024 * 1024:
        message = gettext("The file is larger than %(megabytes)d MB.") % {"megabytes": max_mb}
        raise ServiceError(UploadError.FILE_TOO_LARGE, message, fields={field: [message]})
    kind = file_kind(upload, field=field, open_archives=bool(allowed & {DOCX, ODT}))
    if kind not in allowed:
        message = str(refusal)
        raise ServiceError(UploadError.FILE_TYPE, message, fields={field: [message]})
    return CONTENT_TYPES[kind]


def stored_upload(upload, content_type: str) -> File:
    """A checked upload (`content_type` is what check_upload found) under the name it is to be stored with.

    The name is Köprü's: random, with the extension of the content. The sender's file name
    may carry a path, a misleading extension ("evil.php.docx") or characters a storage
    refuses, so it is kept, where at all, only as a title to show.
    """
    return File(upload, name=f"{uuid.uuid4().hex}.{EXTENSIONS[KINDS[content_type]]}")


def content_disposition(filename: str) -> str:
    """An attachment's header naming the file in full (RFC 6266 and 5987: "Protokol-Iğdır.pdf" keeps its letters)
    with an ASCII name before it for a client that reads only that ("Protokol-Igdir.pdf")."""
    fallback = "".join(char if char.isprintable() and char not in '"\\' else "_" for char in ascii_text(filename))
    if fallback == filename:
        return f'attachment; filename="{filename}"'
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def attachment_response(content, *, filename: str, content_type: str | None = None) -> FileResponse:
    """A file (an open file or an iterable of bytes) as a download named `filename`, whatever its letters."""
    response = FileResponse(content, as_attachment=True, filename=filename, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    return response


def stored_file_response(stored: FieldFile, *, content_type: str | None = None,
                         title: str = "") -> FileResponse:
    """A kept upload as an attachment, named by its `title` (with the stored file's extension) or its stored name."""
    filename = stored.name.rsplit("/", 1)[-1]
    if title:
        extension = filename.rsplit(".", 1)[-1]
        title = clean_text(title).strip()
        filename = title if title.lower().endswith(f".{extension}") else f"{title}.{extension}"
    return attachment_response(stored.open("rb"), filename=filename, content_type=content_type)
