"""Liveness and readiness, answered before tenant resolution: probes call pods by IP, not by host."""

from django.db import connection
from django.http import JsonResponse


def database_ready() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


def broker_ready() -> bool:
    from kopru.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:  # noqa: BLE001
        return False


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/health/live":
            return JsonResponse({"status": "ok"})
        if request.path == "/health/ready":
            checks = {"database": database_ready(), "broker": broker_ready()}
            ready = all(checks.values())
            return JsonResponse({"status": "ok" if ready else "unavailable", "checks": checks},
                                status=200 if ready else 503)
        return self.get_response(request)



