"""Import pages under /statutes/import/ on the university's host."""

from django.urls import path

from core.statutes.importing import views

app_name = "statute_import"
urlpatterns = [
    path("", views.import_start, name="start"),
    path("review/", views.import_review, name="review"),
]
