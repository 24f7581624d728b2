"""Forms of the import: the text and what it is, then the parsed rows to correct before saving."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.statutes.importing.services import DROP, MAX_LEVEL, MERGE, SPLIT, Row
from core.statutes.models import Clause, Statute

# Each row posts four or five fields; Django accepts 1,000 fields a request (DATA_UPLOAD_MAX_NUMBER_FIELDS).
MAX_ROWS = 240


class ImportSourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Statute.Kind.choices)
    language = forms.ChoiceField(label=_("Language of the text"), choices=settings.LANGUAGES)
    file = forms.FileField(label=_("Plain-text file (.txt, UTF-8)"), required=False)
    text = forms.CharField(label=_("Or paste the text"), required=False,
                           widget=forms.Textarea(attrs={"rows": 16}), strip=False)

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Upload a .txt file or paste the text."))
        return data


class ImportDetailsForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Statute.Kind.choices)
    language = forms.ChoiceField(label=_("Language of the text"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=255)
    payload = forms.CharField(widget=forms.HiddenInput)


class RowForm(forms.Form):
    level = forms.IntegerField(label=_("Level"), min_value=0, max_value=MAX_LEVEL,
                               widget=forms.NumberInput(attrs={"class": "narrow"}))
    number = forms.CharField(label=_("Number"), max_length=32, required=False,
                             widget=forms.TextInput(attrs={"size": 6}))
    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    section = forms.BooleanField(label=_("Section"), required=False)
    action = forms.ChoiceField(label=_("Correction"), required=False, choices=[
        ("", "—"), (DROP, _("Drop")), (MERGE, _("Merge with the row above")),
        (SPLIT, _("Split at line breaks")),
    ])

    @staticmethod
    def initial_for(row: Row) -> dict:
        return {"level": row.level, "number": row.number, "text": row.text,
                "section": row.kind == Clause.Kind.SECTION}

    def row(self) -> Row:
        data = self.cleaned_data
        return Row(level=data["level"], number=data["number"] or "", text=data["text"] or "",
                   kind=Clause.Kind.SECTION if data["section"] else Clause.Kind.CLAUSE, action=data["action"])


RowFormSet = forms.formset_factory(RowForm, extra=0, max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS)
