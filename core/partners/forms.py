"""Forms of the partner pages: they gather input; the rules are the services'."""

from django import forms
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.partners.models import Partner, PartnerContact, RankingEntry, Recognition, RecognitionCheck
from core.partners.recognition import recognition_policy
from core.partners.services import CONTACT_FIELDS, PARTNER_DETAILS, PARTNER_TEXTS, PARTNER_TRANSLATED
from i18n.countries import country_choices
from kopru.forms import NamesForm, checked_field, checked_texts, given_texts, text_fields, texts_form
from kopru.translated import LANGUAGES, translations


def _countries():
    return [("", "—"), *country_choices(get_language())]


# The partner's texts in each language, each followed by the box saying that its other languages still say the
# same; made by the forms' own metaclass so that the generated fields count as declared.
PartnerTexts = type(forms.Form)("PartnerTexts", (NamesForm,), {
    "__module__": __name__,
    **checked_field("name"),
    **text_fields("letter_addressee", _("Addressed in letters as")),
    **checked_field("letter_addressee"),
    **text_fields("city", _("City"), max_length=128),
    **checked_field("city"),
})


class PartnerForm(PartnerTexts):
    """A partner's page of details; on a new partner's (no `partner`) there is nothing to check yet, so no boxes."""

    short_name = forms.CharField(label=_("Short name"), max_length=64, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=_countries, required=False)
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
    # The city right after the country; the remaining fields keep their order.
    field_order = [*NamesForm.base_fields, "name_checked", *(f"letter_addressee_{code}" for code in LANGUAGES),
                   "letter_addressee_checked", "short_name", "country"]

    def __init__(self, *args, partner: Partner | None = None, **kwargs):
        if partner is not None:
            kwargs.setdefault("initial", {
                **{f"{field}_{code}": text for field in PARTNER_TRANSLATED
                   for code, text in translations(partner, field).items()},
                **{field: getattr(partner, field) for field in PARTNER_DETAILS}})
        super().__init__(*args, **kwargs)
        if partner is None:
            for field in PARTNER_TRANSLATED:
                del self.fields[f"{field}_checked"]

    def arguments(self) -> dict:
        """partner_create's or partner_update's keyword arguments; "translations_checked" only on an edit."""
        data = self.cleaned_data
        arguments = {"names": self.names(), "texts": given_texts(data, PARTNER_TEXTS),
                     **{field: data[field] for field in PARTNER_DETAILS}}
        if "name_checked" in self.fields:
            arguments["translations_checked"] = checked_texts(data, PARTNER_TRANSLATED)
        return arguments


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=_countries, required=False)
    recognition = forms.ChoiceField(
        label=_("Recognition"), required=False,
        choices=[("", "—"), ("attention", _("Not recognised or not checked")), *Recognition.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        policy = recognition_policy()
        if policy is None:  # the university's country asks for no recognition: nothing to filter on
            del self.fields["recognition"]
        else:
            self.fields["recognition"].label = policy.label


class ContactForm(texts_form("position", _("Position"))):
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=255)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=64, required=False)
    is_primary = forms.BooleanField(label=_("Primary contact"), required=False)
    field_order = ["name"]  # then the position in each language, then the rest

    @staticmethod
    def initial_for(contact: PartnerContact) -> dict:
        return {**{field: getattr(contact, field) for field in CONTACT_FIELDS},
                **{f"position_{code}": text for code, text in translations(contact, "position").items()}}

    def arguments(self) -> dict:
        """partner_contact_create's or partner_contact_update's keyword arguments."""
        return {**{field: self.cleaned_data[field] for field in CONTACT_FIELDS},
                "positions": given_texts(self.cleaned_data, ["position"])["position"]}


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
