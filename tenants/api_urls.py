from django.urls import path

from tenants.api import UniversityProfileApi

urlpatterns = [
    path("university/", UniversityProfileApi.as_view(), name="api-university"),
]
