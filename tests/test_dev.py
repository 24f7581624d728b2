"""`dev.py start` keeps the demo (accounts with known passwords) on this machine unless told otherwise."""

import json

import dev


def test_the_demo_listens_on_the_loopback_address_by_default(monkeypatch):
    monkeypatch.delenv("KOPRU_LISTEN", raising=False)

    assert dev.listen_address() == "127.0.0.1:8000"


def test_kopru_listen_opens_it_to_the_network_when_asked(monkeypatch):
    monkeypatch.setenv("KOPRU_LISTEN", "0.0.0.0:8080")

    assert dev.listen_address() == "0.0.0.0:8080"


def test_axe_core_is_pinned_to_one_exact_version():
    """`dev.py test` installs what package-lock.json locks; package.json names the same exact version."""
    wanted = json.loads((dev.ROOT / "package.json").read_text())["devDependencies"]["axe-core"]
    locked = json.loads((dev.ROOT / "package-lock.json").read_text())["packages"]["node_modules/axe-core"]

    assert wanted == locked["version"] and wanted[0].isdigit()
    assert locked["integrity"].startswith("sha512-")
