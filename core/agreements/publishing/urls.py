"""The public partner list (open to anyone on the university's host) and the office page behind it."""

from django.urls import path

from core.agreements.publishing import views

app_name = "publishing"
urlpatterns = [
    path("partners/public/", views.public_list, name="public_list"),
    path("partners/public/embed/", views.public_embed, name="public_embed"),
    path("partners/public.json", views.public_json, name="public_json"),
    path("partners/public.csv", views.public_csv, name="public_csv"),
    path("agreements/publishing/", views.office_page, name="office"),
    path("agreements/publishing/<int:agreement_id>/", views.office_toggle, name="toggle"),
]
