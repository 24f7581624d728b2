"""Forms of the platform console: they check shape; the services decide (console/services.py)."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from i18n.countries import country_choices
from kopru.forms import NamesForm


class OnboardForm(NamesForm):
    short_name = forms.CharField(label=_("Short name"), max_length=64, required=False)
    slug = forms.CharField(label=_("Address"), max_length=40)
    # Choices are read when the form renders, so the names follow the reader's language.
    country = forms.ChoiceField(label=_("Country"), choices=lambda: [("", "—"), *country_choices(get_language())])
    city = forms.CharField(label=_("City"), max_length=128, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple,
    )
    default_language = forms.ChoiceField(label=_("Default language"), choices=settings.LANGUAGES)
    erasmus_code = forms.CharField(label=_("Erasmus code"), max_length=32, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    admin_email = forms.EmailField(
        label=_("First office admin's e-mail"), help_text=_("They receive an invitation to set their password."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].help_text = gettext(
            "Lowercase letters, digits and hyphens; the university's host becomes this address followed by "
            "“.%(root)s”."
        ) % {"root": settings.KOPRU_ROOT_DOMAIN}

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["names"] = {code: data.pop(f"name_{code}") for code in settings.LANGUAGE_CODES}
        return data


class DomainForm(forms.Form):
    domain = forms.CharField(label=_("Domain"), max_length=253,
                             help_text=_("A host name such as international.example.edu.tr."))


class DeletionForm(forms.Form):
    confirmation = forms.CharField(label=_("Type the university's address to confirm"), max_length=63)
