from django.conf import settings
from django.core.management.base import BaseCommand

from core.documents.defaults import build_default, default_path
from core.documents.kinds import KINDS


class Command(BaseCommand):
    help = ("Write the default DOCX template of every kind of document in every language to the folder its app "
            "registered (core/documents/kinds.py).")

    def handle(self, *args, **options):
        for kind in KINDS:
            for language in settings.LANGUAGE_CODES:
                path = default_path(kind, language)
                path.write_bytes(build_default(kind, language))
                self.stdout.write(str(path.relative_to(settings.BASE_DIR)))
