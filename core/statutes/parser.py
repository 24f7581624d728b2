"""A statute or job description as plain text (pasted, or a .txt file) → a tree of sections and clauses.

Pure functions, no database. `parse_document(text)` reads the text in four passes:

1. Normalise each line (to NFC): "[image: …]" placeholders and markdown "**bold**" markers go,
   tabs and non-breaking spaces become spaces, runs of spaces one space.
2. Split the document in three: the front matter (letterhead, document-control table,
   approval block, title), the body, and the back matter (revision table, signatures).
   The front matter ends with the paragraph of its last recognised line, provided that
   comes before the first numbered line; the back matter starts at the first revision-table
   or signature label after the body has begun. CONTROL_RULES, REVISION_TABLE_STEMS,
   SIGNATURE_STEMS and TITLE_ENDINGS say what is recognised, in Turkish, English, Russian
   and Kyrgyz.
3. Read the document control from the front and back matter (`DocumentControl`).
4. Build the body's tree. Each line is classified by LINE_STYLES (first match wins):
   Roman "II." headings are sections at the top; "7.1." / "7.1" nests under the open "7.";
   "1." "2." and "1)" items, letters "a)" … "ç)" … "ı)" "i)" and bullets ("·" "•" "o" "—"
   "–" "-") become siblings of the nearest open item of the same style, or children of the
   item or heading open above them. Unnumbered lines are, in this order:
   - ": text" — the rest of the line above (a label on its own line, then its text);
   - text under a label that has none yet ("a)" alone, its text on the next line);
   - a line starting in lower case — the continuation of the clause above, even across a blank;
   - CAPITALS — a heading (a section at the top, or under the open Roman section);
   - ending with ":" after a blank line — a lead-in ("Начальник:") whose list follows under it;
   - short (≤ 8 words, no closing punctuation) after a blank line — a heading;
   - right under a clause's line — its continuation; otherwise a paragraph of its own.
   Paragraphs never open a level: bullets after one belong to the item or heading above.

Numbers are kept as written, repeated ones too (seed 000 has 7.16 twice).
"""

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date

SECTION, CLAUSE = "section", "clause"
ROMAN, DECIMAL, PAREN, LETTER, BULLET = "roman", "decimal", "paren", "letter", "bullet"
HEADING, LEAD_IN, PARAGRAPH = "heading", "lead_in", "paragraph"
# Styles whose node is a section: it opens a level that numbered items fill.
SECTION_STYLES = frozenset({ROMAN, HEADING, LEAD_IN})

_ROMAN_NUMERAL = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_LETTERS = "a-zçğıöşüа-яёөүң"
_BULLETS = "·•‣▪●◦○■□*–—-"
# (style, pattern): the pattern's `number` is the label as written, `text` the rest of the line.
LINE_STYLES = (
    (ROMAN, re.compile(rf"^(?P<number>{_ROMAN_NUMERAL}\.)\s+(?P<text>\S.*)$")),
    (DECIMAL, re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})+\.?)(?:\s+(?P<text>.*))?$")),
    (DECIMAL, re.compile(r"^(?P<number>\d{1,3}\.)(?:\s+(?P<text>.*))?$")),
    (PAREN, re.compile(r"^(?P<number>\d{1,3}\))(?:\s*(?P<text>.*))?$")),
    (LETTER, re.compile(rf"^(?P<number>[{_LETTERS}]\))(?:\s*(?P<text>.*))?$")),
    (BULLET, re.compile(rf"^(?P<number>[{_BULLETS}]|o)\s+(?P<text>\S.*)$")),
)
HEADING_MAX_WORDS, HEADING_MAX_CHARS = 8, 80

