from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "core.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from core.documents.kinds import register_engine_kinds

        register_engine_kinds()
