"""URLs of a university's host."""

from django.urls import include, path

from core.office.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("core.accounts.urls")),
    path("office/", include("core.office.urls")),
    path("i18n/", include("i18n.urls")),
    path("api/", include("kopru.api.urls_tenant")),
]

# JSON under /api/, the usual pages elsewhere.
handler404 = "kopru.api.errors.not_found"
handler500 = "kopru.api.errors.server_error"
