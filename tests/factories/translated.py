"""Translated fields given to a factory as one dict per field, as the services take them: `names={"en": ...}`."""

import factory


def in_four_languages(tr: str, ky: str, ru: str, en: str) -> dict[str, str]:
    return {"tr": tr, "ky": ky, "ru": ru, "en": en}


class TranslatedFactory(factory.django.DjangoModelFactory):
    """Writes only the languages given, so a test that names a row in English alone sees how the others fall back.

    A field given by itself (`name_en="..."`) wins over the same language of the dict.

    `_translated` maps each dict argument to the modeltranslation field it fills, e.g. {"names": "name"}.
    """

    _translated: dict[str, str] = {}

    class Meta:
        abstract = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        for argument, field in cls._translated.items():
            for language, text in kwargs.pop(argument).items():
                kwargs.setdefault(f"{field}_{language}", text)
        return kwargs
