"""The engine's pages; kopru/urls_tenant.py puts them under /documents/ and the "documents" namespace,
with the pages of one record's documents that the record's app adds (its document_urlpatterns)."""

from django.urls import path

from core.documents import views

urlpatterns = [
    path("<int:document_id>/", views.detail, name="detail"),
    path("<int:document_id>/download/<str:file_format>/", views.download, name="download"),
    path("jobs/<int:job_id>/", views.job, name="job"),
    path("letterhead/", views.letterhead, name="letterhead"),
    path("letterhead/logo/", views.letterhead_logo, name="letterhead_logo"),
    path("templates/", views.templates, name="templates"),
    path("templates/<str:kind>/<str:language>/", views.template_download, name="template_download"),
    path("templates/<str:kind>/<str:language>/preview/", views.template_sample, name="template_preview"),
    path("templates/<str:kind>/<str:language>/upload/", views.template_replace, name="template_upload"),
    path("templates/<str:kind>/<str:language>/reset/", views.template_restore, name="template_reset"),
]
