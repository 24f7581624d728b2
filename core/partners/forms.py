"""Forms of the partner pages: they gather input; the rules are the services'."""

from django import forms
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.partners.models import RankingEntry, Recognition, RecognitionCheck
from i18n.countries import country_choices
from kopru.forms import NamesForm, texts_form


def _countries():
    return [("", "—"), *country_choices(get_language())]


class PartnerForm(NamesForm, texts_form("letter_addressee", _("Addressed in letters as"))):
    short_name = forms.CharField(label=_("Short name"), max_length=64, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=_countries, required=False)
    city = forms.CharField(label=_("City"), max_length=128, required=False)
    website = forms.CharField(label=_("Website"), max_length=200, required=False)
    erasmus_code = forms.CharField(label=_("Erasmus code"), max_length=16, required=False,
                                   widget=forms.TextInput(attrs={"placeholder": "TR KASTAMO01"}))
    pic = forms.CharField(label=_("PIC"), max_length=16, required=False,
                          widget=forms.TextInput(attrs={"placeholder": "123456789", "inputmode": "numeric"}))
    oid = forms.CharField(label=_("OID"), max_length=16, required=False,
                          widget=forms.TextInput(attrs={"placeholder": "E10208522"}))
    schac = forms.CharField(label=_("SCHAC code"), max_length=253, required=False,
                            widget=forms.TextInput(attrs={"placeholder": "kastamonu.edu.tr"}))
    ror = forms.CharField(label=_("ROR id"), max_length=64, required=False,
                          widget=forms.TextInput(attrs={"placeholder": "https://ror.org/05dxps055"}))
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def details(self) -> dict[str, str]:
        return {name: value for name, value in self.cleaned_data.items() if not name.startswith("name_")}


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=_countries, required=False)
    recognition = forms.ChoiceField(
        label=_("YÖK recognition"), required=False,
        choices=[("", "—"), ("attention", _("Not recognised or not checked")), *Recognition.choices],
    )


class ContactForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=255)
    position = forms.CharField(label=_("Position"), max_length=255, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=64, required=False)
    is_primary = forms.BooleanField(label=_("Primary contact"), required=False)


class RankingForm(forms.Form):
    system = forms.ChoiceField(label=_("Ranking"), choices=RankingEntry.System.choices)
    year = forms.IntegerField(label=_("Year"))
    rank = forms.IntegerField(label=_("Rank"), required=False)
    band = forms.CharField(label=_("Band"), max_length=32, required=False,
                           widget=forms.TextInput(attrs={"placeholder": "501–600"}))


class RecognitionCheckForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Result"), choices=[choice for choice in Recognition.choices if choice[0] != Recognition.UNCHECKED],
    )
    # A date input shows only an ISO date: a localised one (23.11.2026) would leave it empty.
    checked_on = forms.DateField(label=_("Checked on"),
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    method = forms.ChoiceField(label=_("How"), choices=RecognitionCheck.Method.choices)
    reference = forms.CharField(label=_("Reference"), max_length=255, required=False,
                                help_text=_("The letter's number, or the address of the result."))
    evidence = forms.FileField(label=_("Evidence (PDF, PNG or JPEG, up to 10 MB)"), required=False)


class TableUploadForm(forms.Form):
    file = forms.FileField(label=_("Table (CSV or XLSX)"))
