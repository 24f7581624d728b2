"""The Dockerfile, read as text (no container engine): its stages, its user, what it installs."""

import json
import re

import pytest

from tests.deploy.conftest import ROOT


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    logical, pending = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        pending.append(stripped.removesuffix("\\").strip())
        if not stripped.endswith("\\"):
            logical.append(" ".join(pending))
            pending = []
    return [(keyword.upper(), rest.strip()) for keyword, _, rest in (line.partition(" ") for line in logical)]


def stages(parsed: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    by_name, name = {}, None
    for keyword, arguments in parsed:
        if keyword == "FROM":
            words = arguments.split()
            name = words[-1] if len(words) >= 3 and words[-2].upper() == "AS" else words[0]
            by_name[name] = []
        elif name is not None:
            by_name[name].append((keyword, arguments))
    return by_name


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return instructions((ROOT / "Dockerfile").read_text())


@pytest.fixture(scope="module")
def runtime(dockerfile) -> list[tuple[str, str]]:
    return list(stages(dockerfile).values())[-1]


def test_the_build_has_a_builder_and_a_slim_python_runtime(dockerfile):
    built = stages(dockerfile)

    assert list(built) == ["builder", "runtime"]
    assert ("ARG", "PYTHON_IMAGE=python:3.11-slim") in dockerfile
    assert [arguments for keyword, arguments in dockerfile if keyword == "FROM"] == [
        "${PYTHON_IMAGE} AS builder", "${PYTHON_IMAGE} AS runtime",
    ]
    copies = [arguments for keyword, arguments in built["runtime"] if keyword == "COPY"]
    assert copies == ["--from=builder /opt/venv /opt/venv", "--from=builder /app /app"]


def test_the_runtime_runs_as_the_non_root_user_the_chart_expects(runtime, default_release):
    users = [arguments for keyword, arguments in runtime if keyword == "USER"]

    assert users == ["10001:10001"]
    after_user = runtime[[keyword for keyword, _arguments in runtime].index("USER"):]
    assert "RUN" not in {keyword for keyword, _arguments in after_user}
    chart_user = default_release.pod_specs()["kopru-web"]["securityContext"]["runAsUser"]
    assert int(users[0].split(":")[0]) == chart_user


def test_only_the_runtime_lock_is_installed(dockerfile):
    text = " ".join(arguments for _keyword, arguments in dockerfile)

    assert "dev.lock" not in text
    assert ("RUN", "pip install --require-hashes --no-deps -r /tmp/base.lock") in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {"requirements/dev.lock", ".venv", ".state", "tests", ".git"} <= set(ignored)


@pytest.mark.parametrize("lock", ["base.lock", "dev.lock"])
def test_every_locked_package_is_pinned_with_its_hashes(lock):
    """pip refuses a download whose digest differs: a swapped package on the index cannot get in."""
    text = (ROOT / "requirements" / lock).read_text()
    requirements = re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2].strip(), flags=re.IGNORECASE)

    assert len(requirements) > 50
    for requirement in requirements:
        assert re.match(r"^[A-Za-z0-9_.\[\]-]+==[^ ]+ \\\n", requirement), requirement
        assert "--hash=sha256:" in requirement, requirement


def test_messages_are_compiled_and_static_collected_with_build_only_placeholders(dockerfile, runtime):
    runs = [arguments for keyword, arguments in dockerfile if keyword == "RUN"]
    (build_step,) = [arguments for arguments in runs if "collectstatic" in arguments]

    assert "python manage.py compile_catalogues" in build_step
    assert "python manage.py collectstatic --noinput" in build_step
    assert "DJANGO_SETTINGS_MODULE=kopru.settings.production" in build_step
    # The placeholders live in that RUN step only, never in the image's environment.
    environment = " ".join(arguments for keyword, arguments in dockerfile if keyword == "ENV")
    assert "DJANGO_SECRET_KEY" not in environment and "DATABASE_URL" not in environment
    assert ("ENV", "PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 "
                   "DJANGO_SETTINGS_MODULE=kopru.settings.production") in runtime


def test_the_image_serves_gunicorn_on_port_8000(runtime):
    (command,) = [json.loads(arguments) for keyword, arguments in runtime if keyword == "CMD"]

    assert ("EXPOSE", "8000") in runtime
    assert command[:3] == ["gunicorn", "kopru.wsgi:application", "--bind=0.0.0.0:8000"]
    assert "--no-control-socket" in command  # its default socket would sit in a read-only $HOME
