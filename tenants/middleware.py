from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django_tenants.middleware.main import TenantMainMiddleware

from tenants.models import University
from tenants.selectors import university_for_host


class UniversityMiddleware(TenantMainMiddleware):
    """Resolves the university from the host through a cache; unknown hosts get 404.

    django-tenants then applies search_path once, on the request's first query
    (TENANT_LIMIT_SET_CALLS), not before every query.
    """

    def get_tenant(self, domain_model, hostname):
        university = university_for_host(hostname)
        if university is None or university.status == University.Status.PROVISIONING:
            raise domain_model.DoesNotExist
        return university


class SuspendedUniversityMiddleware:
    """A suspended university answers 503 with a translated notice, on pages and on the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        university = getattr(request, "tenant", None)
        if university is not None and university.status == University.Status.SUSPENDED:
            if request.path.startswith("/api/"):
                message = gettext("This university's account is suspended.")
                return JsonResponse({"error": {"code": "university_suspended", "message": message}}, status=503)
            return render(request, "tenants/suspended.html", {"suspended_university": university}, status=503)
        return self.get_response(request)
