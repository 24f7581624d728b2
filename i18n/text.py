"""Text in Turkish, Kyrgyz, Russian and English: case folding, search keys, sorting.

PostgreSQL here has no ICU collations, so ordering by a language's alphabet and
matching across scripts are done in Python, on lists a page already holds.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

from django.conf import settings
from django.utils.translation import get_language

T = TypeVar("T")

# Languages whose dotted and dotless i are two letters: I↔ı, İ↔i.
DOTLESS_I_LANGUAGES = {"tr", "az"}

# Cyrillic to Latin. The Russian column follows BGN/PCGN without diacritics (the
# spelling of Russian names in English: Osh, Kyrgyzstan, Yuri); Kyrgyz follows the
# Kyrgyz Republic's romanisation, which differs only where Kyrgyz has its own letters
# and writes ж as j (Jalal-Abad).
RUSSIAN_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
KYRGYZ_TO_LATIN = {**RUSSIAN_TO_LATIN, "ж": "j", "ң": "ng", "ө": "ö", "ү": "ü"}

# After transliteration the search key folds spellings that the alphabets in use
# write differently for one sound, so Ош, Osh and Oş, or Кыргыз, Kyrgyz and Kırgız,
# give the same key. Applied in this order, to both the query and the text.
SEARCH_SPELLINGS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("y", "i"))

# Letters that Unicode does not decompose into a base letter and a mark.
BASE_LETTERS = {"ı": "i", "ө": "о", "ү": "у", "ң": "н", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"}
APOSTROPHES = "'’ʼ`"

# Alphabets in dictionary order. A space separates letters; a letter missing from an
# alphabet sorts as its base letter, just after it (é after e; in Russian ё after е,
# as Russian dictionaries order it). Turkish keeps q, w and x where CLDR puts them.
ALPHABETS = {
    "tr": "a b c ç d e f g ğ h ı i j k l m n o ö p q r s ş t u ü v w x y z",
    "ky": "а б в г д е ё ж з и й к л м н ң о ө п р с т у ү ф х ц ч ш щ ъ ы ь э ю я",
    "ru": "а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я",
    "en": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
}
# Letters of the other script sort after the language's own.
SECOND_SCRIPT = {"tr": "ky", "en": "ky", "ky": "en", "ru": "en"}


def _language_code(language: str | None) -> str:
    return (language or settings.LANGUAGE_CODE).lower().split("-")[0].split("_")[0]


def fold(text: str, language: str | None = None) -> str:
    """Lower case for comparing, with Turkish and Azerbaijani I/ı and İ/i as their own letters."""
    text = unicodedata.normalize("NFC", text)
    if _language_code(language) in DOTLESS_I_LANGUAGES:
        return text.replace("I", "ı").replace("İ", "i").lower()
    # Elsewhere İ is a capital i; casefold() alone would leave a combining dot behind.
    return text.replace("İ", "i").casefold()


def upper(text: str, language: str | None = None) -> str:
    """Capitals as the language writes them: Turkish and Azerbaijani i and ı become İ and I."""
    if _language_code(language) in DOTLESS_I_LANGUAGES:
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()


def transliterate(text: str, language: str = "ru") -> str:
    """Cyrillic letters in Latin ones (Russian or Kyrgyz scheme above), keeping the case of the first letter."""
    table = KYRGYZ_TO_LATIN if _language_code(language) == "ky" else RUSSIAN_TO_LATIN
    out = []
    for char in text:
        latin = table.get(char.lower())
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char.isupper() else latin)
    return "".join(out)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(BASE_LETTERS.get(char, char) for char in decomposed if not unicodedata.combining(char))


def ascii_text(text: str) -> str:
    """The text in ASCII letters for a system that takes no other: "Iğdır Üniversitesi" → "Igdir Universitesi",
    "Ош" → "Osh"; what has no Latin letter becomes "_"."""
    latin = _strip_marks(transliterate(unicodedata.normalize("NFC", text).replace("İ", "I"), "ky"))
    return "".join(char if char.isascii() else "_" for char in latin)


def search_key(text: str) -> str:
    """A language-independent key: Latin script, no diacritics, no case, words split by single spaces.

    "Кыргыз-Түрк «Манас» университети" → "kirgiz turk manas universiteti".
    """
    # Russian print mostly writes ё as е, so the key does too.
    latin = transliterate(fold(text).replace("ё", "е"), "ky")
    plain = _strip_marks(latin).casefold()
    plain = "".join(char for char in plain if char not in APOSTROPHES)
    for spelling, key in SEARCH_SPELLINGS:
        plain = plain.replace(spelling, key)
    return " ".join(re.findall(r"\w+", plain))


def matches(query: str, text: str) -> bool:
    """Whether every word of the query occurs in the text, across scripts and diacritics.

    An empty query matches everything, as an empty search box shows the whole list.
    """
    haystack = search_key(text)
    return all(word in haystack for word in search_key(query).split())


def _ranks(language: str) -> dict[str, int]:
    own = ALPHABETS.get(language, ALPHABETS["en"]).split()
    other = ALPHABETS[SECOND_SCRIPT.get(language, "ky")].split()
    ranks = {letter: 100 + index for index, letter in enumerate(own)}
    for index, letter in enumerate(other):
        ranks.setdefault(letter, 1000 + index)
    return ranks


_RANKS = {language: _ranks(language) for language in ALPHABETS}
UNKNOWN_LETTER = 100_000


def _collation_element(char: str, ranks: dict[str, int]) -> tuple[int, int]:
    """(primary, secondary) weights: separators, then digits, then letters in alphabet order."""
    if char in ranks:
        return ranks[char], 0
    base = BASE_LETTERS.get(char) or unicodedata.normalize("NFKD", char)[0]
    if base in ranks:
        return ranks[base], ord(char)
    if char.isdigit():
        return 1 + unicodedata.digit(char, 0), 0
    return UNKNOWN_LETTER + ord(char), 0


# Lists sort the same names on every request; a worker keeps the keys of the last few thousand.
@lru_cache(maxsize=20_000)
def collation_key(text: str, language: str | None = None) -> tuple:
    """A sort key that orders text as the language's dictionaries do, ignoring case and punctuation.

    Letters compare first by their place in the alphabet, then by accents, then by
    the text itself, so equal-looking names still sort the same way every time.
    """
    ranks = _RANKS.get(_language_code(language), _RANKS["en"])
    words = re.findall(r"\w+", fold(text, language))
    primary: list[int] = []
    secondary: list[int] = []
    for word in words:
        if primary:
            primary.append(0)  # a word boundary sorts before any letter: "Ak Suu" before "Akmola"
            secondary.append(0)
        for char in word:
            first, second = _collation_element(char, ranks)
            primary.append(first)
            secondary.append(second)
    return tuple(primary), tuple(secondary), text


def sort_by_language(
    items: Iterable[T], *, key: Callable[[T], str] = str, language: str | None = None
) -> list[T]:
    """The items sorted by key(item) in the language's alphabet (default: the active language)."""
    language = language or get_language()
    return sorted(items, key=lambda item: collation_key(key(item), language))
