"""Draw a document's layout as a PDF with the context's values.

The text is set in Tinos, metric-compatible with Times New Roman, which Turkey's rules for official
correspondence ask for and the DOCX templates use: the PDF and the DOCX break their lines alike. Tinos
covers Turkish, Kyrgyz and Russian; characters it lacks (symbols in a partner's name) come from DejaVu Sans.
"""

import re
from collections.abc import Callable
from functools import cache
from io import BytesIO
from pathlib import Path

from django.conf import settings
from fontTools import subset, ttLib
from fpdf import FPDF
from fpdf.fonts import FontFace, SubsetMap, TTFFont

from core.documents.layout import (
    FIRST_LINE_INDENT,
    LOGO_GAP,
    MAX_DEPTH,
    Block,
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
from core.documents.sandbox import plain_data, sandboxed_environment

FONTS = Path(__file__).resolve().parent / "fonts"
FONT, FALLBACK = "Tinos", "DejaVu"
# (family, style): file. Tinos is merged from the Latin and Cyrillic files of @fontsource/tinos 5.3.0.
FONT_FILES = {(FONT, ""): "Tinos-Regular.ttf", (FONT, "B"): "Tinos-Bold.ttf",
              (FALLBACK, ""): "DejaVuSans.ttf", (FALLBACK, "B"): "DejaVuSans-Bold.ttf"}
FONT_SIZE = 12  # pt, as the rules ask
MM_PER_POINT = 25.4 / 72
# The scripts the documents are written in and their partners' names may use: Latin, Greek,
# Cyrillic, Armenian, Georgian, punctuation and common symbols. DejaVu has about 6,000 glyphs;
# these are about a third of them, and each PDF parses and subsets only that much.
UNICODE_RANGES = ((0x20, 0x58F), (0x10A0, 0x10FF), (0x1E00, 0x1FFF), (0x2000, 0x22FF), (0x2460, 0x24FF),
                  (0x2500, 0x27BF), (0xFB00, 0xFB06))
# Plain text out, not XML: nothing to escape. The layouts are Köprü's own, but the values are
# the office's, and one environment for every template keeps one set of rules.
TEXT_ENVIRONMENT = sandboxed_environment(autoescape=False)
LINE = 6  # mm
INDENT = 7  # mm per level of an outline
ALIGN = {"left": "L", "center": "C", "right": "R", "justify": "J"}
# Tables on the text's margin with their cells set flush left (fpdf2 justifies cells unless told).
TABLE_ALIGN = {"align": "LEFT", "text_align": "LEFT"}

Progress = Callable[[int], None]


class _Document(FPDF):
    """An A4 page that repeats the document-control table, if the layout has one, at the head of each page."""

    def __init__(self, context: dict, logo: bytes | None):
        super().__init__(format="A4")
        self.context = context
        self.page_header: PageHeader | None = None
        self.logo = logo
        self.beside_logo: tuple[float, float] | None = None  # (the left margin before it, the logo's foot)

    def header(self):
        if self.page_header and _shown(self.page_header.when, self.context):
            _draw_page_header(self, self.page_header, self.context)


def render_pdf(blocks: list[Block], context: dict, *, title: str, language: str,
               progress: Progress | None = None, logo: bytes | None = None) -> bytes:
    """The PDF; `progress` hears the percentage drawn so far (an outline counts each of its clauses). `logo`, the
    office's PNG or JPEG, is drawn where the layout has a Logo block; it never passes through the context."""
    context = plain_data(context)
    pdf = _Document(context, logo)
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    # Compressed streams are smaller; tests turn compression off to read the text back.
    pdf.set_compression(getattr(settings, "KOPRU_PDF_COMPRESS", True))
    for family, style in FONT_FILES:
        font = _font(pdf, family, style)
        pdf.fonts[font.fontkey] = font
    pdf.set_fallback_fonts([FALLBACK])
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("Köprü")
    pdf.page_header = next((block for block in blocks if isinstance(block, PageHeader)), None)
    pdf.set_font(FONT, size=FONT_SIZE)
    pdf.add_page()
    report = _Reporter(blocks, context, progress)
    for block in blocks:
        if not (isinstance(block, Paragraph) and block.align == "center"):
            _clear_logo(pdf)
        _DRAW[type(block)](pdf, block, context, report)
        report.advance()
    _clear_logo(pdf)
    return bytes(pdf.output())


def pdf_page_count(content: bytes) -> int:
    """The number of pages of a PDF this module wrote (its page objects are never compressed)."""
    return len(re.findall(rb"/Type /Page\b(?!s)", content))


class _Reporter:
    """Turns blocks and outline clauses drawn into a percentage, told only when it moves."""

    def __init__(self, blocks: list[Block], context: dict, listener: Progress | None):
        self.listener = listener
        outlines = sum(len(_value(block.source, context) or []) for block in blocks if isinstance(block, Outline))
        self.total = max(len(blocks) + outlines, 1)
        self.done = 0
        self.told = -1

    def advance(self) -> None:
        self.done += 1
        percent = min(100, self.done * 100 // self.total)
        if self.listener and percent != self.told:
            self.told = percent
            self.listener(percent)


# Fonts: parsing DejaVu takes longer than drawing a letter, so each process does it once.


@cache
def _trimmed_font(family: str, style: str) -> bytes:
    """The font cut to UNICODE_RANGES, without the layout tables a PDF without text shaping never reads."""
    font = ttLib.TTFont(FONTS / FONT_FILES[family, style], recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM"]
    options.name_IDs = ["*"]
    options.glyph_names = True
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for first, last in UNICODE_RANGES for code in range(first, last + 1)])
    subsetter.subset(font)
    output = BytesIO()
    font.save(output)
    return output.getvalue()


@cache
def _parsed_font(family: str, style: str) -> TTFFont:
    """The font's metrics and character map, parsed once and shared by every PDF."""
    return TTFFont(FPDF(), BytesIO(_trimmed_font(family, style)), f"{family.lower()}{style}", style)


def _font(pdf: FPDF, family: str, style: str) -> TTFFont:
    """The shared parse with the state of one PDF of its own: the glyphs it uses and a font file to subset.

    fpdf2 subsets the font file in place when it writes the PDF, so each PDF opens its own
    (cheap: the tables are read when the subsetter asks for them), while widths and the
    character map, which no PDF changes, are shared.
    """
    parsed = _parsed_font(family, style)
    font = TTFFont.__new__(TTFFont)
    for slot in TTFFont.__slots__:
        if hasattr(parsed, slot):
            setattr(font, slot, getattr(parsed, slot))
    font.i = len(pdf.fonts) + 1
    font.ttfont = ttLib.TTFont(BytesIO(_trimmed_font(family, style)), recalcTimestamp=False, lazy=True)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    return font


# Drawing.


def _fill(text: str, context: dict) -> str:
    return TEXT_ENVIRONMENT.from_string(text).render(context) if "{" in text else text


def _value(expression: str, context: dict):
    return TEXT_ENVIRONMENT.compile_expression(expression, undefined_to_none=False)(**context)


def _shown(when: str, context: dict) -> bool:
    return not when or bool(_value(when, context))


def _paragraph(pdf: FPDF, block: Paragraph, context: dict, report: _Reporter) -> None:
    if not _shown(block.when, context):
        return
    if block.space_before:
        pdf.ln(LINE / 2)
    pdf.set_font(FONT, "B" if block.bold else "", FONT_SIZE)
    text = _fill(block.text, context)
    if block.indent:
        # fpdf2 indents a first line only in its text regions; the line height is a factor of the font's size there.
        region = pdf.text_columns(text_align=ALIGN[block.align], line_height=LINE / (FONT_SIZE * MM_PER_POINT))
        with region, region.paragraph(first_line_indent=FIRST_LINE_INDENT) as paragraph:
            paragraph.write(text)
    else:
        pdf.multi_cell(0, LINE, text, align=ALIGN[block.align], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", FONT_SIZE)


def _columns(pdf: FPDF, block: Columns, context: dict, report: _Reporter) -> None:
    half = pdf.epw / 2
    pdf.cell(half, LINE, _fill(block.left, context))
    pdf.cell(half, LINE, _fill(block.right, context), align="R", new_x="LMARGIN", new_y="NEXT")


def _fields(pdf: FPDF, block: Fields, context: dict, report: _Reporter) -> None:
    if not _shown(block.when, context):
        return
    with pdf.table(col_widths=(35, 65), first_row_as_headings=False, line_height=LINE, **TABLE_ALIGN) as table:
        for label, value in block.rows:
            row = table.row()
            row.cell(label, style=FontFace(emphasis="BOLD"))
            row.cell(_fill(value, context))


def _items(pdf: FPDF, block: Items, context: dict, report: _Reporter) -> None:
    elements = list(_value(block.source, context) or [])
    for index, element in enumerate(elements, start=1):
        text = _fill(block.text, {**context, "item": element, "loop": {"index": index}})
        pdf.multi_cell(0, LINE, text, new_x="LMARGIN", new_y="NEXT")
    if not elements and block.empty:
        pdf.multi_cell(0, LINE, _fill(block.empty, context), new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, block: Table, context: dict, report: _Reporter) -> None:
    if not _shown(block.when, context):
        return
    elements = list(_value(block.source, context) or [])
    with pdf.table(line_height=LINE, **TABLE_ALIGN) as table:
        heading = table.row()
        for header in block.headers:
            heading.cell(header)
        for element in elements:
            row = table.row()
            for cell in block.cells:
                row.cell(_fill(cell, {**context, "row": element}))
        if not elements:
            table.row().cell(_fill(block.empty, context), colspan=len(block.headers))


def _grid(pdf: FPDF, block: Grid, context: dict, report: _Reporter) -> None:
    columns = [str(column) for column in _value(block.columns, context)]
    rows = list(_value(block.rows, context) or [])
    with pdf.table(line_height=LINE, **TABLE_ALIGN) as table:
        heading = table.row()
        for column in columns:
            heading.cell(column)
        for element in rows:
            row = table.row()
            for cell in element:
                row.cell(str(cell))
        if not rows:
            table.row().cell(_fill(block.empty, context), colspan=len(columns))


def _outline(pdf: FPDF, block: Outline, context: dict, report: _Reporter) -> None:
    for element in _value(block.source, context) or []:
        indent = min(element["depth"], MAX_DEPTH) * INDENT
        if element["section"]:
            pdf.ln(LINE / 2)
        pdf.set_font(FONT, "B" if element["section"] else "", FONT_SIZE)
        pdf.set_x(pdf.l_margin + indent)
        text = f"{element['number']} {element['text']}".strip()
        pdf.multi_cell(pdf.epw - indent, LINE, text, align="J" if not element["section"] else "L",
                       new_x="LMARGIN", new_y="NEXT")
        report.advance()
    pdf.set_font(FONT, "", FONT_SIZE)


def _logo(pdf: _Document, block: Logo, context: dict, report: _Reporter) -> None:
    """The logo at the left margin; the centred lines that follow are set to its right, as Word wraps text
    around the default DOCX's picture, and what comes after them starts below it."""
    if not pdf.logo:
        return
    top = pdf.get_y()
    image = pdf.image(BytesIO(pdf.logo), x=pdf.l_margin, y=top, h=block.height)
    pdf.beside_logo = (pdf.l_margin, top + block.height)
    pdf.set_left_margin(pdf.l_margin + image.rendered_width + LOGO_GAP)
    pdf.set_xy(pdf.l_margin, top)


def _clear_logo(pdf: _Document) -> None:
    if pdf.beside_logo:
        margin, foot = pdf.beside_logo
        pdf.beside_logo = None
        pdf.set_left_margin(margin)
        pdf.set_xy(margin, max(pdf.get_y(), foot + LOGO_GAP))


def _page_header(pdf: FPDF, block: PageHeader, context: dict, report: _Reporter) -> None:
    """Drawn by the page itself (see _Document.header), at the head of every page."""


def _draw_page_header(pdf: FPDF, block: PageHeader, context: dict) -> None:
    pdf.set_font(FONT, "", 9)
    rows = [(label, _fill(value, context)) for label, value in block.rows]
    rows.append((block.page_label, f"{pdf.page_no()} / {pdf.str_alias_nb_pages}"))
    left = "\n".join(_fill(line, context) for line in block.left)
    with pdf.table(col_widths=(90, 40, 35), first_row_as_headings=False, line_height=5, **TABLE_ALIGN) as table:
        for index, (label, value) in enumerate(rows):
            row = table.row()
            if index == 0:
                row.cell(left, rowspan=len(rows), align="C", style=FontFace(emphasis="BOLD"), v_align="M")
            row.cell(label, style=FontFace(emphasis="BOLD"))
            row.cell(value)
    pdf.ln(LINE)
    pdf.set_font(FONT, "", FONT_SIZE)


_DRAW = {Paragraph: _paragraph, Columns: _columns, Fields: _fields, Items: _items, Table: _table, Grid: _grid,
         Outline: _outline, PageHeader: _page_header, Logo: _logo}
