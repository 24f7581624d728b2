"""The body's tree: each line by its label, unlabelled lines by the rules the package's docstring lists,
and the lines that belong nowhere (page numbers, running headers)."""

import re
from dataclasses import dataclass, field

from core.statutes.parser.labels import (
    ARTICLE,
    BOUNDARY_STYLES,
    BULLET,
    CHAPTER,
    CLAUSE,
    DECIMAL,
    HEADING,
    LEAD_IN,
    LETTER,
    LIST_STYLES,
    PARAGRAPH,
    PAREN,
    PAREN_NUMBER,
    ROMAN,
    SECTION,
    SECTION_STYLES,
    TEMPORARY_WORDS,
    decimal_parts,
    is_caps,
    is_heading_text,
    is_short,
    label_key,
    next_line,
    ordinal_of,
    roman_of,
    style_of,
)


@dataclass
class Node:
    kind: str  # SECTION or CLAUSE
    number: str  # as written: "7.1.", "ç)", "II.", "·"; "" for headings and paragraphs
    text: str
    style: str
    children: list["Node"] = field(default_factory=list)



class _TreeBuilder:
    """The stack of open levels: chapters, Roman sections, headings, lead-ins, articles and numbered items.

    Paragraphs never open a level. An article takes the heading line written above it ("Amaç") as its
    text; what follows its label on the line becomes its first child when it is a "(1)" or "a)", or
    when the article already has a heading.
    """

    def __init__(self):
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.last: Node | None = None  # the node the next continuation line belongs to
        self.heading = ""  # an article heading waiting for its article
        self.awaiting_body: Node | None = None  # a headed article whose text starts on the next line

    def children_of_top(self) -> list[Node]:
        return self.stack[-1].children if self.stack else self.roots

    def add(self, node: Node, *, opens: bool) -> None:
        self.children_of_top().append(node)
        if opens:
            self.stack.append(node)
        self.last = node
        self.awaiting_body = None

    def pop_to(self, keep) -> None:
        """Close levels until the one on top satisfies `keep` (or none is left)."""
        while self.stack and not keep(self.stack[-1]):
            self.stack.pop()

    def numbered(self, style: str, number: str, text: str) -> None:
        node = Node(kind=CLAUSE, number=number, text=text, style=style)
        if style == DECIMAL and len(decimal_parts(number)) > 1:
            parent = decimal_parts(number)[:-1]
            if any(open_.style == DECIMAL and decimal_parts(open_.number) == parent for open_ in self.stack):
                self.pop_to(lambda open_: open_.style == DECIMAL and decimal_parts(open_.number) == parent)
                self.add(node, opens=True)
                return
        sibling = None if self._opens_sublist(node) else self.open_sibling(node)
        if sibling is not None:
            self.pop_to(lambda open_: open_ is sibling)
            self.stack.pop()
        self.add(node, opens=True)

    def _opens_sublist(self, node: Node) -> bool:
        """"2. … Начальник:" then "1.": a list that starts again under an item ending with ":" is its own."""
        top = self.stack[-1] if self.stack else None
        return (top is not None and top is self.last and top.style == node.style and top.text.endswith(":")
                and _FIRST_LABEL.match(node.number) is not None)

    def open_sibling(self, node: Node) -> Node | None:
        """The open item of the same style and depth, looked for up to the nearest section or article."""
        for open_ in reversed(self.stack):
            if open_.style == node.style and _same_level(open_, node):
                return open_
            if open_.style in BOUNDARY_STYLES:
                return None
        return None

    def section(self, style: str, number: str, text: str) -> None:
        node = Node(kind=SECTION, number=number, text=text, style=style)
        if style in (ROMAN, CHAPTER):
            self.stack.clear()
        elif style == HEADING:
            self.pop_to(lambda open_: open_.style in (ROMAN, CHAPTER))
        else:  # a lead-in sits under the heading or Roman section it belongs to
            self.pop_to(lambda open_: open_.style in (ROMAN, CHAPTER, HEADING))
        self.add(node, opens=True)

    def article(self, number: str, text: str) -> None:
        heading, self.heading = self.heading, ""
        self.pop_to(lambda open_: open_.style in (ROMAN, CHAPTER, HEADING))
        node = Node(kind=CLAUSE, number=number, text=heading, style=ARTICLE)
        self.add(node, opens=True)
        inner = style_of(text) if text else None
        if inner and inner[0] in (PAREN_NUMBER, PAREN, LETTER, DECIMAL):
            self.numbered(*inner)  # "MADDE 1 – (1) Bu Yönergenin amacı …"
        elif text and heading:
            self.paragraph(text)
        elif text:
            node.text = text
            if is_heading_text(text):  # "Article 2 – Definitions": the article's own heading, its text below
                self.awaiting_body = node
        elif heading:
            self.awaiting_body = node

    def paragraph(self, text: str) -> None:
        self.add(Node(kind=CLAUSE, number="", text=text, style=PARAGRAPH), opens=False)

    def close_list(self, text: str) -> None:
        """A sentence after a list belongs to the list's parent: a paragraph of it, after the items."""
        item = self.last
        if item in self.stack:
            self.pop_to(lambda open_: open_ is item)
            self.stack.pop()
        self.paragraph(text)

    def join(self, text: str, *, separator: str = " ") -> None:
        last = self.last
        last.text = f"{last.text.rstrip()}{separator}{text}".strip() if last.text else text


