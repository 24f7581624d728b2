"""Celery configuration: a real broker always; Redis or RabbitMQ when CELERY_BROKER_URL says so."""

import os


def default_broker_url(database_url: str) -> str:
    """Kombu's SQLAlchemy transport on Köprü's own database: a broker with nothing to install."""
    _scheme, rest = database_url.split("://", 1)
    return f"sqla+postgresql+psycopg://{rest}"


CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = "kopru"
# No task holds a worker for ever. Past the soft limit a task gets SoftTimeLimitExceeded, in time
# to record its failure; past the hard limit the worker process running it is replaced. Tasks
# that legitimately run longer (provisioning a university, purging deleted ones) set their own.
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
