"""Liveness and readiness, answered before tenant resolution: probes call pods by IP, not by host.

/health/live says the process answers; /health/ready also checks the database and
the Celery broker and answers 503, naming what failed, when one of them does not.
"""

from django.db import connection
from django.http import JsonResponse

LIVE_PATH = "/health/live"
READY_PATH = "/health/ready"
BROKER_TIMEOUT_SECONDS = 0.5


def database_ready() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


def broker_ready() -> bool:
    from kopru.celery import app

    # One attempt, bounded: a probe that waits on retries outlives Kubernetes' 1 s default timeout.
    try:
        with app.connection_for_write(connect_timeout=BROKER_TIMEOUT_SECONDS) as conn:
            conn.ensure_connection(max_retries=0, timeout=BROKER_TIMEOUT_SECONDS)
        return True
    except Exception:  # noqa: BLE001
        return False


def readiness() -> tuple[dict, int]:
    checks = {"database": database_ready(), "broker": broker_ready()}
    failed = [name for name, ok in checks.items() if not ok]
    body = {"status": "unavailable" if failed else "ok", "checks": checks, "failed": failed}
    return body, 503 if failed else 200


class HealthMiddleware:
    """First in the stack: no host check, no session, no tenant."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path.rstrip("/")
        if path == LIVE_PATH:
            return JsonResponse({"status": "ok"})
        if path == READY_PATH:
            body, status = readiness()
            return JsonResponse(body, status=status)
        return self.get_response(request)
