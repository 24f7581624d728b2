from django.shortcuts import redirect, render
from django.utils.translation import gettext

from core.agreements.reminders.forms import ReminderSettingsForm
from core.agreements.reminders.services import reminder_settings_update
from core.office.permissions import Action, permission_required
from core.office.selectors import office_settings_get
from kopru.web import run_service


@permission_required(Action.MANAGE_SETTINGS)
def reminder_settings(request):
    form = ReminderSettingsForm(request.POST or None,
                                initial=ReminderSettingsForm.initial_for(office_settings_get()))
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: reminder_settings_update(acting_user=request.user, **form.cleaned_data),
                          form=form, success_message=gettext("Saved."))
        if run.ok:
            return redirect("reminders:settings")
    return render(request, "agreements/reminder_settings.html", {"form": form})
