from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core.notifications import services
from core.notifications.selectors import notification_get_for_user, notification_values
from core.office.permissions import Action, permission_required

PAGE_SIZE = 50


@permission_required(Action.VIEW_OFFICE)
def notification_list(request):
    page = Paginator(notification_values(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@require_POST
@permission_required(Action.VIEW_OFFICE)
def notification_mark_read(request, notification_id):
    """Mark one notification read; with `open`, go on to what it is about."""
    notification = notification_get_for_user(request.user, notification_id)
    services.notification_mark_read(notification=notification, acting_user=request.user)
    link = notification.link
    if "open" in request.POST and link and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        return redirect(link)
    return redirect("notifications:list")


@require_POST
@permission_required(Action.VIEW_OFFICE)
def notifications_mark_all_read(request):
    services.notifications_mark_all_read(acting_user=request.user)
    return redirect("notifications:list")
