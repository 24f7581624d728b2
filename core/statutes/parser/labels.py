"""Lines and their labels: normalising a line, the styles of numbering and the pattern of each, ordinals.

Shared by the front and back matter (control.py) and the body's tree (tree.py).
"""

import re
import unicodedata

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

ROMAN_NUMERAL = r"(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
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


def title_case(word: str) -> str:
    """"BİRİNCİ" → "Birinci", "MADDE" → "Madde" (Turkish İ and I lower to i and ı)."""
    return word[0] + word[1:].replace("İ", "i").replace("I", "ı").lower()


def _any_case(words) -> str:
    forms = {form for word in words for form in (word, title_case(word), word.capitalize(), word.lower())}
    return "|".join(sorted(forms, key=len, reverse=True))


_ORDINAL_WORDS = _any_case(word for words in ORDINALS.values() for word in words)
_CHAPTER_WORDS, _ARTICLE_WORDS = _any_case(CHAPTER_WORDS), _any_case(ARTICLE_WORDS)
TEMPORARY_WORDS = _any_case(("GEÇİCİ", "EK"))
# (style, pattern): the pattern's `number` is the label as written, `text` the rest of the line.
# After an article's label: a dot it ends with, a dash or colon, or a "(1)" that follows straight away.
_ARTICLE_REST = r"(?:(?:(?<=\.)\s*|\s*[-–—:]\s*|\s+(?=\())(?P<text>.*))?$"
_CHAPTER_REST = r"(?:\s*[-–—:]?\s*(?P<text>.*))?$"
LINE_STYLES = (
    # "BİRİNCİ BÖLÜM", "ЭКИНЧИ БӨЛҮМ"; "Глава 1. Общие положения", "Раздел II", "Chapter 1", "1-бөлүм. …"
    (CHAPTER, re.compile(rf"^(?P<number>(?:{_ORDINAL_WORDS})\s+(?:{_CHAPTER_WORDS}))(?!\w){_CHAPTER_REST}")),
    (CHAPTER, re.compile(rf"^(?P<number>(?:{_CHAPTER_WORDS})\s+(?:\d{{1,3}}|{ROMAN_NUMERAL})(?!\w)\.?)"
                         rf"{_CHAPTER_REST}")),
    (CHAPTER, re.compile(rf"^(?P<number>\d{{1,3}}-(?:бөлүм|БӨЛҮМ|Бөлүм|глава|ГЛАВА)(?!\w)\.?){_CHAPTER_REST}")),
    # "MADDE 1 –", "Madde 1-", "GEÇİCİ MADDE 1 –", "Статья 1.", "Article 1", "Section 1", "§ 1", "1-берене."
    (ARTICLE, re.compile(rf"^(?P<number>(?:(?:{TEMPORARY_WORDS})\s+)?(?:{_ARTICLE_WORDS})\s+\d{{1,3}}(?:/[A-ZÇĞİÖŞÜ])?"
                         rf"(?!\w)\.?){_ARTICLE_REST}")),
    (ARTICLE, re.compile(rf"^(?P<number>§\s*\d{{1,3}}(?!\w)\.?){_ARTICLE_REST}")),
    (ARTICLE, re.compile(rf"^(?P<number>\d{{1,3}}-(?:берене|БЕРЕНЕ|Берене|статья)(?!\w)\.?){_ARTICLE_REST}")),
    (PAREN_NUMBER, re.compile(r"^(?P<number>\(\d{1,3}\))(?:\s*(?P<text>.*))?$")),
    (LETTER, re.compile(rf"^(?P<number>\([{_LETTERS}]\))(?:\s*(?P<text>.*))?$")),
    (ROMAN, re.compile(rf"^(?P<number>{ROMAN_NUMERAL}\.)\s+(?P<text>\S.*)$")),
    (DECIMAL, re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})+\.?)(?:\s+(?P<text>.*))?$")),
    (DECIMAL, re.compile(r"^(?P<number>\d{1,3}\.)(?:\s+(?P<text>.*))?$")),
    (PAREN, re.compile(r"^(?P<number>\d{1,3}\))(?:\s*(?P<text>.*))?$")),
    (LETTER, re.compile(rf"^(?P<number>[{_LETTERS}]\))(?:\s*(?P<text>.*))?$")),
    (BULLET, re.compile(rf"^(?P<number>[{_BULLETS}]|o)\s+(?P<text>\S.*)$")),
)
HEADING_MAX_WORDS, HEADING_MAX_CHARS = 8, 80

_IMAGE = re.compile(r"\[image:[^\]]*\]", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


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



# Labels ------------------------------------------------------------------------------------------

def style_of(line: str):
    for style, pattern in LINE_STYLES:
        found = pattern.match(line)
        if found:
            return style, found.group("number"), (found.group("text") or "").strip()
    return None


def is_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and not any(char.islower() for char in letters)


def is_short(text: str) -> bool:
    return (len(text.split()) <= HEADING_MAX_WORDS and len(text) <= HEADING_MAX_CHARS and text[0].isupper()
            and text[-1] not in ".,;:!?" and ": " not in text)


def decimal_parts(number: str) -> tuple[str, ...]:
    return tuple(number.rstrip(".").split("."))


def is_heading_text(text: str) -> bool:
    return (len(text.split()) <= HEADING_MAX_WORDS and len(text) <= HEADING_MAX_CHARS and text[0].isupper()
            and text[-1] not in ".,;!?")


def next_line(lines: list[str], index: int) -> str:
    return next((line for line in lines[index + 1:] if line), "")


# Ordinals ----------------------------------------------------------------------------------------

def ordinal_of(number: str) -> int | None:
    """3 for "MADDE 3", "Глава 3.", "3-берене.", "ÜÇÜNCÜ BÖLÜM", "Chapter III"."""
    digits = re.search(r"\d+", number)
    if digits:
        return int(digits.group(0))
    first = number.split()[0] if number.split() else ""
    for words in ORDINALS.values():
        for value, word in enumerate(words, start=1):
            if first in (word, title_case(word), word.lower()):
                return value
    roman = re.search(r"\b([IVXLC]+)\.?$", number)
    return _roman_value(roman.group(1)) if roman else None


_ROMAN_VALUES = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50), ("XL", 40),
                 ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman_of(value: int) -> str:
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
