from django.urls import path

from core.documents import views

app_name = "documents"
urlpatterns = [
    path("info-note/<int:partner_id>/", views.info_note, name="info_note"),
    path("partners/<int:partner_id>/", views.partner_documents, name="partner_documents"),
    path("agreements/<int:agreement_id>/", views.agreement_documents, name="agreement_documents"),
    path("<int:document_id>/", views.detail, name="detail"),
    path("<int:document_id>/download/<str:file_format>/", views.download, name="download"),
    path("jobs/<int:job_id>/", views.job, name="job"),
    path("templates/", views.templates, name="templates"),
    path("templates/<str:kind>/<str:language>/", views.template_download, name="template_download"),
    path("templates/<str:kind>/<str:language>/preview/", views.template_sample, name="template_preview"),
    path("templates/<str:kind>/<str:language>/upload/", views.template_replace, name="template_upload"),
    path("templates/<str:kind>/<str:language>/reset/", views.template_restore, name="template_reset"),
]
