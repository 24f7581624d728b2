"""URLs of a university's host."""

from django.urls import include, path

from core.agreements.urls import document_urlpatterns as agreement_documents
from core.documents.urls import urlpatterns as documents
from core.home.views import home
from core.office.views import invitation_accept
from core.partners.urls import document_urlpatterns as partner_documents

urlpatterns = [
    path("", home, name="home"),
    # Joining an office is the office's page, at the address its invitation e-mails have always given.
    path("accounts/invitation/<str:token>/", invitation_accept, name="invitation_accept"),
    path("accounts/", include("core.accounts.urls")),
    path("office/", include("core.office.urls")),
    path("partners/", include("core.partners.urls")),
    # The public partner list sits before the partners' and agreements' own pages it shares prefixes with.
    path("", include("core.agreements.publishing.urls")),
    path("agreements/", include("core.agreements.workflow.urls")),
    path("agreements/", include("core.agreements.partner_requests.urls")),
    path("agreements/", include("core.agreements.urls")),
    path("notifications/reminders/", include("core.agreements.reminders.urls")),
    path("notifications/", include("core.notifications.urls")),
    path("documents/", include(([*documents, *partner_documents, *agreement_documents], "documents"))),
    path("statutes/import/", include("core.statutes.importing.urls")),
    path("statutes/", include("core.statutes.urls")),
    path("i18n/", include("i18n.urls")),
    path("api/", include("kopru.api.urls_tenant")),
]

# JSON under /api/, the usual pages elsewhere.
handler400 = "kopru.api.errors.bad_request"
handler404 = "kopru.api.errors.not_found"
handler500 = "kopru.api.errors.server_error"
