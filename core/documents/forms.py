from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.documents.letterhead import PLAIN, TRANSLATED
from core.documents.models import Letterhead
from kopru.forms import checked_field, checked_texts, given_texts, mark_outdated, text_fields
from kopru.translated import translations


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=_("DOCX template"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".docx"}))


class LetterheadForm(forms.Form):
    """The letterhead's plain fields as the model describes them, and its three texts in each language."""

    def __init__(self, *args, letterhead: Letterhead, **kwargs):
        initial = {field: getattr(letterhead, field) for field in PLAIN}
        for field in TRANSLATED:
            initial |= {f"{field}_{code}": text for code, text in translations(letterhead, field).items()}
        super().__init__(*args, initial=initial, **kwargs)
        for field in PLAIN:
            self.fields[field] = Letterhead._meta.get_field(field).formfield(required=False)
        for field in TRANSLATED:
            model_field = Letterhead._meta.get_field(field)
            self.fields.update(text_fields(field, capfirst(model_field.verbose_name),
                                           max_length=model_field.max_length, help_text=model_field.help_text))
            self.fields.update(checked_field(field))
        mark_outdated(self, letterhead)
        logo = Letterhead._meta.get_field("logo")
        self.fields["logo"] = forms.FileField(label=logo.verbose_name, required=False, help_text=logo.help_text,
                                              widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}))
        if letterhead.logo:
            self.fields["remove_logo"] = forms.BooleanField(label=_("Remove the logo"), required=False)

    def texts(self) -> dict[str, dict[str, str]]:
        return given_texts(self.cleaned_data, TRANSLATED)

    def checked(self) -> list[str]:
        return checked_texts(self.cleaned_data, TRANSLATED)

    def values(self) -> dict[str, str]:
        return {field: self.cleaned_data[field] for field in PLAIN}

    def logo(self) -> dict:
        """The logo's part of the service's arguments: a new upload, or whether to take the logo away."""
        return {"logo": self.cleaned_data["logo"], "remove_logo": self.cleaned_data.get("remove_logo", False)}
