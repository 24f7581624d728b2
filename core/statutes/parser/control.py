"""The document control of a statute: the front matter (letterhead, control table, approval block, title)
and the back matter (revision table, signatures), where they end and what they say."""

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from core.statutes.parser.labels import ARTICLE, CHAPTER, is_caps, label_key, next_line, style_of


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


def _jsonable(value):
    if isinstance(value, dict):
        return {key: _jsonable(each) for key, each in value.items()}
    if isinstance(value, list):
        return [_jsonable(each) for each in value]
    return value.isoformat() if isinstance(value, date) else value


def _iso(value) -> date | None:
    return date.fromisoformat(value) if value else None


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
    if style_of(line):
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
    return next((index for index, line in enumerate(lines) if style_of(line)), len(lines))


def _paragraph_end(lines: list[str], index: int) -> int:
    """The end of the paragraph the line starts: a blank line, or (in text pasted without blanks) a labelled one."""
    if index < len(lines) and lines[index]:
        index += 1
    while index < len(lines) and lines[index] and not style_of(lines[index]):
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
    ahead = style_of(next_line(lines, index))
    after_sentence = (index == 0 or not lines[index - 1] or previous.endswith((".", ":", ";", "!", "?"))
                      or bool(style_of(previous)))
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
    return bool(following) and following[0].islower() and not style_of(following)


def _pick_title(lines: list[str], indexes: list[int]) -> str:
    """The title line as people write it (not in capitals, if there is one); a lone last word takes the line above."""
    def text(index):
        line = lines[index]
        if _title_goes_on(lines, index):  # "ПОЛОЖЕНИЕ / о международной деятельности …"
            return f"{line} {lines[index + 1]}"
        if len(line.split()) == 1 and index > 0 and lines[index - 1]:
            return f"{lines[index - 1]} {line}"
        return line

    mixed = [index for index in indexes if not is_caps(lines[index])]
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
