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
CHAPTER, ARTICLE, PAREN_NUMBER = "chapter", "article", "paren_number"
HEADING, LEAD_IN, PARAGRAPH = "heading", "lead_in", "paragraph"
# Styles whose node is a section: it opens a level that numbered items fill.
SECTION_STYLES = frozenset({ROMAN, CHAPTER, HEADING, LEAD_IN})
# Items never look for a sibling above these: an article's "(1)" or "a)" stays in its article.
BOUNDARY_STYLES = SECTION_STYLES | {ARTICLE}
# Items a closing sentence can follow ("… istenir: a) … b) … Bu belgeler … teslim edilir.").
LIST_STYLES = frozenset({PAREN, LETTER, BULLET})

_ROMAN_NUMERAL = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_LETTERS = "a-zçğıöşüа-яёөүң"
_BULLETS = "·•‣▪●◦○■□*–—-"
# Ordinal words of chapters ("BİRİNCİ BÖLÜM", "ЭКИНЧИ БӨЛҮМ"), in capitals; title case is read too.
ORDINALS = {
    "tr": ("BİRİNCİ", "İKİNCİ", "ÜÇÜNCÜ", "DÖRDÜNCÜ", "BEŞİNCİ", "ALTINCI", "YEDİNCİ", "SEKİZİNCİ", "DOKUZUNCU",
           "ONUNCU"),
    "ky": ("БИРИНЧИ", "ЭКИНЧИ", "ҮЧҮНЧҮ", "ТӨРТҮНЧҮ", "БЕШИНЧИ", "АЛТЫНЧЫ", "ЖЕТИНЧИ", "СЕГИЗИНЧИ", "ТОГУЗУНЧУ",
           "ОНУНЧУ"),
}
CHAPTER_WORDS = ("BÖLÜM", "KISIM", "БӨЛҮМ", "ГЛАВА", "РАЗДЕЛ", "CHAPTER", "PART")
ARTICLE_WORDS = ("MADDE", "СТАТЬЯ", "ARTICLE", "SECTION")


def _title_case(word: str) -> str:
    """"BİRİNCİ" → "Birinci", "MADDE" → "Madde" (Turkish İ and I lower to i and ı)."""
    return word[0] + word[1:].replace("İ", "i").replace("I", "ı").lower()


def _any_case(words) -> str:
    forms = {form for word in words for form in (word, _title_case(word), word.capitalize(), word.lower())}
    return "|".join(sorted(forms, key=len, reverse=True))


_ORDINAL_WORDS = _any_case(word for words in ORDINALS.values() for word in words)
_CHAPTER_WORDS, _ARTICLE_WORDS = _any_case(CHAPTER_WORDS), _any_case(ARTICLE_WORDS)
_TEMPORARY = _any_case(("GEÇİCİ", "EK"))
# (style, pattern): the pattern's `number` is the label as written, `text` the rest of the line.
# After an article's label: a dot it ends with, a dash or colon, or a "(1)" that follows straight away.
_ARTICLE_REST = r"(?:(?:(?<=\.)\s*|\s*[-–—:]\s*|\s+(?=\())(?P<text>.*))?$"
_CHAPTER_REST = r"(?:\s*[-–—:]?\s*(?P<text>.*))?$"
LINE_STYLES = (
    # "BİRİNCİ BÖLÜM", "ЭКИНЧИ БӨЛҮМ"; "Глава 1. Общие положения", "Раздел II", "Chapter 1", "1-бөлүм. …"
    (CHAPTER, re.compile(rf"^(?P<number>(?:{_ORDINAL_WORDS})\s+(?:{_CHAPTER_WORDS}))(?!\w){_CHAPTER_REST}")),
    (CHAPTER, re.compile(rf"^(?P<number>(?:{_CHAPTER_WORDS})\s+(?:\d{{1,3}}|{_ROMAN_NUMERAL})(?!\w)\.?)"
                         rf"{_CHAPTER_REST}")),
    (CHAPTER, re.compile(rf"^(?P<number>\d{{1,3}}-(?:бөлүм|БӨЛҮМ|Бөлүм|глава|ГЛАВА)(?!\w)\.?){_CHAPTER_REST}")),
    # "MADDE 1 –", "Madde 1-", "GEÇİCİ MADDE 1 –", "Статья 1.", "Article 1", "Section 1", "§ 1", "1-берене."
    (ARTICLE, re.compile(rf"^(?P<number>(?:(?:{_TEMPORARY})\s+)?(?:{_ARTICLE_WORDS})\s+\d{{1,3}}(?:/[A-ZÇĞİÖŞÜ])?"
                         rf"(?!\w)\.?){_ARTICLE_REST}")),
    (ARTICLE, re.compile(rf"^(?P<number>§\s*\d{{1,3}}(?!\w)\.?){_ARTICLE_REST}")),
    (ARTICLE, re.compile(rf"^(?P<number>\d{{1,3}}-(?:берене|БЕРЕНЕ|Берене|статья)(?!\w)\.?){_ARTICLE_REST}")),
    (PAREN_NUMBER, re.compile(r"^(?P<number>\(\d{1,3}\))(?:\s*(?P<text>.*))?$")),
    (LETTER, re.compile(rf"^(?P<number>\([{_LETTERS}]\))(?:\s*(?P<text>.*))?$")),
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
    return " ".join(re.sub(r"[.:;,()\"«»“”„]", " ", bare).split())


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
    """The end of the paragraph the line starts: a blank line, or (in text pasted without blanks) a labelled one."""
    if index < len(lines) and lines[index]:
        index += 1
    while index < len(lines) and lines[index] and not _style_of(lines[index]):
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
        _is_revision_table(lines[index]) or _signature_label(lines[index])) and _stands_alone(lines, index)),
        len(lines))
    return start, end


