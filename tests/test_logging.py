"""Production's JSON log lines: one object per line, each naming the university (schema) it was written in."""

import io
import json
import logging

import pytest
from django_tenants.utils import schema_context

from kopru.logging import JsonFormatter, TenantFilter


@pytest.fixture
def json_lines():
    """Log records of `django` and `kopru` as production writes them, one parsed JSON object each."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(TenantFilter())
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger("kopru.test"), logging.getLogger("django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger in loggers:
        logger.removeHandler(handler)


def test_a_line_names_the_schema_it_was_written_in(db, json_lines):
    logger = logging.getLogger("kopru.test")

    with schema_context("osh"):
        logger.warning("Reminders in %s: %d sent", "osh", 3, extra={"agreement": 7})
    logger.info("back on the platform")

    first, second = json_lines()
    assert first["tenant"] == "osh" and second["tenant"] == "public"
    assert (first["level"], first["logger"], first["message"]) == ("WARNING", "kopru.test", "Reminders in osh: 3 sent")
    assert first["agreement"] == 7  # extra fields become fields of the line
    assert first["time"].endswith("+00:00")


def test_an_error_line_carries_the_traceback_on_the_same_line(db, json_lines):
    try:
        raise ValueError("disk full")
    except ValueError:
        logging.getLogger("kopru.test").exception("Backup failed")

    (line,) = json_lines()
    assert line["message"] == "Backup failed"
    assert "ValueError: disk full" in line["exception"]


def test_a_request_logged_by_django_names_the_university_it_was_for(client_a, university_a, json_lines):
    university_a.status = "suspended"
    university_a.save(update_fields=["status"])

    assert client_a.get("/accounts/login/").status_code == 503

    (line,) = json_lines()
    assert (line["logger"], line["tenant"], line["status_code"]) == ("django.request", "kastamonu", 503)
