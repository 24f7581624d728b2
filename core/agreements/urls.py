from django.urls import path

from core.agreements import views

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_index, name="list"),
    path("new/", views.agreement_new, name="create"),
    path("import/", views.agreement_import, name="import"),
    path("export/", views.agreement_export, name="export"),
    path("<int:agreement_id>/", views.agreement_detail, name="detail"),
    path("<int:agreement_id>/edit/", views.agreement_edit, name="edit"),
    path("<int:agreement_id>/delete/", views.agreement_delete, name="delete"),
    path("<int:agreement_id>/documents/", views.document_upload, name="document_upload"),
    path("<int:agreement_id>/documents/<int:document_id>/", views.document_upload, name="document_version_upload"),
    path("<int:agreement_id>/documents/<int:document_id>/v<int:number>/", views.document_download,
         name="document_download"),
]

# Among the document engine's pages, under /documents/ and its "documents" namespace (kopru/urls_tenant.py).
document_urlpatterns = [
    path("agreements/<int:agreement_id>/", views.agreement_generated_documents, name="agreement_documents"),
]
