"""Writing a modeltranslation field (name_tr, name_ky, name_ru, name_en, …) from one {language: text} dict."""

from django.conf import settings

from kopru.errors import CommonError, ServiceError

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
# The model fields of a translated name, one per language: name_tr, name_ky, name_ru, name_en.
NAME_FIELDS = tuple(f"name_{code}" for code in LANGUAGES)


def set_translations(instance, field: str, texts: dict[str, str | None]) -> bool:
    """Set `field` in each language `texts` gives (stripped; blank is none); True when any language has one."""
    for code in LANGUAGES:
        if code in texts:
            setattr(instance, f"{field}_{code}", (texts[code] or "").strip() or None)
    return any(getattr(instance, f"{field}_{code}") for code in LANGUAGES)


def set_texts(instance, texts: dict[str, dict[str, str | None]], *, fields: tuple[str, ...]) -> None:
    """Set several translated fields, each from {language: text}; one not among `fields` is a programming error."""
    unknown = set(texts) - set(fields)
    if unknown:
        raise TypeError(f"Not translated fields of {type(instance).__name__} one may set: {sorted(unknown)}")
    for field, by_language in texts.items():
        set_translations(instance, field, by_language)


def set_names(instance, names: dict[str, str | None], *, missing: str) -> None:
    """Set the names given; `missing` is the message that refuses an instance left without a name."""
    if not set_translations(instance, "name", names):
        raise ServiceError(CommonError.NAME_REQUIRED, missing, fields={"name": [missing]})


def translations(instance, field: str) -> dict[str, str | None]:
    """`field` in each language, as stored: {"tr": …, "ky": …, "ru": …, "en": …}."""
    return {code: getattr(instance, f"{field}_{code}") for code in LANGUAGES}
