from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatutesConfig(AppConfig):
    name = "core.statutes"
    label = "statutes"
    verbose_name = _("Statutes and job descriptions")

    def ready(self):
        from core.agreements.workflow.mandates import register_mandates
        from core.statutes.document_kind import register_documents
        from core.statutes.selectors import clauses_by_step

        register_documents()
        register_mandates(clauses_by_step)