_FIRST_LABEL = re.compile(r"^\(?(?:1|a|а)[.)]$")


def _same_level(open_: Node, node: Node) -> bool:
    """Decimal items are siblings at the same depth ("7.1" and "7.2"); letters and bullets at any."""
    return node.style != DECIMAL or len(decimal_parts(open_.number)) == len(decimal_parts(node.number))


def build_tree(lines: list[str], *, skip: frozenset[int] = frozenset()) -> list[Node]:
    """The tree of the body's lines; the indexes in `skip` (page headers, stray numbers) are left out."""
    builder = _TreeBuilder()
    after_blank = True
    filled = [index for index, line in enumerate(lines) if line and index not in skip]
    following = dict(zip(filled, [*filled[1:], None], strict=True))
    for index, line in enumerate(lines):
        if not line:
            after_blank = True
            continue
        if index in skip:
            continue
        ahead = following[index]
        _read_line(builder, line, after_blank, lines[ahead] if ahead is not None else "")
        after_blank = False
    _settle(builder.roots)
    return builder.roots


def _read_line(builder: _TreeBuilder, line: str, after_blank: bool, next_line: str) -> None:
    styled = style_of(line)
    if styled and not after_blank and _goes_on(builder, *styled):
        builder.join(line)  # "… Kanununun" / "4. maddesinin (c) bendi": a sentence broken before a number
    elif styled:
        _read_marked(builder, *styled)
    elif line.startswith(":") and builder.last is not None:
        builder.join(line[1:].strip(), separator=": ")
    else:
        _read_unmarked(builder, line, after_blank, next_line)


def _goes_on(builder: _TreeBuilder, style: str, number: str, text: str) -> bool:
    """A label that only looks like one: a number or letter in lower-case running text, after a line that did not
    end a sentence, which no open list of its kind expects (a list's first label always starts one)."""
    last = builder.last
    if style not in (DECIMAL, LETTER, PAREN, PAREN_NUMBER) or last is None or not text[:1].islower():
        return False
    if style == DECIMAL and len(decimal_parts(number)) > 1 or _FIRST_LABEL.match(number):
        return False
    ended = last.text.rstrip().endswith((".", ":", ";", "!", "?")) or not last.text
    return not ended and builder.open_sibling(Node(kind=CLAUSE, number=number, text=text, style=style)) is None


def _read_marked(builder: _TreeBuilder, style: str, number: str, text: str) -> None:
    if style in (ROMAN, CHAPTER):
        builder.section(style, number, text)
    elif style == ARTICLE:
        builder.article(number, text)
    else:
        builder.numbered(style, number, text)


def _read_unmarked(builder: _TreeBuilder, line: str, after_blank: bool, next_line: str) -> None:
    """A line without a label, by the first rule that fits (the module's docstring lists them)."""
    last = builder.last
    if last is not None and not last.text:
        builder.join(line)  # the text of a label alone on its line ("BİRİNCİ BÖLÜM", then its title)
    elif builder.awaiting_body is not None:
        builder.paragraph(line)  # "Amaç / MADDE 1 –" and the article's text on the next line
    elif _is_article_heading(line, next_line):
        builder.heading = line
    elif last is not None and line[0].islower():
        builder.join(line)  # a sentence going on
    elif is_caps(line):
        builder.section(HEADING, "", line)
    elif line.endswith(":") and after_blank:
        builder.section(LEAD_IN, "", line)
    elif is_short(line) and after_blank:
        builder.section(HEADING, "", line)
    elif _closes_list(last, line):
        builder.close_list(line)
    elif not after_blank and last is not None and last.kind == CLAUSE:
        builder.join(line)
    else:
        builder.paragraph(line)


