"""Writing a modeltranslation field (name_tr, name_ky, name_ru, name_en, …) from one {language: text} dict, and
noting which languages fell behind when another language's text changed."""

from collections.abc import Callable, Collection

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from kopru.errors import CommonError, ServiceError

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
# The model fields of a translated name, one per language: name_tr, name_ky, name_ru, name_en.
NAME_FIELDS = tuple(f"name_{code}" for code in LANGUAGES)


class TracksTranslations(models.Model):
    """A record whose translated texts remember which languages are out of date.

    When an up-to-date text is reworded in one language, the other languages' texts of that field may no longer say
    the same: set_translations lists them in `outdated_translations` ({field: [language, …]}) until each is edited
    in turn (which only brings it up to date) or the editor says they were checked.
    """

    outdated_translations = models.JSONField(_("translations out of date"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def outdated(self, field: str, language: str) -> bool:
        return language in self.outdated_translations.get(field, ())


def set_translations(instance, field: str, texts: dict[str, str | None], *, checked: bool = False) -> bool:
    """Set `field` in each language `texts` gives (stripped; blank is none); True when any language has one.

    On a TracksTranslations record, editing a text marks the field's other texts out of date, unless `checked` (the
    editor has read them and they still say the same); a text written is up to date again.
    """
    before = translations(instance, field)
    for code in LANGUAGES:
        if code in texts:
            setattr(instance, f"{field}_{code}", (texts[code] or "").strip() or None)
    if isinstance(instance, TracksTranslations):
        _note_outdated(instance, field, before, checked=checked)
    return any(getattr(instance, f"{field}_{code}") for code in LANGUAGES)


def _note_outdated(instance: TracksTranslations, field: str, before: dict[str, str | None], *, checked: bool) -> None:
    after = translations(instance, field)
    written = {code for code in LANGUAGES if after[code] != before[code]}
    was_outdated = set(instance.outdated_translations.get(field, ()))
    # Rewording an up-to-date text changes what the field says; rewording an out-of-date one catches it up, and
    # adding a language's first text or clearing one says nothing about the others.
    reworded = {code for code in written if before[code] and after[code] and code not in was_outdated}
    outdated = set() if checked else was_outdated - written
    if reworded and not checked:
        outdated |= {code for code in LANGUAGES if code not in written and after[code]}
    outdated = {code for code in outdated if after[code]}
    state = {name: codes for name, codes in instance.outdated_translations.items() if name != field}
    if outdated:
        state[field] = [code for code in LANGUAGES if code in outdated]
    instance.outdated_translations = state


def set_texts(instance, texts: dict[str, dict[str, str | None]], *, fields: tuple[str, ...],
              checked: Collection[str] = ()) -> None:
    """Set several translated fields, each from {language: text}; one not among `fields` is a programming error.
    `checked` names the fields whose other languages the editor has checked (see set_translations)."""
    unknown = (set(texts) | set(checked)) - set(fields)
    if unknown:
        raise TypeError(f"Not translated fields of {type(instance).__name__} one may set: {sorted(unknown)}")
    for field in dict.fromkeys([*texts, *checked]):  # a field checked without new texts is checked too
        set_translations(instance, field, texts.get(field, {}), checked=field in checked)


def set_names(instance, names: dict[str, str | None], *, missing: str, checked: bool = False) -> None:
    """Set the names given; `missing` is the message that refuses an instance left without a name."""
    if not set_translations(instance, "name", names, checked=checked):
        raise ServiceError(CommonError.NAME_REQUIRED, missing, fields={"name": [missing]})


def translations(instance, field: str) -> dict[str, str | None]:
    """`field` in each language, as stored: {"tr": …, "ky": …, "ru": …, "en": …}."""
    return {code: getattr(instance, f"{field}_{code}") for code in LANGUAGES}


def in_each_language(text: Callable[[], object] | Promise) -> dict[str, str]:
    """{language: text}, a lazy label or `text()` made while each language is active, as set_translations takes
    it."""
    texts = {}
    for code in LANGUAGES:
        with override(code):
            texts[code] = str(text() if callable(text) else text)
    return texts
