#!/usr/bin/env python3
"""Install Köprü into .venv and run it, with nothing else installed by hand.

    python3 dev.py start        the platform with demo universities on http://localhost:8000
                                (on 127.0.0.1 only; KOPRU_LISTEN=0.0.0.0:8000 opens it to the network)
    python3 dev.py test [ARGS]  the whole test suite (ARGS go to pytest)

With no DATABASE_URL, Köprü runs its own PostgreSQL in .state/; with no
CELERY_BROKER_URL, the worker uses that database as its broker.
"""

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
LOCK = ROOT / "requirements" / "dev.lock"
PGDATA = ROOT / ".state" / "postgres"


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, check=True, **kwargs)


def install() -> None:
    """Create the virtualenv and install the locked dependencies when the lock changed."""
    if not PYTHON.exists():
        print("Creating the virtualenv in .venv ...", flush=True)
        run(sys.executable, "-m", "venv", str(VENV))
    stamp = VENV / ".installed-lock"
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        print("Installing the locked dependencies ...", flush=True)
        run(str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--require-hashes",
            "-r", str(LOCK))
        stamp.write_text(digest)
    run(str(PYTHON), "manage.py", "compile_catalogues")


def database_running() -> bool:
    pidfile = PGDATA / "postmaster.pid"
    if os.environ.get("DATABASE_URL") or not pidfile.exists():
        return False
    try:
        os.kill(int(pidfile.read_text().split()[0]), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True  # running as the embedded server's own user
    return True


def stop_database() -> None:
    run(str(PYTHON), "-c", "from kopru import localdb; localdb.stop()")


def ensure_chromium() -> None:
    """The browser tests drive Debian's chromium; install it when we may (as root, with apt)."""
    if shutil.which("chromium") or os.environ.get("KOPRU_SKIP_BROWSER_INSTALL"):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("chromium is missing: browser tests will be skipped (install it with: apt-get install chromium).")
        return
    print("Installing chromium for the browser tests ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    quiet = {"env": env, "check": False, "stdout": subprocess.DEVNULL}
    subprocess.run(["apt-get", "update", "-qq"], **quiet)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], **quiet)


def ensure_axe() -> None:
    """The accessibility sweep injects axe-core, pinned in package-lock.json; npm installs it when present."""
    installed = ROOT / "node_modules" / "axe-core" / "package.json"
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/axe-core"]["version"]
    if installed.exists() and json.loads(installed.read_text())["version"] == locked:
        return
    if not shutil.which("npm"):
        print("npm is missing: the accessibility (axe-core) browser tests will be skipped.")
        return
    print("Installing axe-core for the browser tests ...", flush=True)
    result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=False)
    if result.returncode != 0:
        print("npm could not install axe-core: the accessibility browser tests will be skipped.")


def listen_address() -> str:
    """Where the web server listens: the demo has accounts with known passwords, so only this
    machine reaches it unless KOPRU_LISTEN says otherwise (e.g. 0.0.0.0:8000)."""
    return os.environ.get("KOPRU_LISTEN", "127.0.0.1:8000")


def start() -> int:
    listen = listen_address()
    port = listen.rpartition(":")[2]
    started_database = not database_running()
    install()
    env = {**os.environ, "KOPRU_DEMO": "1", "DJANGO_SETTINGS_MODULE": "kopru.settings.dev"}
    manage = [str(PYTHON), "manage.py"]
    run(*manage, "migrate_schemas", "--shared", env=env)
    run(*manage, "migrate_schemas", "--tenant", env=env)
    run(*manage, "demo_data", env=env)
    processes = [
        subprocess.Popen([str(PYTHON), "-m", "celery", "-A", "kopru", "worker", "--beat", "--loglevel", "INFO",
                          "--concurrency", "2", "--schedule", str(ROOT / ".state" / "celerybeat-schedule")],
                         cwd=ROOT, env=env),
        subprocess.Popen([*manage, "runserver", listen], cwd=ROOT, env=env),
    ]
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop as cleanly on TERM as on Ctrl-C
    print(f"\nKöprü runs on http://localhost:{port} (platform console) and http://<slug>.localhost:{port}."
          "\nThe demo logins are listed in README.md. Stop with Ctrl-C.\n", flush=True)
    try:
        while all(p.poll() is None for p in processes):
            with contextlib.suppress(subprocess.TimeoutExpired):
                processes[0].wait(timeout=1)
    except KeyboardInterrupt:
        pass
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        if started_database:
            stop_database()
    return 0


def test(args: list[str]) -> int:
    started_database = not database_running()
    install()
    ensure_chromium()
    ensure_axe()
    try:
        return subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, check=False).returncode
    finally:
        if started_database:
            stop_database()


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "start":
        return start()
    if command == "test":
        return test(sys.argv[2:])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
