"""Forms of the workflow pages and of the requests under agreements; they check shape, services decide."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.agreements.models import DocumentKind, SignatureSide, WorkflowStep
from core.agreements.workflow.services import STEP_SETTINGS
from core.office.forms import UnitChoiceField
from core.office.models import Role
from core.office.permissions import STAFF
from core.partners.recognition import recognition_policy
from kopru.forms import NamesForm, checked_field, checked_texts, given_texts, text_fields
from kopru.translated import LANGUAGES

STEP_ROLES = [(value, label) for value, label in Role.choices if value in STAFF]
LETTER_TEXT_LABELS = {"letter_subject": _("Subject of the letter"), "signatory_title": _("Signatory's title"),
                      "signs_for": _("Signs on behalf of")}


class StepForm(NamesForm):
    clause = forms.CharField(label=_("Clause"), max_length=32, required=False,
                             help_text=_("The clause of the office's regulation that asks for the step, e.g. 7.6."))
    role = forms.ChoiceField(label=_("Completed by"), choices=STEP_ROLES)
    required_documents = forms.MultipleChoiceField(label=_("Documents it needs"), choices=DocumentKind.choices,
                                                   required=False, widget=forms.CheckboxSelectMultiple)
    produced_documents = forms.MultipleChoiceField(label=_("Documents it produces"), choices=DocumentKind.choices,
                                                   required=False, widget=forms.CheckboxSelectMultiple)
    skippable = forms.BooleanField(label=_("May be skipped"), required=False)
    sends_letter = forms.BooleanField(label=_("Sends a cover letter"), required=False)
    letter_addressee = forms.TypedChoiceField(label=_("Cover letter goes to"), choices=WorkflowStep.Addressee.choices,
                                              required=False, empty_value=WorkflowStep.Addressee.GENERIC)
    letter_language = forms.ChoiceField(
        label=_("Language of the letter"), required=False,
        choices=[("", _("The university's language")), *settings.LANGUAGES],
        help_text=_("A letter to a foreign partner is written in English or the partner's language."))
    signatory_name = forms.CharField(label=_("Signed by"), max_length=255, required=False,
                                     help_text=_("Left empty, the person who completes the step signs."))
    checks_recognition = forms.BooleanField(label=_("Needs every partner recognised"), required=False)
    puts_in_force = forms.BooleanField(label=_("Puts the agreement in force"), required=False)
    publishes = forms.BooleanField(label=_("Shows the agreement on the public partner list"), required=False)
    records_signature = forms.ChoiceField(
        label=_("Records the date of signature of"), required=False,
        choices=[("", _("Nobody")), *SignatureSide.choices],
        help_text=_("Completing the step dates that side's signatories on the agreement."))
    reminder_days = forms.IntegerField(label=_("Remind after (days)"), min_value=1, max_value=365, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(checked_field("name"))
        for field, label in LETTER_TEXT_LABELS.items():
            self.fields.update(text_fields(field, label))
            self.fields.update(checked_field(field))
        self.order_fields([*(f"name_{code}" for code in LANGUAGES), "name_checked"])
        policy = recognition_policy()
        if policy is None:  # the university's country asks for no recognition
            del self.fields["checks_recognition"]
        else:
            self.fields["checks_recognition"].label = gettext("Needs every partner recognised by %(authority)s") % {
                "authority": policy.authority}

    def step_settings(self) -> dict:
        return {name: self.cleaned_data[name] for name in STEP_SETTINGS if name in self.cleaned_data}

    def letter_texts(self) -> dict[str, dict[str, str]]:
        return given_texts(self.cleaned_data, LETTER_TEXT_LABELS)

    def translations_checked(self) -> list[str]:
        return checked_texts(self.cleaned_data, ["name", *LETTER_TEXT_LABELS])


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CompleteForm(CommentForm):
    """A comment, one upload per document the step needs or produces (named by the document kind), and the date
    of signature on a step that records one."""

    def __init__(self, *args, kinds=(), signature=False, **kwargs):
        super().__init__(*args, **kwargs)
        if signature:
            self.fields["signed_on"] = forms.DateField(
                label=_("Signed on"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                help_text=_("Left empty: today."))
        for kind in kinds:
            self.fields[kind] = forms.FileField(label=DocumentKind(kind).label, required=False)

    def uploads(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items()
                if name not in ("comment", "signed_on") and value}


class SkipForm(forms.Form):
    comment = forms.CharField(label=_("Why is it skipped?"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    to_step = forms.TypedChoiceField(label=_("Send back to"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_step"].choices = [("", _("the previous step"))] + [
            (step.pk, f"{step.position}. {step.name}") for step in steps]


class RequestRegisterForm(forms.Form):
    agreement = forms.ModelChoiceField(label=_("Agreement"), queryset=None)
    received_on = forms.DateField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    sender = forms.CharField(label=_("From"), max_length=255)
    subject = forms.CharField(label=_("Subject"), max_length=255)
    body = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    letter = forms.FileField(label=_("Letter"), required=False)

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements


class RequestForwardForm(forms.Form):
    unit = UnitChoiceField(label=_("Forward to"), empty_label=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].required = True


class RequestAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4}))
