from django import forms
from django.utils.translation import gettext_lazy as _


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=_("DOCX template"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".docx"}))
