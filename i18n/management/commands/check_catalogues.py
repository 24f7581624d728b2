from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# English is the source language: its catalogue must exist, its msgstr may stay empty.
TRANSLATED = [code for code in settings.LANGUAGE_CODES if code != "en"]


class Command(BaseCommand):
    help = ("Check that the Turkish, Kyrgyz and Russian catalogues translate every string, with no fuzzy "
            "entry, and that English has its catalogue; exits with an error listing what is missing.")

    def handle(self, *args, **options):
        (locale_dir,) = (Path(path) for path in settings.LOCALE_PATHS)
        problems = [f"{language}: no django.po" for language in settings.LANGUAGE_CODES
                    if not (locale_dir / language / "LC_MESSAGES" / "django.po").exists()]
        for language in TRANSLATED:
            for path in sorted((locale_dir / language / "LC_MESSAGES").glob("*.po")):
                problems += self.problems_of(path, locale_dir)
        if problems:
            raise CommandError("\n".join(problems))

    def problems_of(self, path: Path, locale_dir: Path) -> list[str]:
        catalogue = polib.pofile(str(path))
        entries = [entry for entry in catalogue if not entry.obsolete]
        untranslated = [entry for entry in entries if not self.translated(entry)]
        fuzzy = [entry for entry in entries if entry.fuzzy]
        self.stdout.write(f"{path.relative_to(locale_dir)}: {len(entries)} entries, "
                          f"{len(untranslated)} untranslated, {len(fuzzy)} fuzzy")
        return ([f"{path}: empty catalogue"] if not entries else []) + [
            f"{path}: {problem}: {entry.msgid[:70]!r}"
            for problem, found in (("untranslated", untranslated), ("fuzzy", fuzzy)) for entry in found]

    @staticmethod
    def translated(entry: polib.POEntry) -> bool:
        if entry.msgid_plural:
            return bool(entry.msgstr_plural) and all(text.strip() for text in entry.msgstr_plural.values())
        return bool(entry.msgstr.strip())
