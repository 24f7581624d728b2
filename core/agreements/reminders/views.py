from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from core.accounts.forms import add_service_error
from core.agreements.reminders.forms import ReminderSettingsForm
from core.agreements.reminders.selectors import reminder_settings_get
from core.agreements.reminders.services import reminder_settings_update
from core.office.permissions import Action, permission_required
from kopru.errors import ServiceError


@permission_required(Action.MANAGE_SETTINGS)
def reminder_settings(request):
    form = ReminderSettingsForm(request.POST or None,
                                initial=ReminderSettingsForm.initial_for(reminder_settings_get()))
    if request.method == "POST" and form.is_valid():
        try:
            reminder_settings_update(acting_user=request.user, **form.cleaned_data)
        except ServiceError as error:
            add_service_error(form, error)
        else:
            messages.success(request, gettext("Saved."))
            return redirect("reminders:settings")
    return render(request, "agreements/reminder_settings.html", {"form": form})
