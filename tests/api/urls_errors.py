"""The tenant URLconf plus API views that fail in the ways no real endpoint fails on demand."""

from django.urls import path
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from core.agreements.errors import AgreementError
from kopru.errors import ServiceError
from kopru.urls_tenant import handler404, handler500
from kopru.urls_tenant import urlpatterns as tenant_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


class Nobody(BasePermission):
    def has_permission(self, request, view):
        return False


class ForbiddenApi(APIView):
    permission_classes = [Nobody]

    def get(self, request):
        return Response({})


class OncePerMinute(AnonRateThrottle):
    rate = "1/min"


class ThrottledApi(APIView):
    permission_classes = []
    throttle_classes = [OncePerMinute]

    def get(self, request):
        return Response({"ok": True})


class BrokenApi(APIView):
    permission_classes = []

    def get(self, request):
        raise RuntimeError("secret detail of the failure")


class RuleApi(APIView):
    permission_classes = []

    def post(self, request):
        raise ServiceError(AgreementError.NOT_A_DRAFT, "This agreement is not a draft.",
                           fields={"status": ["In force."]})


urlpatterns = [
    path("api/test/forbidden/", ForbiddenApi.as_view()),
    path("api/test/throttled/", ThrottledApi.as_view()),
    path("api/test/broken/", BrokenApi.as_view()),
    path("api/test/rule/", RuleApi.as_view()),
    *tenant_urlpatterns,
]
