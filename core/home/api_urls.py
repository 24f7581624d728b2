from django.urls import path

from core.home.api import HomeApi

urlpatterns = [
    path("home/", HomeApi.as_view(), name="api-home"),
]
