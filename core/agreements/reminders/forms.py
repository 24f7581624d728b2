from django import forms
from django.utils.translation import gettext_lazy as _

from core.office.models import OfficeSettings


class ReminderSettingsForm(forms.Form):
    expiry_reminder_days = forms.CharField(
        label=_("Remind before an agreement expires (days)"), max_length=100, required=False,
        help_text=_("Up to five numbers separated by commas, such as 180, 90, 30. Leave empty for no reminders."),
    )
    step_reminder_days = forms.IntegerField(
        label=_("Remind when a workflow step waits longer than (days)"),
        help_text=_("For steps without a reminder period of their own."),
    )

    @staticmethod
    def initial_for(office: OfficeSettings) -> dict:
        return {"expiry_reminder_days": ", ".join(str(days) for days in office.expiry_reminder_days),
                "step_reminder_days": office.step_reminder_days}

    def clean_expiry_reminder_days(self) -> list[int]:
        parts = [part.strip() for part in self.cleaned_data["expiry_reminder_days"].split(",") if part.strip()]
        if not all(part.isdigit() for part in parts):
            raise forms.ValidationError(_("Give whole numbers of days separated by commas, such as 180, 90, 30."))
        return [int(part) for part in parts]
