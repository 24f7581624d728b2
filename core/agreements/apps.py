from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "core.agreements"
    label = "agreements"
    verbose_name = _("Agreements")

    def ready(self):
        from core.agreements.letters import register_documents

        register_documents()