def _is_article_heading(line: str, next_line: str) -> bool:
    """A short line right above an article's label is its heading ("Amaç", "Yürürlük", "Purpose")."""
    following = style_of(next_line) if next_line else None
    return bool(following and following[0] == ARTICLE and is_heading_text(line))


def _closes_list(last: Node | None, line: str) -> bool:
    """A capitalised sentence after a list item that ended a sentence closes the list (see the docstring)."""
    return (last is not None and last.style in LIST_STYLES and line[0].isupper()
            and last.text.rstrip().endswith((".", ";")))


def _settle(nodes: list[Node]) -> None:
    """Numbered items whose text is a heading in capitals ("6. İŞ GEREKLERİ") are sections too."""
    for node in nodes:
        if node.style not in SECTION_STYLES and node.number and node.style not in (BULLET, ARTICLE) \
                and is_caps(node.text.rstrip(":")) and ": " not in node.text:
            node.kind = SECTION
        _settle(node.children)


# Lines that belong nowhere --------------------------------------------------------------------

# A page's label, alone on its line: "- 3 -", "Sayfa 2 / 5", "Page 3 of 9", "Стр. 4", "5-бет", "2/7".
_PAGE_MARK = re.compile(
    r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:sayfa|page|стр\.?|страница|бет|барак)\s*\d{1,4}(?:\s*(?:/|of|из)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:/|of|из)\s*\d{1,4}|\d{1,4}-(?:бет|барак))$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
REPEATED_MAX_WORDS = 12
PAGE_NUMBER_MAX_START = 20  # an excerpt may start on a later page


def noise_lines(lines: list[str]) -> frozenset[int]:
    """Indexes of page labels, page numbers and running headers (a short unlabelled line met twice or more)."""
    counts: dict[str, int] = {}
    for line in lines:
        if line:
            counts[line] = counts.get(line, 0) + 1
    repeated = {index for index, line in enumerate(lines) if line and counts[line] > 1
                and len(line.split()) <= REPEATED_MAX_WORDS and not style_of(line)
                and not _is_article_heading(line, next_line(lines, index))}
    return frozenset(repeated | _page_numbers(lines) |
                     {index for index, line in enumerate(lines) if _PAGE_MARK.match(line)})


def _page_numbers(lines: list[str]) -> set[int]:
    """Bare numbers counting pages (2, 3, 4 … in order); other bare numbers are a table's cells and stay."""
    bare = [(index, int(line)) for index, line in enumerate(lines) if _BARE_NUMBER.match(line)]
    counting = bare and bare[0][1] <= PAGE_NUMBER_MAX_START and all(later == earlier + 1 for (_, earlier), (_, later)
                                                 in zip(bare, bare[1:], strict=False))
    return {index for index, _ in bare} if counting else set()



# Walking the tree --------------------------------------------------------------------------------

def walk(nodes: list[Node], depth: int = 0):
    """(depth, node) in document order."""
    for node in nodes:
        yield depth, node
        yield from walk(node.children, depth + 1)


def shape(nodes: list[Node]) -> list[tuple[int, str]]:
    """What two language versions of one text must share: each node's depth and number (any bullet is "•",
    a chapter its ordinal in Roman numerals, an article "§" and its number: "MADDE 3" ~ "3-берене." ~ "Article 3")."""
    return [(depth, _shape_number(node)) for depth, node in walk(nodes)]


def _shape_number(node: Node) -> str:
    if node.style == BULLET:
        return "•"
    ordinal = ordinal_of(node.number) if node.style in (CHAPTER, ARTICLE) else None
    if ordinal is None:
        return node.number
    if node.style == CHAPTER:
        return roman_of(ordinal)
    temporary = re.match(rf"(?:{TEMPORARY_WORDS})\s", node.number)
    return f"§{ordinal}" + (f" {label_key(temporary.group(0))}" if temporary else "")
