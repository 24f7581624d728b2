from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from core.notifications import services
from core.notifications.selectors import NOTIFICATION_ORDERING, notification_get_for_user, notification_values
from core.office.permissions import Action, permission_required
from kopru.lists import sort_columns

PAGE_SIZE = 50


@permission_required(Action.VIEW_OFFICE)
def notification_list(request):
    """The reader's notifications, newest first unless sorted otherwise; `unread` keeps the unread ones."""
    unread = request.GET.get("unread") == "1"
    values = notification_values(request.user, unread_only=unread, ordering=request.GET.get("ordering", ""))
    page = Paginator(values, PAGE_SIZE).get_page(request.GET.get("page"))
    columns = sort_columns(request.GET, NOTIFICATION_ORDERING, [
        ("created_at", gettext("Date")), ("title", gettext("Title")), ("read_at", gettext("Read on")),
    ])
    newest_first = NOTIFICATION_ORDERING.key(request.GET.get("ordering")) == NOTIFICATION_ORDERING.default
    return render(request, "notifications/list.html", {"page": page, "columns": columns, "unread": unread,
                                                       "newest_first": newest_first})


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