def _stands_alone(lines: list[str], index: int) -> bool:
    """A back-matter label starts its own line of thought: not the end of a broken sentence ("… dayanılarak /
    hazırlanmıştır."), not an article's heading ("Onay / MADDE 12 –")."""
    previous = next((line for line in reversed(lines[:index]) if line), "")
    ahead = _style_of(_next_line(lines, index))
    after_sentence = (index == 0 or not lines[index - 1] or previous.endswith((".", ":", ";", "!", "?"))
                      or bool(_style_of(previous)))
    return after_sentence and not (ahead and ahead[0] in (ARTICLE, CHAPTER))


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


def control_lines(lines: list[str], matter: list[int]) -> set[int]:
    """The indexes of the front and back matter that `read_control` reads: titles, labels and their values,
    signature blocks, the revision table. The others (a letterhead, a stray note) are not placed anywhere."""
    wanted, used = set(matter), set()
    for index in matter:
        line = lines[index]
        if not line:
            continue
        if _is_title(line):
            used.update({index, index - 1} if len(line.split()) == 1 and index > 0 else {index})
            used.update({index + 1} if _title_goes_on(lines, index) else set())
        if _control_label(line):
            used.add(index)
            if ":" not in line:
                used.add(_next_filled(lines, index + 1))
        if _signature_label(line):
            used.add(index)
            used.update(each for each, _ in _block(lines, index + 1, len(lines)))
        if _is_revision_table(line):
            used.update(_revision_table_lines(lines, index, matter))
    return used & wanted


def _revision_table_lines(lines: list[str], index: int, matter: list[int]) -> set[int]:
    """The table's title and its cells, up to the next signature label or table."""
    taken = {index}
    for each in (each for each in matter if each > index and lines[each]):
        if _signature_label(lines[each]) or _is_revision_table(lines[each]):
            break
        taken.add(each)
    return taken


def _title_goes_on(lines: list[str], index: int) -> bool:
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(following) and following[0].islower() and not _style_of(following)


def _pick_title(lines: list[str], indexes: list[int]) -> str:
    """The title line as people write it (not in capitals, if there is one); a lone last word takes the line above."""
    def text(index):
        line = lines[index]
        if _title_goes_on(lines, index):  # "ПОЛОЖЕНИЕ / о международной деятельности …"
            return f"{line} {lines[index + 1]}"
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
        if style == DECIMAL and len(_decimal_parts(number)) > 1:
            parent = _decimal_parts(number)[:-1]
            if any(open_.style == DECIMAL and _decimal_parts(open_.number) == parent for open_ in self.stack):
                self.pop_to(lambda open_: open_.style == DECIMAL and _decimal_parts(open_.number) == parent)
                self.add(node, opens=True)
                return
        sibling = None if self._opens_sublist(node) else self._open_sibling(node)
        if sibling is not None:
            self.pop_to(lambda open_: open_ is sibling)
            self.stack.pop()
        self.add(node, opens=True)

    def _opens_sublist(self, node: Node) -> bool:
        """"2. … Начальник:" then "1.": a list that starts again under an item ending with ":" is its own."""
        top = self.stack[-1] if self.stack else None
        return (top is not None and top is self.last and top.style == node.style and top.text.endswith(":")
                and _FIRST_LABEL.match(node.number) is not None)

    def _open_sibling(self, node: Node) -> Node | None:
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
        inner = _style_of(text) if text else None
        if inner and inner[0] in (PAREN_NUMBER, PAREN, LETTER, DECIMAL):
            self.numbered(*inner)  # "MADDE 1 – (1) Bu Yönergenin amacı …"
        elif text and heading:
            self.paragraph(text)
        elif text:
            node.text = text
            if _is_heading_text(text):  # "Article 2 – Definitions": the article's own heading, its text below
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
    return node.style != DECIMAL or len(_decimal_parts(open_.number)) == len(_decimal_parts(node.number))


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
    styled = _style_of(line)
    if styled:
        _read_marked(builder, *styled)
    elif line.startswith(":") and builder.last is not None:
        builder.join(line[1:].strip(), separator=": ")
    else:
        _read_unmarked(builder, line, after_blank, next_line)


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
    elif _is_caps(line):
        builder.section(HEADING, "", line)
    elif line.endswith(":") and after_blank:
        builder.section(LEAD_IN, "", line)
    elif _is_short(line) and after_blank:
        builder.section(HEADING, "", line)
    elif _closes_list(last, line):
        builder.close_list(line)
    elif not after_blank and last is not None and last.kind == CLAUSE:
        builder.join(line)
    else:
        builder.paragraph(line)


