"""The catalogues speak the office's terms: every msgid that names a concept of i18n/glossary.py is
translated with that concept's term, never with a variant the glossary rules out."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from i18n.glossary import GLOSSARY, NEVER, Concept
from i18n.text import fold

LANGUAGES = ("tr", "ky", "ru")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%\(\w+\)0\d[sd]|%[sd%]|\{\{.*?\}\}|\{\w*\}")


def catalogue(language: str) -> list[polib.POEntry]:
    (locale,) = settings.LOCALE_PATHS
    path = Path(locale) / language / "LC_MESSAGES" / "django.po"
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def problems_of(entry: polib.POEntry, language: str) -> list[str]:
    """What is wrong with one entry: a concept named without its term, a variant the glossary rules out."""
    english = PLACEHOLDER.sub(" ", " ".join(filter(None, (entry.msgctxt, entry.msgid, entry.msgid_plural))))
    # A placeholder inside a term ("бекитүү жолунун %(counter)s кадамын") leaves the term whole.
    forms = [fold(" ".join(PLACEHOLDER.sub(" ", text).split()), language) for text in translations(entry)]
    # The part of each form not yet claimed by a concept the msgid names (see the glossary's order).
    unclaimed = list(forms)
    problems = []
    for concept in GLOSSARY:
        term = concept.terms.get(language)
        if term is None or not re.search(concept.english, english, re.IGNORECASE):
            continue
        english = re.sub(concept.english, " ", english, flags=re.IGNORECASE)
        for index, form in enumerate(forms):
            if not re.search(term.stem, form):
                problems.append(f"names {concept.key} without “{term.text}”")
            problems += [f"{concept.key} as “{found.group(0)}”, not “{term.text}”"
                         for variant in term.avoid if (found := re.search(variant, unclaimed[index]))]
            unclaimed[index] = re.sub(term.stem, " ", unclaimed[index])
    problems += [f"“{found.group(0)}” is never used" for form in forms
                 for variant in NEVER.get(language, ()) if (found := re.search(variant, form))]
    return sorted(set(problems))


def test_every_concept_has_a_term_in_every_language():
    assert sorted({concept.key for concept in GLOSSARY}) == sorted(concept.key for concept in GLOSSARY)
    assert [concept.key for concept in GLOSSARY if set(concept.terms) != set(LANGUAGES)] == []
    for concept in GLOSSARY:
        for language, term in concept.terms.items():
            assert re.search(term.stem, fold(term.text, language)), (concept.key, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_uses_the_glossarys_terms(language):
    offending = [(entry, problems) for entry in catalogue(language) if (problems := problems_of(entry, language))]

    for entry, problems in offending:
        print(f"{language}: {entry.msgid!r} → {' | '.join(translations(entry))!r}: {'; '.join(problems)}")
    assert not offending, f"{len(offending)} {language} entries leave the glossary (printed above)"


@pytest.mark.parametrize(("language", "msgid", "msgstr", "problem"), [
    ("tr", "Agreement deleted", "Anlaşma silindi", "agreement as “anlaşma”, not “protokol”"),
    ("tr", "Erasmus+ inter-institutional agreement (KA131)", "Erasmus+ kurumlararası anlaşma (KA131)", None),
    ("ky", "Cover letter", "Кат", "names cover_letter without “коштомо кат”"),
    ("ky", "Sends a cover letter", "Коштомо кат жөнөтөт", None),
    ("ru", "Kyrgyz", "Киргизский", "“киргиз” is never used"),
    ("ru", "Title", "Название “%(title)s”", "““” is never used"),
])
def test_an_entry_is_read_against_the_glossary(language, msgid, msgstr, problem):
    problems = problems_of(polib.POEntry(msgid=msgid, msgstr=msgstr), language)

    assert (problem in problems) if problem else problems == []


def test_a_more_specific_concept_claims_its_words_first():
    (erasmus,) = [concept for concept in GLOSSARY if concept.key == "erasmus_agreement"]
    (agreement,) = [concept for concept in GLOSSARY if concept.key == "agreement"]

    assert isinstance(erasmus, Concept)
    assert GLOSSARY.index(erasmus) < GLOSSARY.index(agreement)
