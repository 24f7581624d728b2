from django.urls import path

from core.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:notification_id>/read/", views.notification_mark_read, name="read"),
    path("read-all/", views.notifications_mark_all_read, name="read_all"),
]
