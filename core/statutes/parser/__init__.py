"""A statute or job description as plain text (pasted, or a .txt file) → a tree of sections and clauses.

Pure functions, no database. `parse_document(text)` reads the text in five passes:

1. Normalise each line (to NFC): "[image: …]" placeholders and markdown "**bold**" markers go,
   tabs and non-breaking spaces become spaces, runs of spaces one space (labels.py).
2. Split the document in three: the front matter (letterhead, document-control table,
   approval block, title), the body, and the back matter (revision table, signatures).
   The front matter ends with the paragraph of its last recognised line (or at the next
   labelled line, in text pasted without blank lines), provided that comes before the first
   labelled line; the back matter starts at the first revision-table or signature label after
   the body has begun that stands on its own (after a finished sentence, and not an article's
   heading). CONTROL_RULES, REVISION_TABLE_STEMS, SIGNATURE_STEMS and TITLE_ENDINGS say what is
   recognised, in Turkish, English, Russian and Kyrgyz (control.py).
3. Read the document control from the front and back matter (`DocumentControl`).
4. Build the body's tree (tree.py). Each line is classified by LINE_STYLES (first match wins):
   - chapters ("BİRİNCİ BÖLÜM", "ЭКИНЧИ БӨЛҮМ", "1-бөлүм.", "Глава 1.", "Раздел II", "Chapter 1",
     "Part 1") and Roman "II." headings are sections at the top; a chapter's title may follow
     on the next line;
   - articles ("MADDE 1 –", "Madde 1-", "GEÇİCİ MADDE 1 –", "1-берене.", "Статья 1.", "Article 1",
     "Section 1", "§ 1") sit in the open chapter. A short line right above an article's label is
     its heading ("Amaç", "Yürürlük") and becomes its text; so does a short title after the label
     ("Статья 2. Цели …", "Article 2 – Definitions"). The rest of the label's line becomes the
     article's first child when it is a "(1)" or "a)", or when the article has a heading;
   - "7.1." / "7.1" nests under the open "7."; "(1)" paragraphs, "1." "2." and "1)" items, letters
     "a)" "(a)" … "ç)" … "ı)" "i)" "а)" and bullets ("·" "•" "o" "—" "–" "-") become siblings of
     the nearest open item of the same style within their article or section, or children of the
     item, article or heading open above them. A list that starts again ("1.", "a)") right under an
     item of its style ending with ":" is that item's own. A label followed by lower-case text right
     after a line that did not end a sentence ("… Kanununun" / "4. maddesinin (c) bendi …") goes on
     with that sentence, unless an open list expects it or it is a list's first label ("1.", "a)").
   Unlabelled lines are, in this order:
   - ": text" — the rest of the line above (a label on its own line, then its text);
   - text under a label that has none yet ("a)" or "BİRİNCİ BÖLÜM" alone, its text on the next line);
   - the first line after a headed article's label — the article's text, as a paragraph of it;
   - short, right above an article's label — that article's heading;
   - a line starting in lower case — the continuation of the clause above, even across a blank;
   - CAPITALS — a heading (a section at the top, or under the open chapter or Roman section);
   - ending with ":" after a blank line — a lead-in ("Начальник:") whose list follows under it;
   - short (≤ 8 words, no closing punctuation) after a blank line — a heading;
   - a closing sentence: starting with a capital letter right after a list item ("a)", "1)",
     a bullet) whose text ends with "." or ";" — it belongs to the list's parent, as a paragraph
     after the items ("(1) … belgeler istenir: a) … b) … c) … ." then "Bu belgeler … teslim
     edilir." is the last child of "(1)", not part of "c)");
   - right under a clause's line — its continuation (lines broken in mid-sentence are joined,
     so text pasted without blank lines reads as it was written); otherwise a paragraph of its own.
   Paragraphs never open a level: bullets after one belong to the item or heading above.
5. List what was placed nowhere (`Unplaced`, with its line number): lines of the front and back
   matter the document control does not read (a letterhead), page labels ("Sayfa 2 / 5", "- 3 -"),
   bare numbers counting pages, and short lines repeated in the body (running headers).

Numbers are kept as written, repeated ones too (seed 000 has 7.16 twice).
"""

from dataclasses import dataclass, field

from core.statutes.parser.control import (
    DocumentControl,
    Person,
    RevisionEntry,
    control_lines,
    parse_date,
    read_control,
    split_matter,
)
from core.statutes.parser.jobs import JOB_LABELS, job_fields, job_paths, job_value
from core.statutes.parser.labels import (
    ARTICLE,
    BULLET,
    CHAPTER,
    CLAUSE,
    DECIMAL,
    HEADING,
    LEAD_IN,
    LETTER,
    LINE_STYLES,
    PARAGRAPH,
    PAREN,
    PAREN_NUMBER,
    ROMAN,
    SECTION,
    label_key,
    normalise_lines,
)
from core.statutes.parser.tree import Node, build_tree, noise_lines, shape, walk

__all__ = [
    "ARTICLE", "BULLET", "CHAPTER", "CLAUSE", "DECIMAL", "HEADING", "JOB_LABELS", "LEAD_IN", "LETTER", "LINE_STYLES",
    "PAREN", "PAREN_NUMBER", "PARAGRAPH", "ROMAN", "SECTION", "DocumentControl", "Node", "ParsedDocument", "Person",
    "RevisionEntry", "Unplaced", "build_tree", "job_fields", "job_paths", "job_value", "label_key",
    "normalise_lines", "parse_date", "parse_document", "shape", "walk",
]


@dataclass
class Unplaced:
    """A line the parser put nowhere (a letterhead, a page number, a running header), for the person to place."""

    line: int  # 1-based, in the text as given
    text: str


@dataclass
class ParsedDocument:
    nodes: list[Node]
    control: DocumentControl
    unplaced: list[Unplaced] = field(default_factory=list)
    control_lines: list[int] = field(default_factory=list)  # 1-based: the lines read as document control


def parse_document(text: str) -> ParsedDocument:
    lines = normalise_lines(text)
    start, end = split_matter(lines)
    matter = [*range(0, start), *range(end, len(lines))]
    noise = noise_lines(lines[start:end])
    nodes = build_tree(lines[start:end], skip=noise)
    control = read_control(lines, matter)
    control.title = control.title or _body_title(nodes)
    used = control_lines(lines, matter)
    left = sorted({index for index in matter if lines[index] and index not in used} |
                  {start + index for index in noise})
    return ParsedDocument(nodes=nodes, control=control,
                          unplaced=[Unplaced(line=index + 1, text=lines[index]) for index in left],
                          control_lines=sorted(index + 1 for index in used if lines[index]))


def _body_title(nodes: list[Node]) -> str:
    """Without a title line: the first heading ("About Us"), or the position a job description names."""
    if nodes and nodes[0].style == HEADING:
        return nodes[0].text
    return job_fields(nodes).get("position", "")
