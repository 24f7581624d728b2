"""The shipped default templates: a kind's layout written as a DOCX with docxtpl's tags.

`manage.py build_default_templates` writes them to core/documents/defaults/<kind>_<language>.docx,
where they are kept in the repository; the office downloads them as a starting point.
"""

from datetime import datetime
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from core.documents.kinds import KINDS
from core.documents.layout import Columns, Fields, Items, Paragraph, Table

DEFAULTS_DIR = Path(__file__).resolve().parent / "defaults"
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# A fixed date keeps rebuilt files from differing in their properties only.
BUILT_ON = datetime(2026, 1, 1)


def default_path(kind: str, language: str) -> Path:
    return DEFAULTS_DIR / f"{kind}_{language}.docx"


def default_template(kind: str, language: str) -> bytes:
    return default_path(kind, language).read_bytes()


def build_default(kind: str, language: str) -> bytes:
    document = Document()
    for section in document.sections:
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
    for block in KINDS[kind].layout(language):
        _WRITE[type(block)](document, block)
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


def _grid(document, *, cols: int):
    table = document.add_table(rows=0, cols=cols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    return table


def _widths(table, widths) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


_WRITE = {Paragraph: _paragraph, Columns: _columns, Fields: _fields, Items: _items, Table: _table}
