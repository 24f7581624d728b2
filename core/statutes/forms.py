"""Forms of the statute pages: they read what was typed; core.statutes.services decides what is valid.

Translated fields get one input per language, labelled "<field> (<language>)" in the reader's language.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.agreements.forms import filled_rows
from core.agreements.models import WorkflowStep
from core.office.models import Role
from core.statutes.models import Clause, Statute
from core.statutes.services import JOB_FIELDS, SIGNER_TITLE_FIELDS, UNTRANSLATED_CONTROL_FIELDS
from kopru.forms import checked_field, checked_texts, given_texts, text_fields, texts_form

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
LANGUAGE_NAMES = dict(settings.LANGUAGES)
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXTAREA = forms.Textarea(attrs={"rows": 3})


def _add_translated(form: forms.Form, name: str, label, *, long: bool = False, max_length: int | None = 255) -> None:
    for code in LANGUAGES:
        form.fields[f"{name}_{code}"] = forms.CharField(
            label=gettext("%(field)s (%(language)s)") % {"field": label, "language": LANGUAGE_NAMES[code]},
            required=False, widget=TEXTAREA if long else None, max_length=None if long else max_length)


def _translated(data: dict, name: str) -> dict[str, str]:
    return {code: data.get(f"{name}_{code}") or "" for code in LANGUAGES}


def _translated_initial(instance, name: str) -> dict:
    return {f"{name}_{code}": getattr(instance, f"{name}_{code}") for code in LANGUAGES}


class StatuteForm(forms.Form):
    """The document control of a statute and, for a job description, where the position sits."""

    LONG_JOB_FIELDS = {"place_in_organisation", "requirements"}

    kind = forms.ChoiceField(label=_("Kind"), choices=Statute.Kind.choices)
    document_number = forms.CharField(label=_("Document number"), max_length=64, required=False,
                                      help_text=_("As the quality system numbers it, e.g. KYS-GT-431."))
    first_published_on = forms.DateField(label=_("First publication date"), required=False, widget=DATE_INPUT)
    prepared_by_name = forms.CharField(label=_("Prepared by"), max_length=255, required=False)
    approved_by_name = forms.CharField(label=_("Approved by"), max_length=255, required=False)
    SIGNER_TITLE_LABELS = {"prepared_by_title": _("Title of the preparer"),
                           "approved_by_title": _("Title of the approver")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.SIGNER_TITLE_LABELS.items():
            self.fields.update(text_fields(name, label))
        # Each signer's title in every language right under the signer's name.
        self.order_fields(["kind", "document_number", "first_published_on",
                           "prepared_by_name", *(f"prepared_by_title_{code}" for code in LANGUAGES),
                           "approved_by_name", *(f"approved_by_title_{code}" for code in LANGUAGES)])
        _add_translated(self, "title", Statute._meta.get_field("title").verbose_name.capitalize())
        self.fields.update(checked_field("title"))
        for name in JOB_FIELDS:
            _add_translated(self, name, Statute._meta.get_field(name).verbose_name.capitalize(),
                            long=name in self.LONG_JOB_FIELDS)

    @staticmethod
    def initial_for(statute: Statute) -> dict:
        initial = {name: getattr(statute, name) for name in ("kind", *UNTRANSLATED_CONTROL_FIELDS)}
        for name in ("title", *SIGNER_TITLE_FIELDS, *JOB_FIELDS):
            initial.update(_translated_initial(statute, name))
        return initial

    def checked(self) -> list[str]:
        """The translated fields whose other languages the editor says still say the same (statute_update)."""
        return checked_texts(self.cleaned_data, ["title"])

    def service_arguments(self, agreed_by: forms.BaseFormSet) -> dict:
        """The service's arguments, with the signers who agreed from the `agreed_by` formset's filled rows."""
        data = self.cleaned_data
        return {
            "kind": data["kind"], "titles": _translated(data, "title"),
            "agreed_by": [{"name": row.cleaned_data["name"], **given_texts(row.cleaned_data, ["title"])}
                          for row in filled_rows(agreed_by)],
            "job": {name: _translated(data, name) for name in JOB_FIELDS},
            **{name: data[name] for name in UNTRANSLATED_CONTROL_FIELDS},
            **given_texts(data, SIGNER_TITLE_FIELDS),
        }


class AgreedByForm(texts_form("title", _("Position"))):
    """One who agreed the document: a name, and a title in each language."""

    field_order = ["name"]
    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=255)


AgreedByFormSet = forms.formset_factory(AgreedByForm, extra=2, can_delete=True)


def agreed_by_initial(statute: Statute) -> list[dict]:
    return [{"name": row.name, **_translated_initial(row, "title")} for row in statute.agreed_by.all()]


class ClauseTextForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Clause.Kind.choices, initial=Clause.Kind.CLAUSE)
    number = forms.CharField(label=_("Number"), max_length=32, required=False,
                             help_text=_("As the text writes it: 7.1, a), ç), 1., I., or a bullet."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _add_translated(self, "text", gettext("Text"), long=True)
        self.fields.update(checked_field("text"))

    @staticmethod
    def initial_for(clause: Clause) -> dict:
        return {"kind": clause.kind, "number": clause.number, **_translated_initial(clause, "text")}

    def texts(self) -> dict[str, str]:
        return _translated(self.cleaned_data, "text")

    def texts_checked(self) -> bool:
        return bool(checked_texts(self.cleaned_data, ["text"]))


class PlaceForm(forms.Form):
    """Where a clause goes: under which parent, and at which place among that parent's clauses."""

    parent = forms.TypedChoiceField(label=_("Under"), coerce=int, empty_value=None, required=False)
    place = forms.IntegerField(label=_("Place"), min_value=1, required=False,
                               help_text=_("1 puts it first under its parent; empty puts it last."))

    def __init__(self, *args, parents: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].choices = [("", gettext("(top level)")), *parents]

    def index(self) -> int | None:
        place = self.cleaned_data.get("place")
        return None if place is None else place - 1


class ClauseAddForm(ClauseTextForm, PlaceForm):
    pass


class LinksForm(forms.Form):
    roles = forms.MultipleChoiceField(label=_("Roles it mandates"), choices=Role.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple)
    workflow_steps = forms.ModelMultipleChoiceField(
        label=_("Workflow steps it mandates"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=WorkflowStep.objects.select_related("workflow").order_by("workflow_id", "position"))


class DescriptionForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _add_translated(self, "description", gettext("What changed"), long=True)

    def descriptions(self) -> dict[str, str]:
        return _translated(self.cleaned_data, "description")


class ApproveForm(forms.Form):
    in_force_from = forms.DateField(label=_("In force from"), widget=DATE_INPUT)
    decision_number = forms.CharField(label=_("Decision or minutes number"), max_length=32, required=False,
                                      help_text=_("Of the council that approved it, when the document cites it."))
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE_INPUT, required=False)


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Why it goes back to draft"), widget=TEXTAREA)


class OnDateForm(forms.Form):
    on = forms.DateField(label=_("In force on"), widget=DATE_INPUT)


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label=_("Revision"), coerce=int)
    b = forms.TypedChoiceField(label=_("with revision"), coerce=int)
    lang = forms.ChoiceField(label=_("Language"), required=False)
    changes = forms.BooleanField(label=_("Changes only"), required=False)

    def __init__(self, *args, numbers: list[int], languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(number, f"{number:02d}") for number in numbers]
        self.fields["a"].choices = self.fields["b"].choices = choices
        self.fields["lang"].choices = [(code, LANGUAGE_NAMES[code]) for code in languages]
