"""The catalogue check CI runs: every string translated into Turkish, Kyrgyz and Russian, none fuzzy."""

import polib
import pytest
from django.core.management import CommandError, call_command


def write_catalogue(root, language: str, entries: list[polib.POEntry]) -> None:
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.extend(entries)
    catalogue.save(str(folder / "django.po"))


@pytest.fixture
def locale(settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    return tmp_path


def test_the_projects_catalogues_are_complete():
    call_command("check_catalogues")


def test_an_untranslated_a_fuzzy_and_a_half_translated_plural_entry_are_named(locale):
    write_catalogue(locale, "en", [polib.POEntry(msgid="Partners", msgstr="")])
    write_catalogue(locale, "tr", [polib.POEntry(msgid="Partners", msgstr="Ortaklar"),
                                   polib.POEntry(msgid="Agreements", msgstr="")])
    write_catalogue(locale, "ky", [polib.POEntry(msgid="Partners", msgstr="Өнөктөштөр", flags=["fuzzy"])])
    write_catalogue(locale, "ru", [polib.POEntry(msgid="%(n)d day", msgid_plural="%(n)d days",
                                                 msgstr_plural={0: "%(n)d день", 1: "%(n)d дня", 2: ""})])

    with pytest.raises(CommandError) as refused:
        call_command("check_catalogues")

    problems = str(refused.value).splitlines()
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "untranslated: 'Agreements'", "fuzzy: 'Partners'", "untranslated: '%(n)d day'"]


def test_a_language_without_its_catalogue_fails(locale):
    for language in ("en", "tr", "ky"):
        write_catalogue(locale, language, [polib.POEntry(msgid="Partners", msgstr="x")])

    with pytest.raises(CommandError, match="ru: no django.po"):
        call_command("check_catalogues")
