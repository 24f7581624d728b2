"""Probes: answered before tenant resolution, on any host, naming what is not ready."""

import pytest
from django.test import Client

from kopru.celery import app


@pytest.fixture
def unreachable_broker():
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    yield
    app.conf.broker_url = previous


def test_live_answers_on_a_pod_ip_and_on_unknown_hosts():
    for host in ("10.42.0.17", "10.42.0.17:8000", "nowhere.example"):
        response = Client(HTTP_HOST=host).get("/health/live")

        assert response.status_code == 200
        assert response.json() == {"status": "ok"}


def test_ready_checks_the_database_and_the_broker(db):
    response = Client(HTTP_HOST="10.42.0.17").get("/health/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "broker": True}, "failed": []}


def test_ready_answers_503_naming_an_unreachable_broker(db, unreachable_broker):
    response = Client(HTTP_HOST="10.42.0.17").get("/health/ready")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable", "checks": {"database": True, "broker": False}, "failed": ["broker"],
    }


def test_probes_take_no_session_and_no_tenant(db):
    response = Client(HTTP_HOST="kastamonu.localhost").get("/health/live")

    assert "Set-Cookie" not in response.headers
    assert "Vary" not in response.headers
