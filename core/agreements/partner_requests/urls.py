"""Pages of the requests partners send under agreements in force, under /agreements/requests/."""

from django.urls import path

from core.agreements.partner_requests import views

app_name = "partner_requests"

urlpatterns = [
    path("requests/", views.request_list, name="list"),
    path("requests/<int:request_id>/", views.request_detail, name="detail"),
    path("requests/<int:request_id>/forward/", views.request_forward, name="forward"),
    path("requests/<int:request_id>/answer/", views.request_answer, name="answer"),
    path("requests/<int:request_id>/close/", views.request_close, name="close"),
    path("requests/<int:request_id>/letter/", views.request_letter, name="letter"),
]
