"""Form plumbing shared by the apps' pages: a name in each of the site's languages."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kopru.translated import LANGUAGES

# Labels of a text's field in each language: "Subject of the letter (Turkish)".
LANGUAGE_NAMES = {"tr": _("Turkish"), "ky": _("Kyrgyz"), "ru": _("Russian"), "en": _("English")}
NAME_LABELS = {
    "tr": _("Name in Turkish"),
    "ky": _("Name in Kyrgyz"),
    "ru": _("Name in Russian"),
    "en": _("Name in English"),
}


def given_texts(cleaned_data: dict, fields) -> dict[str, dict[str, str]]:
    """What a form with text_fields was given, by field and language: {"subject": {"tr": …, "ky": …}, …}; blank
    ones too (the service decides)."""
    return {field: {code: cleaned_data[f"{field}_{code}"] for code in LANGUAGES} for field in fields}


def _names(self) -> dict[str, str]:
    """The names given, by language: {"tr": …, "ky": …, …}."""
    return given_texts(self.cleaned_data, ["name"])["name"]


# name_tr, name_ky, … come first in the form, all optional: which names a record needs is the service's rule.
# The class is made by the forms' own metaclass so that the fields, built from the languages, count as declared
# and every subclass inherits them.
NamesForm = type(forms.Form)("NamesForm", (forms.Form,), {
    "__module__": __name__,
    "__doc__": "A form that starts with a name in each language; `names()` gives them by language.",
    **{f"name_{code}": forms.CharField(label=NAME_LABELS[code], max_length=255, required=False) for code in LANGUAGES},
    "names": _names,
})


def text_fields(field: str, label, *, max_length: int = 255, help_text="") -> dict[str, forms.CharField]:
    """`field` in each language, all optional: <field>_tr, <field>_ky, …, labelled "<label> (Turkish)", …, the
    help text under the first."""
    return {f"{field}_{code}": forms.CharField(label=format_lazy("{} ({})", label, LANGUAGE_NAMES[code]),
                                               max_length=max_length, required=False,
                                               help_text=help_text if code == LANGUAGES[0] else "")
            for code in LANGUAGES}


def texts_form(field: str, label, max_length: int = 255) -> type[forms.Form]:
    """A form (to inherit from) with the text_fields of `field`."""
    return type(forms.Form)(f"{field.title().replace('_', '')}Texts", (forms.Form,), {
        "__module__": __name__, **text_fields(field, label, max_length=max_length)})


def checked_field(field: str) -> dict[str, forms.BooleanField]:
    """A box saying that when one language of `field` was reworded, its other languages still say the same, so
    they are not marked out of date (kopru.translated.set_translations)."""
    return {f"{field}_checked": forms.BooleanField(
        label=_("The other languages still say the same"), required=False,
        help_text=_("Tick it when you reword one language and the others need no change, or once you have checked "
                    "the translations marked out of date."))}


def checked_texts(cleaned_data: dict, fields) -> list[str]:
    """The fields whose checked_field box was ticked."""
    return [field for field in fields if cleaned_data.get(f"{field}_checked")]


def mark_outdated(form: forms.Form, record) -> None:
    """Label each language of a text that is out of date: "Title (Kyrgyz) — out of date"."""
    for field, codes in getattr(record, "outdated_translations", {}).items():
        for code in codes:
            if f"{field}_{code}" in form.fields:
                form_field = form.fields[f"{field}_{code}"]
                form_field.label = format_lazy("{} — {}", form_field.label, _("out of date"))
