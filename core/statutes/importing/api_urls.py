from django.urls import path

from core.statutes.importing import api

urlpatterns = [
    path("statutes/import/", api.ImportSaveApi.as_view(), name="api-statute-import"),
    path("statutes/import/preview/", api.ImportPreviewApi.as_view(), name="api-statute-import-preview"),
    path("statutes/import/parallel/", api.ImportParallelApi.as_view(), name="api-statute-import-parallel"),
]
