"""Import pages under /statutes/import/ on the university's host."""

from django.urls import path

from core.statutes import import_views

app_name = "statute_import"
urlpatterns = [
    path("", import_views.import_start, name="start"),
    path("review/", import_views.import_review, name="review"),
]
