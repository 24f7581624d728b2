"""The shipped default templates: a kind's layout written as a DOCX with docxtpl's tags.

`manage.py build_default_templates` writes them to <kind>_<language>.docx in the folder the kind
registered (core/documents/kinds.py), where they are kept in the repository; the office downloads
them as a starting point.
"""

import struct
import zlib
from contextlib import contextmanager
from datetime import datetime
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from core.documents.kinds import KINDS
from core.documents.layout import (
    FIRST_LINE_INDENT,
    LOGO_GAP,
    LOGO_NAME,
    MAX_DEPTH,
    Columns,
    Fields,
    Grid,
    Items,
    Logo,
    Outline,
    PageHeader,
    Paragraph,
    Table,
)

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# A fixed date keeps rebuilt files from differing in their properties only.
BUILT_ON = datetime(2026, 1, 1)


def default_path(kind: str, language: str) -> Path:
    return KINDS[kind].defaults / f"{kind}_{language}.docx"


def default_template(kind: str, language: str) -> bytes:
    return default_path(kind, language).read_bytes()


def build_default(kind: str, language: str) -> bytes:
    document = Document()
    for section in document.sections:
        # A4, as the PDF (python-docx starts from US Letter).
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    # The Turkish rules for official correspondence ask for Times New Roman, 12 pt.
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "Köprü"
    properties.created = properties.modified = BUILT_ON
    properties.revision = 1
    beside_logo = False
    for block in KINDS[kind].layout(language):
        # As the PDF does: the head's centred lines go beside the logo, whatever follows them below it.
        if beside_logo and not (isinstance(block, Paragraph) and block.align == "center"):
            _below_logo(document)
            beside_logo = False
        _WRITE[type(block)](document, block)
        beside_logo = beside_logo or isinstance(block, Logo)
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def _paragraph(document, block: Paragraph) -> None:
    if block.when:
        document.add_paragraph(f"{{%p if {block.when} %}}")
    paragraph = document.add_paragraph()
    paragraph.alignment = ALIGN[block.align]
    if block.space_before:
        paragraph.paragraph_format.space_before = Pt(12)
    if block.indent:
        paragraph.paragraph_format.first_line_indent = Mm(FIRST_LINE_INDENT)
    paragraph.add_run(block.text).bold = block.bold
    if block.when:
        document.add_paragraph("{%p endif %}")


def _columns(document, block: Columns) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = block.left
    right.text = block.right
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _fields(document, block: Fields) -> None:
    with _condition(document, block.when):
        table = _grid(document, cols=2)
        for label, value in block.rows:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(label).bold = True
            cells[1].text = value
        _widths(table, (Cm(5), Cm(11.5)))


def _items(document, block: Items) -> None:
    document.add_paragraph(f"{{%p for item in {block.source} %}}")
    document.add_paragraph(block.text)
    if block.empty:
        document.add_paragraph("{%p else %}")
        document.add_paragraph(block.empty)
    document.add_paragraph("{%p endfor %}")


def _table(document, block: Table) -> None:
    with _condition(document, block.when):
        table = _grid(document, cols=len(block.headers))
        for cell, header in zip(table.add_row().cells, block.headers, strict=True):
            cell.paragraphs[0].add_run(header).bold = True
        table.add_row().cells[0].text = f"{{%tr for row in {block.source} %}}"
        for cell, text in zip(table.add_row().cells, block.cells, strict=True):
            cell.text = text
        table.add_row().cells[0].text = "{%tr else %}"
        empty = table.add_row().cells
        empty[0].merge(empty[-1]).text = block.empty
        table.add_row().cells[0].text = "{%tr endfor %}"


def _columns_grid(document, block: Grid) -> None:
    """docxtpl's `{%tc %}` repeats a cell for each column; `{%tr %}` a row for each row."""
    table = _grid(document, cols=3)
    heading = table.add_row().cells
    heading[0].text = f"{{%tc for column in {block.columns} %}}"
    heading[1].paragraphs[0].add_run("{{ column }}").bold = True
    heading[2].text = "{%tc endfor %}"
    table.add_row().cells[0].text = f"{{%tr for row in {block.rows} %}}"
    body = table.add_row().cells
    body[0].text = "{%tc for cell in row %}"
    body[1].text = "{{ cell }}"
    body[2].text = "{%tc endfor %}"
    table.add_row().cells[0].text = "{%tr endfor %}"
    document.add_paragraph(f"{{%p if not {block.rows} %}}")
    document.add_paragraph(block.empty)
    document.add_paragraph("{%p endif %}")


def _outline(document, block: Outline) -> None:
    """One paragraph per clause; a chain of conditions gives each depth its own indentation."""
    document.add_paragraph(f"{{%p for row in {block.source} %}}")
    document.add_paragraph("{%p if row.section %}")
    heading = document.add_paragraph()
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.keep_with_next = True
    heading.add_run("{{ row.number }} {{ row.text }}").bold = True
    for depth in range(MAX_DEPTH + 1):
        document.add_paragraph(f"{{%p elif row.depth == {depth} %}}" if depth < MAX_DEPTH else "{%p else %}")
        clause = document.add_paragraph("{{ row.number }} {{ row.text }}")
        clause.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        clause.paragraph_format.left_indent = Cm(0.75 * depth)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")


