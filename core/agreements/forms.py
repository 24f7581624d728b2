"""Forms of the agreement pages: they read what was typed; core.agreements.services decides what is valid."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.agreements.models import Agreement, CooperationCondition, DocumentKind, Signatory
from core.agreements.selectors import AgreementFilters, isced_fields
from core.office.models import AcademicUnit
from core.partners.models import Partner
from i18n.countries import country_choices
from kopru.forms import checked_field, checked_texts, given_texts, text_fields
from kopru.translated import translations

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _blank(choices) -> list:
    return [("", _("(all)")), *choices]


# The type, then the title in each language (a language left blank gets one composed from the partners and the
# type), then the rest; made by the forms' own metaclass so that the generated fields count as declared.
AgreementTitles = type(forms.Form)("AgreementTitles", (forms.Form,), {
    "__module__": __name__,
    "kind": forms.ChoiceField(label=_("Type"), choices=Agreement.Kind.choices),
    **text_fields("title", _("Title"), help_text=_("A language left blank gets a title made of the partners' names "
                                                    "and the type.")),
    **checked_field("title"),
})


class AgreementForm(AgreementTitles):
    reference = forms.CharField(label=_("Reference number"), max_length=64, required=False)
    partners = forms.ModelMultipleChoiceField(label=_("Partners"), queryset=Partner.objects.all(), required=False,
                                              help_text=_("Choose one or more partners from the partner list."))
    units = forms.ModelMultipleChoiceField(label=_("Our academic units"), queryset=AcademicUnit.objects.all(),
                                           required=False)
    scopes = forms.MultipleChoiceField(label=_("Scope"), choices=Agreement.Scope.choices,
                                       widget=forms.CheckboxSelectMultiple, required=False)
    origin = forms.ChoiceField(label=_("Requested by"), choices=Agreement.Origin.choices,
                               initial=Agreement.Origin.OFFICE)
    starts_on = forms.DateField(label=_("Valid from"), required=False, widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Valid until"), required=False, widget=DATE_INPUT)
    first_academic_year = forms.IntegerField(label=_("First academic year"), required=False, min_value=1900,
                                             max_value=2999, help_text=_("The year it starts in: 2025 for 2025/26."))
    last_academic_year = forms.IntegerField(label=_("Last academic year"), required=False, min_value=1900,
                                            max_value=2999)
    renewal = forms.ChoiceField(label=_("Renewal"), choices=Agreement.Renewal.choices,
                                initial=Agreement.Renewal.NONE)
    text_languages = forms.CharField(label=_("Languages of the text"), required=False, max_length=64,
                                     help_text=_("Two-letter codes separated by commas, such as tr, en."))

    @staticmethod
    def initial_for(agreement: Agreement) -> dict:
        initial = {name: getattr(agreement, name) for name in (
            "kind", "reference", "scopes", "origin", "starts_on", "ends_on", "first_academic_year",
            "last_academic_year", "renewal")}
        initial.update({f"title_{code}": title for code, title in translations(agreement, "title").items()})
        initial["partners"] = [partner.pk for partner in agreement.partners.all()]
        initial["units"] = [unit.pk for unit in agreement.units.all()]
        initial["text_languages"] = ", ".join(agreement.text_languages)
        return initial

    def service_arguments(self) -> dict:
        """The services' keyword arguments; "titles_checked" only agreement_update takes."""
        data = {name: value for name, value in self.cleaned_data.items() if not name.startswith("title_")}
        titles, data["titles_checked"] = given_texts(self.cleaned_data, ["title"])["title"], "title" in checked_texts(
            self.cleaned_data, ["title"])
        data["text_languages"] = [code.strip().lower() for code in data["text_languages"].split(",")
                                  if code.strip()]
        data["partners"] = list(data["partners"])
        data["units"] = list(data["units"])
        return {"titles": titles, **data}


class IscedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, field) -> str:
        return f"{field.code} {field.name}"


class ConditionForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Blank first choices: a browser posts an untouched select's first option, and an untouched row must stay empty.
    direction = forms.ChoiceField(label=_("Direction"), choices=[("", "—"), *CooperationCondition.Direction.choices])
    mobility_type = forms.ChoiceField(label=_("Mobility type"),
                                      choices=[("", "—"), *CooperationCondition.MobilityType.choices])
    isced = IscedChoiceField(label=_("ISCED-F field"), queryset=isced_fields(), required=False)
    eqf_level = forms.IntegerField(label=_("EQF level"), required=False,
                                   help_text=_("EQF levels 5–8 are the higher-education levels: short cycle, "
                                               "bachelor, master, doctorate."))
    places_per_year = forms.IntegerField(label=_("Places per year"))
    months_per_person = forms.DecimalField(label=_("Months per person"), required=False, max_digits=4,
                                           decimal_places=1, help_text=_("For students (SMS, SMT)."))
    days_per_person = forms.IntegerField(label=_("Days per person"), required=False,
                                         help_text=_("For staff (STA, STT)."))
    language = forms.CharField(label=_("Language"), required=False, max_length=8,
                               help_text=_("ISO 639-1 code, such as en or tr."))
    cefr_level = forms.ChoiceField(label=_("Level (CEFR)"), required=False,
                                   choices=[("", "—"), *CooperationCondition.Cefr.choices])


SignatoryForm = type(forms.Form)("SignatoryForm", (forms.Form,), {
    "__module__": __name__,
    "side": forms.ChoiceField(label=_("Side"), choices=[("", "—"), *Signatory.Side.choices]),
    "name": forms.CharField(label=pgettext_lazy("person", "Name"), max_length=255),
    **text_fields("title", _("Position")),
    "signed_on": forms.DateField(label=_("Signed on"), required=False, widget=DATE_INPUT),
})


def signatory_row(form: forms.Form) -> dict:
    """A filled signatory row as the services take it: its fields and "titles" by language."""
    return {"id": form.cleaned_data.get("id"), "side": form.cleaned_data["side"], "name": form.cleaned_data["name"],
            "signed_on": form.cleaned_data["signed_on"], "titles": given_texts(form.cleaned_data, ["title"])["title"]}


def signatory_initial(signatory: Signatory) -> dict:
    return {"side": signatory.side, "name": signatory.name, "signed_on": signatory.signed_on,
            **{f"title_{code}": title for code, title in translations(signatory, "title").items()}}


ConditionFormSet = forms.formset_factory(ConditionForm, extra=2, can_delete=True)
SignatoryFormSet = forms.formset_factory(SignatoryForm, extra=2, can_delete=True)


def filled_rows(formset) -> list[forms.Form]:
    """The formset's forms that hold a row: typed in and not marked for deletion."""
    return [form for form in formset.forms
            if form.has_changed() and not form.cleaned_data.get("DELETE") and form.cleaned_data]


class AgreementFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=_blank(Agreement.Kind.choices))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_blank(Agreement.Status.choices))
    partner = forms.ModelChoiceField(label=_("Partner"), required=False, queryset=Partner.objects.all(),
                                     empty_label=_("(all)"))
    country = forms.ChoiceField(label=_("Country"), required=False)
    unit = forms.ModelChoiceField(label=_("Academic unit"), required=False, queryset=AcademicUnit.objects.all(),
                                  empty_label=_("(all)"))
    expiring_within = forms.IntegerField(label=_("Expiring within (days)"), required=False, min_value=0,
                                         max_value=3650)

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _blank(country_choices(language))

    def filters(self) -> AgreementFilters:
        if not self.is_valid():
            return AgreementFilters()
        data = self.cleaned_data
        return AgreementFilters(
            kind=data["kind"], status=data["status"], partner=data["partner"].pk if data["partner"] else None,
            country=data["country"], unit=data["unit"].pk if data["unit"] else None,
            expiring_within=data["expiring_within"], search=data["q"],
        )


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices, initial=DocumentKind.AGREEMENT_TEXT)
    title = forms.CharField(label=_("Title"), max_length=255, required=False,
                            help_text=_("Left empty, the file's name is used."))
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, DOC, ODT, PNG or JPEG."))


class VersionUploadForm(forms.Form):
    file = forms.FileField(label=_("New version"))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Table"), help_text=_(
        "CSV with one agreement per row, or XLSX with the sheets “agreements” and “conditions”."))