def _is_article_heading(line: str, next_line: str) -> bool:
    """A short line right above an article's label is its heading ("Amaç", "Yürürlük", "Purpose")."""
    following = _style_of(next_line) if next_line else None
    return bool(following and following[0] == ARTICLE and _is_heading_text(line))


def _is_heading_text(text: str) -> bool:
    return (len(text.split()) <= HEADING_MAX_WORDS and len(text) <= HEADING_MAX_CHARS and text[0].isupper()
            and text[-1] not in ".,;!?")


def _closes_list(last: Node | None, line: str) -> bool:
    """A capitalised sentence after a list item that ended a sentence closes the list (see the docstring)."""
    return (last is not None and last.style in LIST_STYLES and line[0].isupper()
            and last.text.rstrip().endswith((".", ";")))


def _settle(nodes: list[Node]) -> None:
    """Numbered items whose text is a heading in capitals ("6. İŞ GEREKLERİ") are sections too."""
    for node in nodes:
        if node.style not in SECTION_STYLES and node.number and node.style not in (BULLET, ARTICLE) \
                and _is_caps(node.text.rstrip(":")) and ": " not in node.text:
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
                and len(line.split()) <= REPEATED_MAX_WORDS and not _style_of(line)
                and not _is_article_heading(line, _next_line(lines, index))}
    return frozenset(repeated | _page_numbers(lines) |
                     {index for index, line in enumerate(lines) if _PAGE_MARK.match(line)})


def _page_numbers(lines: list[str]) -> set[int]:
    """Bare numbers counting pages (2, 3, 4 … in order); other bare numbers are a table's cells and stay."""
    bare = [(index, int(line)) for index, line in enumerate(lines) if _BARE_NUMBER.match(line)]
    counting = bare and bare[0][1] <= PAGE_NUMBER_MAX_START and all(later == earlier + 1 for (_, earlier), (_, later)
                                                 in zip(bare, bare[1:], strict=False))
    return {index for index, _ in bare} if counting else set()


def _next_line(lines: list[str], index: int) -> str:
    return next((line for line in lines[index + 1:] if line), "")


# The whole document -----------------------------------------------------------------------------

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
    ordinal = _ordinal(node.number) if node.style in (CHAPTER, ARTICLE) else None
    if ordinal is None:
        return node.number
    if node.style == CHAPTER:
        return _roman(ordinal)
    temporary = re.match(rf"(?:{_TEMPORARY})\s", node.number)
    return f"§{ordinal}" + (f" {label_key(temporary.group(0))}" if temporary else "")


def _ordinal(number: str) -> int | None:
    """3 for "MADDE 3", "Глава 3.", "3-берене.", "ÜÇÜNCÜ BÖLÜM", "Chapter III"."""
    digits = re.search(r"\d+", number)
    if digits:
        return int(digits.group(0))
    first = number.split()[0] if number.split() else ""
    for words in ORDINALS.values():
        for value, word in enumerate(words, start=1):
            if first in (word, _title_case(word), word.lower()):
                return value
    roman = re.search(r"\b([IVXLC]+)\.?$", number)
    return _roman_value(roman.group(1)) if roman else None


_ROMAN_VALUES = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50), ("XL", 40),
                 ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def _roman(value: int) -> str:
    digits = []
    for letters, worth in _ROMAN_VALUES:
        count, value = divmod(value, worth)
        digits.append(letters * count)
    return "".join(digits)


def _roman_value(numeral: str) -> int:
    total, index = 0, 0
    for letters, worth in _ROMAN_VALUES:
        while numeral.startswith(letters, index):
            total += worth
            index += len(letters)
    return total


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
