"""The Celery app. tenant-schemas-celery carries the sender's schema in each task's headers."""

import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kopru.settings.dev")

app = CeleryApp("kopru")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
