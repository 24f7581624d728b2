from django.urls import path

from console import views

app_name = "console"
urlpatterns = [
    path("", views.console, name="index"),
    path("universities/new/", views.onboard, name="onboard"),
    path("universities/<slug:slug>/", views.university_detail, name="university"),
    path("universities/<slug:slug>/suspend/", views.suspend, name="suspend"),
    path("universities/<slug:slug>/reactivate/", views.reactivate, name="reactivate"),
    path("universities/<slug:slug>/domains/", views.add_domain, name="add_domain"),
    path("universities/<slug:slug>/deletion/", views.schedule_deletion, name="schedule_deletion"),
    path("universities/<slug:slug>/deletion/cancel/", views.cancel_deletion, name="cancel_deletion"),
    path("provisioning/<int:job_id>/", views.progress, name="progress"),
]
