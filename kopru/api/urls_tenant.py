"""The API of one university, under /api/ on its host."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("auth/", include("core.accounts.auth_api_urls")),
    # The schema describes this URLconf only: platform endpoints never appear on a university's host.
    path("schema/", SpectacularAPIView.as_view(urlconf="kopru.urls_tenant"), name="api-schema"),
    # An HTML page: OPTIONS answers 405 there rather than a description the page renderer cannot draw.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema", metadata_class=None), name="api-docs"),
    path("", include("tenants.api_urls")),
    path("", include("core.office.api_urls")),
    path("", include("core.documents.api_urls")),
    path("", include("core.partners.api_urls")),
    path("", include("core.notifications.api_urls")),
    path("", include("core.agreements.publishing.api_urls")),
    path("", include("core.agreements.api_urls")),
    path("", include("core.agreements.workflow.api_urls")),
    path("", include("core.agreements.partner_requests.api_urls")),
    path("", include("core.agreements.reminders.api_urls")),
    path("", include("core.statutes.api_urls")),
    path("", include("core.statutes.importing.api_urls")),
    path("", include("core.home.api_urls")),
]