_IMAGE = re.compile(r"\[image:[^\]]*\]", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass
class Node:
    kind: str  # SECTION or CLAUSE
    number: str  # as written: "7.1.", "ç)", "II.", "·"; "" for headings and paragraphs
    text: str
    style: str
    children: list["Node"] = field(default_factory=list)


@dataclass
class Person:
    name: str = ""
    title: str = ""


@dataclass
class RevisionEntry:
    """One row of a revision table: "01 · 07.11.2014 · Üniversite logosu güncellenmiştir."."""

    number: int
    revised_on: date | None
    description: str


@dataclass
class DocumentControl:
    title: str = ""
    document_number: str = ""
    first_published_on: date | None = None
    revised_on: date | None = None
    revision_number: int | None = None
    page_count: int | None = None
    approved_on: date | None = None
    prepared_by: Person | None = None
    approved_by: Person | None = None
    agreed_by: list[Person] = field(default_factory=list)
    revisions: list[RevisionEntry] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Plain JSON values (dates as ISO strings), for a form payload or an API answer."""
        return _jsonable(asdict(self))

    @classmethod
    def from_dict(cls, data: dict) -> "DocumentControl":
        def person(value):
            return Person(name=value.get("name", ""), title=value.get("title", "")) if value else None

        return cls(
            title=data.get("title", ""), document_number=data.get("document_number", ""),
            first_published_on=_iso(data.get("first_published_on")), revised_on=_iso(data.get("revised_on")),
            revision_number=data.get("revision_number"), page_count=data.get("page_count"),
            approved_on=_iso(data.get("approved_on")), prepared_by=person(data.get("prepared_by")),
            approved_by=person(data.get("approved_by")),
            agreed_by=[person(each) for each in data.get("agreed_by") or []],
            revisions=[RevisionEntry(number=each["number"], revised_on=_iso(each.get("revised_on")),
                                     description=each.get("description", "")) for each in data.get("revisions") or []],
        )


@dataclass
class ParsedDocument:
    nodes: list[Node]
    control: DocumentControl


def _jsonable(value):
    if isinstance(value, dict):
        return {key: _jsonable(each) for key, each in value.items()}
    if isinstance(value, list):
        return [_jsonable(each) for each in value]
    return value.isoformat() if isinstance(value, date) else value


def _iso(value) -> date | None:
    return date.fromisoformat(value) if value else None


# Normalising -----------------------------------------------------------------------------------

def normalise_lines(text: str) -> list[str]:
    lines = []
    # NFC: word processors sometimes write "ş" as "s" and a combining cedilla.
    text = unicodedata.normalize("NFC", text)
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _IMAGE.sub(" ", line).replace("**", "")
        lines.append(_SPACES.sub(" ", line).strip())
    return lines


def label_key(text: str) -> str:
    """A label compared without case, accents' dots, punctuation or extra spaces ("İlk Yayın" ~ "ilk yayın")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i")).casefold()
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[.:;,()]", " ", bare).split())


# Dates ------------------------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Month names by the start of the word, in the four languages (Kyrgyz "сентябры", Russian "сентября").
MONTHS = (
    (1, ("ocak", "jan", "январ")), (2, ("şubat", "subat", "feb", "феврал")), (3, ("mart", "mar", "март")),
    (4, ("nisan", "apr", "апрел")), (5, ("mayıs", "mayis", "may", "мая", "май", "мае")),
    (6, ("haziran", "jun", "июн")), (7, ("temmuz", "jul", "июл")), (8, ("ağustos", "agustos", "aug", "август")),
    (9, ("eylül", "eylul", "sep", "сентяб")), (10, ("ekim", "oct", "октяб")), (11, ("kasım", "kasim", "nov", "нояб")),
    (12, ("aralık", "aralik", "dec", "декаб")),
)


def parse_date(text: str) -> date | None:
    """A date as offices write it: 31.10.2025, 2025-10-31, "2023-жылдын « 1 » сентябры", "1 Eylül 2023"."""
    found = _NUMERIC_DATE.search(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
        return _date(year, month, day)
    found = _ISO_DATE.search(text)
    if found:
        year, month, day = (int(part) for part in found.groups())
        return _date(year, month, day)
    lowered = text.casefold()
    year = re.search(r"\b(\d{4})\b", lowered)
    month = next((number for number, stems in MONTHS for word in re.findall(r"[^\W\d_]+", lowered)
                  if any(word.startswith(stem) for stem in stems)), None)
    if year is None or month is None:
        return None
    day = next((int(each) for each in re.findall(r"\b(\d{1,2})\b", lowered.replace(year.group(1), " "))), None)
    return _date(int(year.group(1)), month, day) if day else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Front and back matter --------------------------------------------------------------------------

# A short line whose words start with one stem of each group is a document-control label, the
# first rule that matches naming the field; its value follows after ":" or on the next line.
CONTROL_RULES = (
    ("first_published_on", (("ilk", "first", "первого", "первой", "алгачкы", "биринчи"),
                            ("yayın", "issue", "publication", "published", "издани", "публикац", "опубликов",
                             "жарыял", "басыл"))),
    ("revised_on", (("revizyon", "revision", "пересмотр", "редакци", "ревизи", "кайра"),
                    ("tarih", "date", "дата", "күн"))),
    ("revision_number", (("revizyon", "revision", "редакци", "ревизи", "кайра"), ("no", "number", "numara",
                                                                                   "номер"))),
    ("document_number", (("doküman", "document", "документ"), ("no", "number", "numara", "номер", "code", "kod",
                                                                "код"))),
    ("page_count", (("sayfa", "page", "страниц", "бет", "барак"),)),
)
CONTROL_MAX_WORDS = 5


def _stems(groups) -> tuple:
    return tuple(tuple(label_key(stem) for stem in group) for group in groups)


_CONTROL_RULES = tuple((name, _stems(groups)) for name, groups in CONTROL_RULES)

# A revision table's title: a short line naming revisions (or changes) and a table (or history).
REVISION_TABLE_STEMS = (("revizyon", "revision", "редакци", "ревизи", "изменени", "өзгөртүү"),
                        ("tablo", "table", "history", "таблиц", "лист", "тарых"))
_REVISION_TABLE_STEMS = _stems(REVISION_TABLE_STEMS)

PREPARED, APPROVED, AGREED = "prepared", "approved", "agreed"
# A short line opening with one of these stems ("Hazırlayan", "Утверждаю:", "Agreed:") opens a signature block.
SIGNATURE_STEMS = {
    PREPARED: ("hazırlayan", "prepared", "подготов", "разработ", "даярда", "иштеп"),
    APPROVED: ("onaylayan", "onaylıyorum", "onay", "approved", "approve", "утвер", "бекит"),
    AGREED: ("agreed", "uygun", "mutabık", "согласова", "макулдаш"),
}
_SIGNATURE_STEMS = {role: tuple(label_key(stem) for stem in stems) for role, stems in SIGNATURE_STEMS.items()}
SIGNATURE_MAX_WORDS = 3
# A short sentence saying who drew the document up also opens the preparer's block (seed 004).
_PREPARED_SENTENCE = re.compile(
    r"иштелип чыкты|даярдалды|разработан[оа]?\b|подготовлен[оа]?\b|prepared by|developed by|drafted by|"
    r"hazırlanmıştır|tarafından hazırlandı", re.IGNORECASE)
_SENTENCE_MAX_WORDS = 15

# A title ends or starts with the name of its kind: "… Görev Tanımı", "… жобосу", "Положение об …".
TITLE_ENDINGS = ("görev tanımı", "görev tanımları", "yönergesi", "yönerge", "yönetmeliği", "yönetmelik",
                 "prosedürü", "jobosu", "жобосу", "жобо", "нускамасы", "нускама", "job description", "statute",
                 "statutes", "regulation", "regulations", "procedure", "положение")
TITLE_OPENINGS = ("положение", "должностная инструкция", "регламент", "устав", "statute of", "statutes of",
                  "regulation on", "regulations of", "regulations on", "regulation of", "job description of",
                  "procedure for", "procedure of")
# "К.Г. Кожобеков", "Ж. А. Айдарбекова", "K.Sh. Attokurov": initials and a surname, the way signatures are typed.
_NAME = re.compile(r"(?:[A-ZÇĞİÖŞÜА-ЯЁӨҮҢ][a-zа-я]?\.\s?){1,3}\s?[A-ZÇĞİÖŞÜА-ЯЁӨҮҢ][\w'’-]+$")


def _phrases(phrases) -> str:
    return "|".join(re.escape(label_key(phrase)) for phrase in phrases)
def _matches(words: list[str], groups) -> bool:
    return all(any(word.startswith(stem) for word in words for stem in group) for group in groups)


def _control_label(line: str) -> str | None:
    head, _, rest = line.partition(":")
    words = label_key(head if rest.strip() else line).split()
    if not words or len(words) > CONTROL_MAX_WORDS:
        return None
    return next((name for name, groups in _CONTROL_RULES if _matches(words, groups)), None)


def _signature_label(line: str) -> str | None:
    if _style_of(line):
        return None  # a numbered clause is never a signature, whatever it says
    words = label_key(line).split()
    if words and len(words) <= SIGNATURE_MAX_WORDS:
        role = next((role for role, stems in _SIGNATURE_STEMS.items()
                     if any(words[0].startswith(stem) for stem in stems)), None)
        if role:
            return role
    if len(words) <= _SENTENCE_MAX_WORDS and _PREPARED_SENTENCE.search(line):
        return PREPARED
    return None


def _is_revision_table(line: str) -> bool:
    words = label_key(line).split()
    return 0 < len(words) <= 6 and _matches(words, _REVISION_TABLE_STEMS)


def _is_title(line: str) -> bool:
    key = label_key(line)
    return ": " not in line and bool(key) and bool(_TITLE_ENDS.search(key) or _TITLE_STARTS.search(key))


_TITLE_ENDS = re.compile(rf"(?:^|\s)(?:{_phrases(TITLE_ENDINGS)})$")
_TITLE_STARTS = re.compile(rf"^(?:{_phrases(TITLE_OPENINGS)})(?:\s|$)")


def _is_date_line(line: str) -> bool:
    return len(line.split()) <= 6 and parse_date(line) is not None


def _first_numbered(lines: list[str]) -> int:
    return next((index for index, line in enumerate(lines) if _style_of(line)), len(lines))


def _paragraph_end(lines: list[str], index: int) -> int:
    while index < len(lines) and lines[index]:
        index += 1
    return index


def split_matter(lines: list[str]) -> tuple[int, int]:
    """(start, end) of the body: the lines between the front matter and the back matter."""
    limit = _first_numbered(lines)
    marks = [index for index, line in enumerate(lines[:limit]) if line and (
        _control_label(line) or _signature_label(line) or _is_revision_table(line) or _is_title(line))]
    start = 0
    if marks:
        start = _paragraph_end(lines, _matter_end(lines, marks[-1]))
    end = next((index for index in range(max(start, limit), len(lines)) if lines[index] and (
        _is_revision_table(lines[index]) or _signature_label(lines[index]))), len(lines))
    return start, end


def _matter_end(lines: list[str], index: int) -> int:
    """The last line a recognised front-matter line takes with it: a control label's value, a block's date."""
    line = lines[index]
    if _control_label(line) and ":" not in line:
        return _next_filled(lines, index + 1)
    if _signature_label(line):
        block = _block(lines, index + 1, len(lines))
        return block[-1][0] if block else index
    return index


def _next_filled(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index]:
        index += 1
    return min(index, len(lines) - 1)


def _block(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """The filled lines of a signature block: up to the next label, a title, or a date (which it takes)."""
    taken = []
    for index in range(start, end):
        line = lines[index]
        if not line:
            continue
        if _signature_label(line) or _is_revision_table(line) or _control_label(line) or _is_title(line):
            break
        taken.append((index, line))
        if _is_date_line(line):
            break
    return taken


def read_control(lines: list[str], matter: list[int]) -> DocumentControl:
    """The document control found on the given lines (those of the front and back matter)."""
    control = DocumentControl()
    wanted = set(matter)
    titles = [index for index in matter if lines[index] and _is_title(lines[index])]
    control.title = _pick_title(lines, titles) if titles else ""
    for index in matter:
        line = lines[index]
        if not line:
            continue
        name = _control_label(line)
        if name:
            value = line.partition(":")[2].strip() if ":" in line else _value_after(lines, index, wanted)
            _set_control(control, name, value)
        role = _signature_label(line)
        if role:
            _read_signatures(control, role, [each for each in _block(lines, index + 1, len(lines))
                                             if each[0] in wanted])
        if _is_revision_table(line) and not control.revisions:
            control.revisions = _revision_rows(lines, index + 1, matter)
    return control


def _pick_title(lines: list[str], indexes: list[int]) -> str:
    """The title line as people write it (not in capitals, if there is one); a lone last word takes the line above."""
    def text(index):
        line = lines[index]
        if len(line.split()) == 1 and index > 0 and lines[index - 1]:
            return f"{lines[index - 1]} {line}"
        return line

    mixed = [index for index in indexes if not _is_caps(lines[index])]
    return text((mixed or indexes)[0])


def _value_after(lines: list[str], index: int, wanted: set[int]) -> str:
    following = _next_filled(lines, index + 1)
    if following == index or following not in wanted or _control_label(lines[following]):
        return ""
    return lines[following]


def _set_control(control: DocumentControl, name: str, value: str) -> None:
    if name == "document_number":
        control.document_number = value if value.strip("-–— ") else ""
    elif name in ("first_published_on", "revised_on"):
        setattr(control, name, parse_date(value))
    elif name == "revision_number":
        control.revision_number = int(value) if value.isdigit() else None
    elif name == "page_count":
        pages = re.search(r"(\d+)\s*$", value)
        control.page_count = int(pages.group(1)) if pages else None


def _read_signatures(control: DocumentControl, role: str, block: list[tuple[int, str]]) -> None:
    lines = [line for _, line in block]
    if lines and _is_date_line(lines[-1]):
        if role == APPROVED:
            control.approved_on = parse_date(lines[-1])
        lines = lines[:-1]
    people = _people(lines)
    if role == AGREED:
        control.agreed_by = people
    elif people and role == APPROVED:
        control.approved_by = people[0]
    elif people:
        control.prepared_by = people[0]


def _people(lines: list[str]) -> list[Person]:
    """Titles (a line ending with ":" closes one) paired in order with the names typed under them."""
    titles, names, pending = [], [], []
    for line in lines:
        name = _NAME.search(line)
        if name and name.start() == 0:
            names.append(line)
            continue
        pending.append(line)
        if line.endswith(":"):
            titles.append(" ".join(pending).rstrip(": ").strip())
            pending = []
    if pending:
        joined = " ".join(pending)
        name = _NAME.search(joined)
        if name and not names:  # "… ректору проф. К.Г. Кожобеков": the name closes the title's line
            names.append(name.group(0))
            joined = joined[:name.start()]
        titles.append(joined.rstrip(": ,").strip())
    count = max(len(titles), len(names))
    titles += [""] * (count - len(titles))
    names += [""] * (count - len(names))
    return [Person(name=name, title=title) for title, name in zip(titles, names, strict=True) if title or name]


def _revision_rows(lines: list[str], start: int, matter: list[int]) -> list[RevisionEntry]:
    """Rows of number, date, description (one cell a line, as tables come out of word processors)."""
    cells = [lines[index] for index in matter if index >= start and lines[index]]
    rows, index = [], 0
    while index + 1 < len(cells):
        number, when = cells[index], cells[index + 1]
        if re.fullmatch(r"\d{1,3}", number) and parse_date(when):
            description = cells[index + 2] if index + 2 < len(cells) and not re.fullmatch(
                r"\d{1,3}", cells[index + 2]) and not _signature_label(cells[index + 2]) else ""
            rows.append(RevisionEntry(number=int(number), revised_on=parse_date(when), description=description))
            index += 3 if description else 2
        elif rows and (_signature_label(number) or _is_revision_table(number)):
            break
        else:
            index += 1
    return rows


# The body ---------------------------------------------------------------------------------------

def _style_of(line: str):
    for style, pattern in LINE_STYLES:
        found = pattern.match(line)
        if found:
            return style, found.group("number"), (found.group("text") or "").strip()
    return None


def _is_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and not any(char.islower() for char in letters)


def _is_short(text: str) -> bool:
    return (len(text.split()) <= HEADING_MAX_WORDS and len(text) <= HEADING_MAX_CHARS and text[0].isupper()
            and text[-1] not in ".,;:!?" and ": " not in text)


def _decimal_parts(number: str) -> tuple[str, ...]:
    return tuple(number.rstrip(".").split("."))


class _TreeBuilder:
    """The stack of open levels: Roman sections, headings, lead-ins and numbered items (paragraphs never open one)."""

    def __init__(self):
        self.roots: list[Node] = []
        self.stack: list[Node] = []
        self.last: Node | None = None  # the node the next continuation line belongs to

    def children_of_top(self) -> list[Node]:
        return self.stack[-1].children if self.stack else self.roots

    def add(self, node: Node, *, opens: bool) -> None:
        self.children_of_top().append(node)
        if opens:
            self.stack.append(node)
        self.last = node

    def pop_to(self, keep) -> None:
        """Close levels until the one on top satisfies `keep` (or none is left)."""
        while self.stack and not keep(self.stack[-1]):
            self.stack.pop()

    def numbered(self, style: str, number: str, text: str) -> None:
        node = Node(kind=CLAUSE, number=number, text=text, style=style)
        if style == DECIMAL and len(_decimal_parts(number)) > 1:
            parent = _decimal_parts(number)[:-1]
            if any(open_.style == DECIMAL and _decimal_parts(open_.number) == parent for open_ in self.stack):
                self.pop_to(lambda open_: open_.style == DECIMAL and _decimal_parts(open_.number) == parent)
                self.add(node, opens=True)
                return
        sibling = self._open_sibling(node)
        if sibling is not None:
            self.pop_to(lambda open_: open_ is sibling)
            self.stack.pop()
        self.add(node, opens=True)

    def _open_sibling(self, node: Node) -> Node | None:
        """The open item of the same style and depth, looked for up to the nearest section."""
        for open_ in reversed(self.stack):
            if open_.style == node.style and _same_level(open_, node):
                return open_
            if open_.style in SECTION_STYLES:
                return None
        return None

    def section(self, style: str, number: str, text: str) -> None:
        node = Node(kind=SECTION, number=number, text=text, style=style)
        if style == ROMAN:
            self.stack.clear()
        elif style == HEADING:
            self.pop_to(lambda open_: open_.style == ROMAN)
        else:  # a lead-in sits under the heading or Roman section it belongs to
            self.pop_to(lambda open_: open_.style in (ROMAN, HEADING))
        self.add(node, opens=True)

    def paragraph(self, text: str) -> None:
        self.add(Node(kind=CLAUSE, number="", text=text, style=PARAGRAPH), opens=False)

    def join(self, text: str, *, separator: str = " ") -> None:
        last = self.last
        last.text = f"{last.text.rstrip()}{separator}{text}".strip() if last.text else text


def _same_level(open_: Node, node: Node) -> bool:
    """Decimal items are siblings at the same depth ("7.1" and "7.2"); letters and bullets at any."""
    return node.style != DECIMAL or len(_decimal_parts(open_.number)) == len(_decimal_parts(node.number))


def build_tree(lines: list[str]) -> list[Node]:
    builder = _TreeBuilder()
    after_blank = True
    for line in lines:
        if not line:
            after_blank = True
            continue
        _read_line(builder, line, after_blank)
        after_blank = False
    _settle(builder.roots)
    return builder.roots


def _read_line(builder: _TreeBuilder, line: str, after_blank: bool) -> None:
    styled = _style_of(line)
    last = builder.last
    if styled:
        style, number, text = styled
        if style == ROMAN:
            builder.section(ROMAN, number, text)
        else:
            builder.numbered(style, number, text)
    elif line.startswith(":") and last is not None:
        builder.join(line[1:].strip(), separator=": ")
    elif last is not None and (not last.text or line[0].islower()):
        builder.join(line)  # the text of a label alone on its line, or a sentence going on
    elif _is_caps(line):
        builder.section(HEADING, "", line)
    elif line.endswith(":") and after_blank:
        builder.section(LEAD_IN, "", line)
    elif _is_short(line) and after_blank:
        builder.section(HEADING, "", line)
    elif not after_blank and last is not None and last.kind == CLAUSE:
        builder.join(line)
    else:
        builder.paragraph(line)


def _settle(nodes: list[Node]) -> None:
    """Numbered items whose text is a heading in capitals ("6. İŞ GEREKLERİ") are sections too."""
    for node in nodes:
        if node.style not in SECTION_STYLES and node.number and node.style != BULLET \
                and _is_caps(node.text.rstrip(":")) and ": " not in node.text:
            node.kind = SECTION
        _settle(node.children)


# The whole document -----------------------------------------------------------------------------

def parse_document(text: str) -> ParsedDocument:
    lines = normalise_lines(text)
    start, end = split_matter(lines)
    matter = [*range(0, start), *range(end, len(lines))]
    nodes = build_tree(lines[start:end])
    control = read_control(lines, matter)
    control.title = control.title or _body_title(nodes)
    return ParsedDocument(nodes=nodes, control=control)


def _body_title(nodes: list[Node]) -> str:
    """Without a title line: the first heading ("About Us"), or the position a job description names."""
    if nodes and nodes[0].style == HEADING:
        return nodes[0].text
    return job_fields(nodes).get("position", "")


def walk(nodes: list[Node], depth: int = 0):
    """(depth, node) in document order."""
    for node in nodes:
        yield depth, node
        yield from walk(node.children, depth + 1)


def shape(nodes: list[Node]) -> list[tuple[int, str]]:
    """What two language versions of one text must share: each node's depth and number (any bullet is "•")."""
    return [(depth, "•" if node.style == BULLET else node.number) for depth, node in walk(nodes)]


# Job descriptions -------------------------------------------------------------------------------

# Labelled parts of a job description (seeds 000 and 002), as "LABEL: value" or a heading over its lines.
JOB_LABELS = {
    "position": ("görev unvanı", "görev tanımı", "kadro unvanı", "job title", "position", "title of the position",
                 "должность", "наименование должности", "кызматтын аталышы", "кызмат орду"),
    "place_in_organisation": ("görev yeri", "kurum içindeki yeri", "place of work", "place in the organisation",
                              "place in the organization", "position in the institution", "место работы",
                              "место в организации", "место в структуре", "иштеген жери", "мекемедеги орду",
                              "уюмдагы орду", "иш орду"),
    "superior": ("birinci derecede sorumlu amiri", "üst makam", "first-degree superior", "immediate superior",
                 "line manager", "reports to", "superior", "непосредственный руководитель", "вышестоящее лицо",
                 "биринчи даражадагы жооптуу жетекчиси", "түз жетекчиси", "жогорку жетекчи"),
    "deputy": ("vekaleti", "vekili", "deputy", "substitute", "замещение", "заместитель", "орун басары",
               "ордун басуучу"),
    "requirements": ("iş gerekleri", "görevin gerektirdiği nitelikler", "requirements", "job requirements",
                     "qualifications", "требования", "квалификационные требования", "требования к должности",
                     "талаптар", "талаптары", "квалификациялык талаптар", "жумуштун талаптары"),
}
_JOB_BY_KEY = {label_key(label): name for name, labels in JOB_LABELS.items() for label in labels}


def job_paths(nodes: list[Node]) -> dict[str, tuple[int, ...]]:
    """Where each job-description part is, as a path of child indexes, the first of each kind."""
    found: dict[str, tuple[int, ...]] = {}

    def visit(children, path):
        for index, node in enumerate(children):
            label = node.text.partition(":")[0] if ":" in node.text else node.text
            name = _JOB_BY_KEY.get(label_key(label))
            if name and name not in found:
                found[name] = (*path, index)
            visit(node.children, (*path, index))

    visit(nodes, ())
    return found


def job_value(nodes: list[Node], path: tuple[int, ...]) -> str:
    """The part's value: the text after its label, or else the lines under it."""
    node = None
    for index in path:
        node = (node.children if node else nodes)[index]
    value = node.text.partition(":")[2].strip() if ":" in node.text else ""
    return value or "\n".join(child.text for _, child in walk(node.children) if child.text)


def job_fields(nodes: list[Node]) -> dict[str, str]:
    return {name: job_value(nodes, path) for name, path in job_paths(nodes).items()}
