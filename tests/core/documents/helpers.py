"""Write DOCX templates to upload, and read back what a generated document says: DOCX through python-docx,
PDF from its uncompressed streams."""

import re
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_with(*paragraphs: str, base: bytes | None = None) -> bytes:
    """A DOCX of the paragraphs, added after those of `base` if given."""
    document = Document(BytesIO(base)) if base else Document()
    for text in paragraphs:
        document.add_paragraph(text)
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def docx_upload(content: bytes, name: str = "bilgi-notu.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=DOCX)


def flat(text: str) -> str:
    """Text with every run of whitespace as one space: table cells wrap their lines."""
    return " ".join(text.split())


def docx_text(content: bytes) -> str:
    """Every paragraph and table cell of a DOCX, its page headers' first, one per line."""
    document = Document(BytesIO(content))
    headers = [section.header for section in document.sections if not section.header.is_linked_to_previous]
    lines = []
    for part in (*headers, document):
        lines += [paragraph.text for paragraph in part.paragraphs]
        lines += [cell.text for table in part.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def pdf_text(content: bytes) -> str:
    """The text an uncompressed fpdf2 PDF shows, decoded through its fonts' ToUnicode maps.

    fpdf2 writes embedded-font text as two-byte glyph codes in literal strings `(...) Tj`,
    after `/F1 11 Tf` picks the font; each font's ToUnicode map turns its codes back into
    characters. Tests generate PDFs with compression off (KOPRU_PDF_COMPRESS) so both can
    be read without a PDF library.
    """
    assert content.startswith(b"%PDF-")
    objects = {int(number): body for number, body in re.findall(rb"(\d+) 0 obj(.*?)endobj", content, re.S)}
    fonts = {}
    for resources in re.findall(rb"/Font <<(.*?)>>", content, re.S):
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", resources):
            cmap = objects[int(re.search(rb"/ToUnicode (\d+) 0 R", objects[int(number)]).group(1))]
            fonts[name] = {
                int(code, 16): bytes.fromhex(char.decode()).decode("utf-16-be")
                for code, char in re.findall(rb"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap.split(b"beginbfchar")[-1])
            }
    lines, font = [], {}
    # A page number's total is a string of its own after the line's first: `Td (1 / ) Tj (3) Tj`.
    shown = rb"/(F\d+) [\d.]+ Tf|Td \((.*?)(?<!\\)\) Tj|Td \[(.*?)\] TJ|(?<=Tj) \((.*?)(?<!\\)\) Tj"
    for name, literal, array, continued in re.findall(shown, content, re.S):
        if name:
            font = fonts[name]
            continue
        if continued:
            lines[-1] += _decode(_unescape(continued), font)
            continue
        # A justified line is an array of words and spacings: [(word) -120 (word)] TJ.
        words = [literal] if literal else re.findall(rb"\((.*?)(?<!\\)\)", array, re.S)
        lines.append(" ".join(_decode(_unescape(word), font) for word in words))
    return "\n".join(lines)


def _decode(raw: bytes, font: dict[int, str]) -> str:
    return "".join(font.get(int.from_bytes(raw[i:i + 2], "big"), "?") for i in range(0, len(raw), 2))


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(literal: bytes) -> bytes:
    def replace(match):
        escaped = match.group(1)
        if escaped[:1].isdigit():
            return bytes([int(escaped, 8)])
        return _ESCAPES.get(escaped, escaped)

    return re.sub(rb"\\([0-7]{1,3}|.)", replace, literal, flags=re.S)