def _placeholder_png() -> bytes:
    """One transparent pixel: the picture the engine replaces with the office's logo or takes out."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)  # 1 × 1, eight bits per channel, RGBA
    pixel = zlib.compress(b"\0" + b"\0\0\0\0")  # no filter, then red, green, blue and alpha of nothing
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixel) + chunk(b"IEND", b"")


def _logo(document, block: Logo) -> None:
    """A picture named LOGO_NAME at the left margin, the text to its right (square wrapping), in a paragraph one
    point high so that the head's lines start where they do without a logo."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(1)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run()
    run.font.size = Pt(1)
    inline = run.add_picture(BytesIO(_placeholder_png()), height=Mm(block.height))._inline
    inline.graphic.graphicData.pic.nvPicPr.cNvPr.set("name", LOGO_NAME)
    inline.docPr.set("name", LOGO_NAME)
    anchor = OxmlElement("wp:anchor", attrs={
        "distT": "0", "distB": str(Mm(LOGO_GAP)), "distL": "0", "distR": str(Mm(LOGO_GAP)), "simplePos": "0",
        "relativeHeight": "1", "behindDoc": "0", "locked": "0", "layoutInCell": "1", "allowOverlap": "1"})
    simple = OxmlElement("wp:simplePos", attrs={"x": "0", "y": "0"})
    anchor.append(simple)
    for axis, relative in (("H", "margin"), ("V", "paragraph")):
        position = OxmlElement(f"wp:position{axis}", attrs={"relativeFrom": relative})
        offset = OxmlElement("wp:posOffset")
        offset.text = "0"
        position.append(offset)
        anchor.append(position)
    anchor.append(inline.extent)
    anchor.append(OxmlElement("wp:effectExtent", attrs={"l": "0", "t": "0", "r": "0", "b": "0"}))
    anchor.append(OxmlElement("wp:wrapSquare", attrs={"wrapText": "right"}))
    anchor.append(inline.docPr)
    anchor.append(OxmlElement("wp:cNvGraphicFramePr"))
    anchor.append(inline.graphic)
    inline.getparent().replace(inline, anchor)


def _below_logo(document) -> None:
    """A paragraph one point high whose line break clears the logo: what follows starts below the picture even when
    the lines beside it end higher. Word and LibreOffice wrap paragraphs around the picture but lay a table (the
    number and date) over it. Where nothing floats beside it, the break costs a point more."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing = Pt(1)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run()
    run.font.size = Pt(1)
    run._r.append(OxmlElement("w:br", attrs={qn("w:type"): "textWrapping", qn("w:clear"): "all"}))


def _page_header(document, block: PageHeader) -> None:
    """The document-control table in the page header, so Word repeats it and counts the pages; docxtpl fills the
    header as it fills the body, so a condition around the table keeps it out when it does not hold."""
    section = document.sections[0]
    header = section.header
    header.is_linked_to_previous = False
    # Word wants a paragraph in every header: this one stays, whether the table does or not.
    header.paragraphs[0].text = ""
    if block.when:
        header.add_paragraph(f"{{%p if {block.when} %}}")
    rows = len(block.rows) + 1
    table = header.add_table(rows=rows, cols=3, width=Cm(16.5))
    table.style = document.styles["Table Grid"]
    left = table.cell(0, 0).merge(table.cell(rows - 1, 0))
    for index, line in enumerate(block.left):
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = True
    for index, (label, value) in enumerate(block.rows):
        table.cell(index, 1).paragraphs[0].add_run(label).bold = True
        table.cell(index, 2).text = value
    table.cell(rows - 1, 1).paragraphs[0].add_run(block.page_label).bold = True
    page = table.cell(rows - 1, 2).paragraphs[0]
    _field(page, "PAGE", "1")
    page.add_run(" / ")
    _field(page, "NUMPAGES", "1")
    _widths(table, (Cm(8.5), Cm(4.5), Cm(3.5)))
    if block.when:
        header.add_paragraph("{%p endif %}")


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (page number, page count) that the word processor keeps up to date."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


@contextmanager
def _condition(document, when: str):
    """Paragraphs of their own around what appears only when `when` holds."""
    if when:
        document.add_paragraph(f"{{%p if {when} %}}")
    yield
    if when:
        document.add_paragraph("{%p endif %}")


def _grid(document, *, cols: int):
    table = document.add_table(rows=0, cols=cols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT  # on the text's margin, as the rules for correspondence place tables
    return table


def _widths(table, widths) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


_WRITE = {Paragraph: _paragraph, Columns: _columns, Fields: _fields, Items: _items, Table: _table,
          Grid: _columns_grid, Outline: _outline, PageHeader: _page_header, Logo: _logo}
