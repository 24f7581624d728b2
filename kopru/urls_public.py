"""URLs of the root domain: the platform console and the platform API."""

from django.urls import include, path

urlpatterns = [
    path("", include("console.urls")),
    path("accounts/", include("core.accounts.urls")),
    path("i18n/", include("i18n.urls")),
    path("api/", include("kopru.api.urls_public")),
]

# JSON under /api/, the usual pages elsewhere.
handler400 = "kopru.api.errors.bad_request"
handler404 = "kopru.api.errors.not_found"
handler500 = "kopru.api.errors.server_error"
