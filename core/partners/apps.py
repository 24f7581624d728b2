from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "core.partners"
    label = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from core.partners.info_note import register_documents

        register_documents()
