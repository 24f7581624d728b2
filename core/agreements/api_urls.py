from django.urls import path

from core.agreements import api

urlpatterns = [
    path("agreements/", api.AgreementListApi.as_view(), name="api-agreements"),
    path("agreements/import/", api.AgreementImportApi.as_view(), name="api-agreements-import"),
    path("agreements/export/", api.AgreementExportApi.as_view(), name="api-agreements-export"),
    path("agreements/<int:agreement_id>/", api.AgreementDetailApi.as_view(), name="api-agreement"),
    path("agreements/<int:agreement_id>/documents/", api.DocumentListApi.as_view(), name="api-agreement-documents"),
    path("agreements/<int:agreement_id>/documents/<int:document_id>/versions/", api.DocumentVersionCreateApi.as_view(),
         name="api-agreement-document-versions"),
    path("agreements/<int:agreement_id>/documents/<int:document_id>/versions/<int:number>/file/",
         api.DocumentFileApi.as_view(), name="api-agreement-document-file"),
    path("isced-fields/", api.IscedListApi.as_view(), name="api-isced-fields"),
]
