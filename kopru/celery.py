"""The Celery app. tenant-schemas-celery carries the sender's schema in each task's headers."""

import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kopru.settings.dev")

app = CeleryApp("kopru")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def enqueue_on_commit(task, *args) -> None:
    """Queue `task` once the current transaction commits, in the schema that is current now.

    on_commit callbacks run when the outermost transaction commits, which may be after
    the caller has left the tenant's schema; so the schema is taken here, at call time.
    """
    from django.db import connection, transaction

    headers = {"_schema_name": connection.schema_name}
    transaction.on_commit(lambda: task.apply_async(args=args, headers=headers))
