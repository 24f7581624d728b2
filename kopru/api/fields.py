"""Serializer fields the API's bodies need beyond DRF's own."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from kopru.lists import MAX_ID, MAX_SELECTED
from kopru.translated import LANGUAGES, translations


class RequiredBooleanField(serializers.BooleanField):
    """A yes/no a body must give: DRF reads one left out of a form body as false, so an empty
    form would switch the setting off where JSON without it is refused."""

    default_empty_html = empty


def _given_names(data: dict) -> dict[str, str | None] | None:
    """The names a body gave, by language ({"tr": …}); None when it gave none."""
    return {code: data[f"name_{code}"] for code in LANGUAGES if f"name_{code}" in data} or None


# A body's name_tr, name_ky, … each optional and blank-able: which names a record needs is the service's rule.
# Made by the serializers' own metaclass so that the fields, built from the languages, count as declared and
# every subclass inherits them.
NamesInput = type(serializers.Serializer)("NamesInput", (serializers.Serializer,), {
    "__module__": __name__,
    "__doc__": "An input that starts with a name in each language; `NamesInput.names(data)` gives them by language.",
    **{f"name_{code}": serializers.CharField(max_length=255, required=False, allow_blank=True, allow_null=True)
       for code in LANGUAGES},
    "names": staticmethod(_given_names),
})


# One text in each language, in and out: {"tr": …, "ky": …, "ru": …, "en": …}.
TextsInput = type(serializers.Serializer)("TextsInput", (serializers.Serializer,), {
    "__module__": __name__,
    "__doc__": "One text in each language; a language left out keeps its text, an empty one clears it.",
    "Meta": type("Meta", (), {"ref_name": "Texts"}),
    **{code: serializers.CharField(required=False, allow_blank=True, allow_null=True) for code in LANGUAGES},
})
TextsOutput = type(serializers.Serializer)("TextsOutput", (serializers.Serializer,), {
    "__module__": __name__,
    "__doc__": "One text in each language, null where it has none.",
    "Meta": type("Meta", (), {"ref_name": "TextsOutput"}),
    **{code: serializers.CharField(allow_null=True) for code in LANGUAGES},
})


@extend_schema_field(TextsOutput)
class TextsField(serializers.Field):
    """A translated field of the record (the object itself, or its `source`) in each language, as TextsOutput."""

    def __init__(self, field: str, **kwargs):
        super().__init__(read_only=True, **{"source": "*", **kwargs})
        self.translated = field

    def to_representation(self, instance):
        return translations(instance, self.translated)


def translations_checked(*fields: str) -> serializers.ListField:
    """The input naming the translated fields whose other languages still say the same after one was reworded
    (kopru.translated.set_translations); those are not marked out of date."""
    return serializers.ListField(
        child=serializers.ChoiceField(choices=fields), required=False, default=list,
        help_text="Translated fields whose other languages were checked and still say the same: reworded texts do "
                  "not mark them out of date, and earlier marks are cleared.")


def outdated_translations(**kwargs) -> serializers.DictField:
    """A TracksTranslations record's out-of-date texts: {field: [language, …]}."""
    return serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), read_only=True,
        help_text="By translated field, the languages whose text fell behind another language's rewording.", **kwargs)


def selected_ids(rows: str) -> serializers.ListField:
    """The query parameter naming the rows ticked in a list, `?id=3&id=7` (`rows`: "agreements", "partners")."""
    return serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), required=False, default=list,
        max_length=MAX_SELECTED, help_text=f"Only these {rows} (?id=3&id=7), among those the filters find.")
