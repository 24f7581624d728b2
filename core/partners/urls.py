from django.urls import path, re_path

from core.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.partner_list, name="list"),
    path("new/", views.partner_create, name="create"),
    path("export/", views.partner_export, name="export"),
    path("import/", views.partner_import, name="import"),
    path("rankings/import/", views.ranking_import, name="ranking_import"),
    path("<int:partner_id>/", views.partner_detail, name="detail"),
    path("<int:partner_id>/edit/", views.partner_edit, name="edit"),
    path("<int:partner_id>/delete/", views.partner_delete, name="delete"),
    path("<int:partner_id>/units/", views.unit_add, name="unit_add"),
    path("<int:partner_id>/contacts/", views.contact_add, name="contact_add"),
    path("<int:partner_id>/rankings/", views.ranking_add, name="ranking_add"),
    path("<int:partner_id>/recognition/", views.recognition_add, name="recognition_add"),
    path("<int:partner_id>/recognition/<int:check_id>/evidence/", views.recognition_evidence,
         name="recognition_evidence"),
    re_path(r"^(?P<partner_id>[0-9]+)/(?P<part>unit|contact|ranking)/(?P<part_id>[0-9]+)/$", views.part_edit,
            name="part_edit"),
    re_path(r"^(?P<partner_id>[0-9]+)/(?P<part>unit|contact|ranking)/(?P<part_id>[0-9]+)/delete/$",
            views.part_delete, name="part_delete"),
]

# Among the document engine's pages, under /documents/ and its "documents" namespace (kopru/urls_tenant.py).
document_urlpatterns = [
    path("info-note/<int:partner_id>/", views.info_note, name="info_note"),
    path("partners/<int:partner_id>/", views.partner_generated_documents, name="partner_documents"),
]
