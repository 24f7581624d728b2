from django.urls import path

from core.statutes import import_api

urlpatterns = [
    path("statutes/import/", import_api.ImportSaveApi.as_view(), name="api-statute-import"),
    path("statutes/import/preview/", import_api.ImportPreviewApi.as_view(), name="api-statute-import-preview"),
    path("statutes/import/parallel/", import_api.ImportParallelApi.as_view(), name="api-statute-import-parallel"),
]
