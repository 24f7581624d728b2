"""Draw a document's layout as a PDF with the context's values, in DejaVu Sans (Turkish and Cyrillic)."""

from pathlib import Path

from django.conf import settings
from fpdf import FPDF
from fpdf.fonts import FontFace
from jinja2 import Environment, StrictUndefined

from core.documents.layout import Block, Columns, Fields, Items, Paragraph, Table

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
# Plain text out, not XML: nothing to escape.
TEXT_ENVIRONMENT = Environment(undefined=StrictUndefined, autoescape=False)  # noqa: S701
LINE = 6  # mm
ALIGN = {"left": "L", "center": "C", "right": "R", "justify": "J"}


def render_pdf(blocks: list[Block], context: dict, *, title: str, language: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    # Compressed streams are smaller; tests turn compression off to read the text back.
    pdf.set_compression(getattr(settings, "KOPRU_PDF_COMPRESS", True))
    pdf.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("Köprü")
    pdf.add_page()
    pdf.set_font(FONT, size=11)
    for block in blocks:
        _DRAW[type(block)](pdf, block, context)
    return bytes(pdf.output())


def _fill(text: str, context: dict) -> str:
    return TEXT_ENVIRONMENT.from_string(text).render(context) if "{" in text else text


def _value(expression: str, context: dict):
    return TEXT_ENVIRONMENT.compile_expression(expression, undefined_to_none=False)(**context)


def _paragraph(pdf: FPDF, block: Paragraph, context: dict) -> None:
    if block.when and not _value(block.when, context):
        return
    if block.space_before:
        pdf.ln(LINE / 2)
    pdf.set_font(FONT, "B" if block.bold else "", 11)
    pdf.multi_cell(0, LINE, _fill(block.text, context), align=ALIGN[block.align], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)


def _columns(pdf: FPDF, block: Columns, context: dict) -> None:
    half = pdf.epw / 2
    pdf.cell(half, LINE, _fill(block.left, context))
    pdf.cell(half, LINE, _fill(block.right, context), align="R", new_x="LMARGIN", new_y="NEXT")


def _fields(pdf: FPDF, block: Fields, context: dict) -> None:
    with pdf.table(col_widths=(35, 65), first_row_as_headings=False, line_height=LINE) as table:
        for label, value in block.rows:
            row = table.row()
            row.cell(label, style=FontFace(emphasis="BOLD"))
            row.cell(_fill(value, context))


def _items(pdf: FPDF, block: Items, context: dict) -> None:
    elements = list(_value(block.source, context) or [])
    for index, element in enumerate(elements, start=1):
        text = _fill(block.text, {**context, "item": element, "loop": {"index": index}})
        pdf.multi_cell(0, LINE, text, new_x="LMARGIN", new_y="NEXT")
    if not elements and block.empty:
        pdf.multi_cell(0, LINE, _fill(block.empty, context), new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, block: Table, context: dict) -> None:
    elements = list(_value(block.source, context) or [])
    with pdf.table(line_height=LINE) as table:
        heading = table.row()
        for header in block.headers:
            heading.cell(header)
        for element in elements:
            row = table.row()
            for cell in block.cells:
                row.cell(_fill(cell, {**context, "row": element}))
        if not elements:
            table.row().cell(_fill(block.empty, context), colspan=len(block.headers))


_DRAW = {Paragraph: _paragraph, Columns: _columns, Fields: _fields, Items: _items, Table: _table}
