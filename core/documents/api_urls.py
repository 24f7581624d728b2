from django.urls import path

from core.documents import api

urlpatterns = [
    path("documents/", api.DocumentListApi.as_view(), name="api-documents"),
    path("documents/<int:document_id>/", api.DocumentDetailApi.as_view(), name="api-document"),
    path("documents/<int:document_id>/download/<str:file_format>/", api.DocumentDownloadApi.as_view(),
         name="api-document-download"),
    path("document-jobs/<int:job_id>/", api.DocumentJobApi.as_view(), name="api-document-job"),
    path("letterhead/", api.LetterheadApi.as_view(), name="api-letterhead"),
    path("letterhead/logo/", api.LetterheadLogoApi.as_view(), name="api-letterhead-logo"),
    path("document-templates/", api.TemplateListApi.as_view(), name="api-document-templates"),
    path("document-templates/<str:kind>/<str:language>/", api.TemplateDetailApi.as_view(),
         name="api-document-template"),
    path("document-templates/<str:kind>/<str:language>/download/", api.TemplateDownloadApi.as_view(),
         name="api-document-template-download"),
]
