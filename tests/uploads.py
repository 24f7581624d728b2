"""Small files for upload tests: the least bytes each format's content check accepts."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(content: bytes = PDF, name: str = "protocol.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def zipped(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


DOCX = zipped({
    "[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" ContentType="application/'
                           b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "word/document.xml": b"<w:document/>",
})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"})
XLSX = zipped({
    "[Content_Types].xml": b'<Types><Override PartName="/xl/workbook.xml" ContentType="application/'
                           b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
})


def assert_refused(response, code: str, *words: str, field: str | None = None) -> None:
    """A 400 in the API's error shape: the code, a message with each of the words and, given a field, the
    message on that field."""
    assert response.status_code == 400, response.content[:300]
    error = response.json()["error"]
    assert error["code"] == code
    assert all(word in error["message"] for word in words), error["message"]
    if field is not None:
        assert error["fields"] == {field: [error["message"]]}
