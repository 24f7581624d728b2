from django.urls import path

from core.partners import api

urlpatterns = [
    path("partners/", api.PartnerListApi.as_view(), name="api-partners"),
    path("partners/import/", api.PartnerImportApi.as_view(), name="api-partners-import"),
    path("partners/export/", api.PartnerExportApi.as_view(), name="api-partners-export"),
    path("partners/rankings/import/", api.RankingImportApi.as_view(), name="api-rankings-import"),
    path("partners/<int:partner_id>/", api.PartnerDetailApi.as_view(), name="api-partner"),
    path("partners/<int:partner_id>/info-note/", api.InfoNoteCreateApi.as_view(), name="api-info-note"),
    path("partners/<int:partner_id>/units/", api.PartnerUnitListApi.as_view(), name="api-partner-units"),
    path("partners/<int:partner_id>/units/<int:unit_id>/", api.PartnerUnitDetailApi.as_view(),
         name="api-partner-unit"),
    path("partners/<int:partner_id>/contacts/", api.PartnerContactListApi.as_view(), name="api-partner-contacts"),
    path("partners/<int:partner_id>/contacts/<int:contact_id>/", api.PartnerContactDetailApi.as_view(),
         name="api-partner-contact"),
    path("partners/<int:partner_id>/rankings/", api.RankingListApi.as_view(), name="api-partner-rankings"),
    path("partners/<int:partner_id>/rankings/<int:entry_id>/", api.RankingDetailApi.as_view(),
         name="api-partner-ranking"),
    path("partners/<int:partner_id>/recognition-checks/", api.RecognitionCheckListApi.as_view(),
         name="api-partner-recognition-checks"),
    path("partners/<int:partner_id>/recognition-checks/<int:check_id>/evidence/",
         api.RecognitionEvidenceApi.as_view(), name="api-partner-recognition-evidence"),
]
