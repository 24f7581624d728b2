"""Pages of statutes under /statutes/ on the university's host; /statutes/public/ is open to anyone."""

from django.urls import path

from core.statutes import public_views, views

app_name = "statutes"
revision = "<int:statute_id>/revisions/<int:number>/"
urlpatterns = [
    path("", views.statute_index, name="list"),
    path("new/", views.statute_new, name="create"),
    path("public/", public_views.public_list, name="public_list"),
    path("public/<int:statute_id>/", public_views.public_detail, name="public_detail"),
    path("public/<int:statute_id>/<str:fmt>/", public_views.public_export, name="public_export"),
    path("<int:statute_id>/", views.statute_detail, name="detail"),
    path("<int:statute_id>/edit/", views.statute_edit, name="edit"),
    path("<int:statute_id>/compare/", views.revision_compare, name="compare"),
    path("<int:statute_id>/revisions/new/", views.revision_new, name="revision_new"),
    path(revision + "edit/", views.revision_edit, name="revision_edit"),
    path(revision + "describe/", views.revision_describe, name="revision_describe"),
    path(revision + "submit/", views.revision_submit, name="revision_submit"),
    path(revision + "approve/", views.revision_approve, name="revision_approve"),
    path(revision + "return/", views.revision_return, name="revision_return"),
    path(revision + "export/<str:fmt>/", views.revision_export, name="revision_export"),
    path("clauses/<int:clause_id>/", views.clause_detail, name="clause"),
    path("clauses/<int:clause_id>/edit/", views.clause_edit, name="clause_edit"),
    path("clauses/<int:clause_id>/move/", views.clause_move, name="clause_move"),
    path("clauses/<int:clause_id>/delete/", views.clause_delete, name="clause_delete"),
    path("clauses/<int:clause_id>/links/", views.clause_links, name="clause_links"),
]
