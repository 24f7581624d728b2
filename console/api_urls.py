from django.urls import path

from console import api

urlpatterns = [
    path("universities/", api.UniversityListApi.as_view(), name="api-universities"),
    path("universities/<slug:slug>/", api.UniversityDetailApi.as_view(), name="api-university-detail"),
    path("universities/<slug:slug>/suspend/", api.UniversitySuspendApi.as_view(), name="api-university-suspend"),
    path("universities/<slug:slug>/reactivate/", api.UniversityReactivateApi.as_view(),
         name="api-university-reactivate"),
    path("universities/<slug:slug>/domains/", api.UniversityDomainsApi.as_view(), name="api-university-domains"),
    path("universities/<slug:slug>/deletion/", api.UniversityDeletionApi.as_view(), name="api-university-deletion"),
    path("provisioning/<int:job_id>/", api.ProvisioningJobApi.as_view(), name="api-provisioning-job"),
]
