"""The building blocks of a document's layout, shared by the default DOCX and the PDF.

A kind of document describes its page once, as a list of blocks whose texts carry
Jinja placeholders; defaults.py turns the list into the default DOCX template (with
docxtpl's loop tags) and pdf.py draws the same list with the values filled in. So the
PDF mirrors the default DOCX without a word processor on the server.
"""

from dataclasses import dataclass

from core.documents.texts import TEXTS


@dataclass(frozen=True)
class Paragraph:
    text: str
    when: str = ""  # a Jinja condition: the paragraph appears only when it holds
    align: str = "left"  # left, center, right or justify
    bold: bool = False
    space_before: bool = False
    indent: bool = False  # a first-line indent, as Turkish, Kyrgyz and Russian letters set their text


FIRST_LINE_INDENT = 12.5  # mm


@dataclass(frozen=True)
class Columns:
    """One line with a text at the left margin and one at the right (number and date)."""

    left: str
    right: str


@dataclass(frozen=True)
class Fields:
    """A two-column table of labels and values."""

    rows: tuple[tuple[str, str], ...]
    when: str = ""


@dataclass(frozen=True)
class Items:
    """One paragraph per element of a list in the context, which the text calls `item`."""

    source: str
    text: str = "{{ item }}"
    empty: str = ""


@dataclass(frozen=True)
class Table:
    """A table with a heading row and one row per element of a list in the context, called `row`."""

    source: str
    headers: tuple[str, ...]
    cells: tuple[str, ...]
    empty: str
    when: str = ""


@dataclass(frozen=True)
class Grid:
    """A table whose columns come from the context too: a heading per column, then the rows' cells."""

    columns: str
    rows: str
    empty: str


@dataclass(frozen=True)
class Outline:
    """Numbered sections and clauses, one paragraph each, indented by their depth in the text.

    Each element of the list has `number`, `text`, `depth` (0 at the left margin, at most
    MAX_DEPTH) and `section` (a heading, set in bold).
    """

    source: str


MAX_DEPTH = 4


@dataclass(frozen=True)
class PageHeader:
    """The document-control table at the head of every page (seed 002): the institution and the
    title at the left, labelled values at the right, the last row "page n / N"."""

    left: tuple[str, ...]
    rows: tuple[tuple[str, str], ...]
    page_label: str
    when: str = ""  # a Jinja condition: no table on any page unless it holds


@dataclass(frozen=True)
class Logo:
    """The office's logo at the top left of the head, the head's centred lines to its right; nothing without one.

    The default DOCX carries a transparent picture named LOGO_NAME in its place, which the engine
    replaces with the office's logo (or takes out); an office's own template gets the logo where it
    keeps a picture of that name.
    """

    height: float = 20  # mm; the width follows the logo's proportions


LOGO_NAME = "letterhead-logo.png"
LOGO_GAP = 3  # mm between the logo and the text beside it


Block = Paragraph | Columns | Fields | Items | Table | Grid | Outline | PageHeader | Logo


def letterhead(language: str, *, numbered: bool) -> list[Block]:
    """The head of every document: the office's logo if it has one, beside it the state line where the country's
    letters have one ("T.C."), the institution and the office's unit in capitals, then number and date, and the
    subject."""
    texts = TEXTS[language]
    return [
        Logo(),
        Paragraph("{{ letterhead.state }}", align="center", bold=True, when="letterhead.state"),
        Paragraph("{{ letterhead.institution }}", align="center", bold=True),
        Paragraph("{{ letterhead.unit }}", align="center", bold=True),
        Columns(texts["number"] if numbered else "", "{{ document.date }}" if numbered else texts["date"]),
        Paragraph(texts["subject"]),
    ]


def signature(*, above: str = "") -> list[Block]:
    """The signature block at the right margin, optionally under a word such as "Prepared by": the name, "Rektör a."
    when signed on someone's behalf, and the title."""
    lines = [Paragraph(above, align="right", space_before=True)] if above else []
    return [
        *lines,
        Paragraph("{{ signatory.name }}", align="right", bold=True, space_before=not above),
        Paragraph("{{ signatory.on_behalf }}", align="right", when="signatory.on_behalf"),
        Paragraph("{{ signatory.title }}", align="right", when="signatory.title"),
    ]


def footer() -> list[Block]:
    """The foot of a letter: the office's address and how to reach it, and whom to ask."""
    return [
        Paragraph("{{ letterhead.contacts }}", when="letterhead.contacts", space_before=True),
        Paragraph("{{ letterhead.ask }}", when="letterhead.ask"),
    ]
