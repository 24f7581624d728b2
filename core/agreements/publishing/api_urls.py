from django.urls import path

from core.agreements.publishing.api import AgreementPublicationApi

urlpatterns = [
    path("agreements/<int:agreement_id>/publication/", AgreementPublicationApi.as_view(),
         name="api-agreement-publication"),
]
