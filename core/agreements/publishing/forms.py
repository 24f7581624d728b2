from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.agreements.models import Agreement
from i18n.countries import country_choices


class PublicPartnerFilter(forms.Form):
    """The public list's filters; the same for the page, the embed, JSON and CSV."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False,
                                  choices=[("", _("All programmes")), *Agreement.Kind.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any country is a valid filter (it may have no partners); the page offers only those it lists.
        self.fields["country"].choices = [("", _("All countries")), *country_choices(get_language())]

    def filters(self) -> dict[str, str]:
        data = self.cleaned_data
        return {"country": data["country"], "programme": data["programme"], "query": data["q"].strip()}
