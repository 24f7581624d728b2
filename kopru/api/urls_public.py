"""The platform API, under /api/ on the root domain: platform admins only."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

PLATFORM_SCHEMA = {
    "TITLE": "Köprü platform API",
    "DESCRIPTION": "Onboarding and the cross-university directory, for platform admins.",
}

urlpatterns = [
    path("auth/", include("core.accounts.auth_api_urls")),
    # The schema describes the root domain's URLconf only: no university's endpoints.
    path("schema/", SpectacularAPIView.as_view(urlconf="kopru.urls_public", custom_settings=PLATFORM_SCHEMA),
         name="api-schema"),
    # An HTML page: OPTIONS answers 405 there rather than a description the page renderer cannot draw.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema", title=PLATFORM_SCHEMA["TITLE"],
                                                      metadata_class=None),
         name="api-docs"),
    path("", include("console.api_urls")),
]
