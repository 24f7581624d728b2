"""Production logs: one JSON object per line, each naming the schema (the university) it was written in."""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged as a field.
_RECORD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def current_tenant() -> str:
    """The schema the database connection is on: a university's, or "public" for the platform."""
    from django.db import connection

    return getattr(connection, "schema_name", "") or ""


class TenantFilter(logging.Filter):
    """Adds `tenant` to every record, so a line can always be traced to one university."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "tenant"):
            record.tenant = current_tenant()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "tenant": getattr(record, "tenant", ""),
            "message": record.getMessage(),
        }
        entry |= {name: value for name, value in vars(record).items()
                  if name not in _RECORD_ATTRIBUTES and name not in entry}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def sentry_tag_tenant(event: dict, hint: dict) -> dict:
    """Sentry's before_send: every reported error says which university it happened in."""
    event.setdefault("tags", {})["tenant"] = current_tenant()
    return event
