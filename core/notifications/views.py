from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.accounts.forms import add_service_error
from core.agreements.reminders import reminder_settings_get, reminder_settings_update
from core.notifications.forms import ReminderSettingsForm
from core.notifications.selectors import notification_get_for_user, notifications_for_user
from core.notifications.services import notification_mark_read, notifications_mark_all_read
from core.office.permissions import Action, permission_required
from kopru.errors import ServiceError

PAGE_SIZE = 50


@permission_required(Action.VIEW_OFFICE)
def notification_list(request):
    page = Paginator(notifications_for_user(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@require_POST
@permission_required(Action.VIEW_OFFICE)
def notification_read(request, notification_id):
    """Mark one notification read; with `open`, go on to what it is about."""
    notification = notification_get_for_user(request.user, notification_id)
    notification_mark_read(notification=notification, acting_user=request.user)
    link = notification.link
    if "open" in request.POST and link and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        return redirect(link)
    return redirect("notifications:list")


@require_POST
@permission_required(Action.VIEW_OFFICE)
def notification_read_all(request):
    notifications_mark_all_read(acting_user=request.user)
    return redirect("notifications:list")


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
            return redirect("notifications:reminder_settings")
    return render(request, "notifications/reminder_settings.html", {"form": form})
