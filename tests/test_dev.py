"""`dev.py start` keeps the demo (accounts with known passwords) on this machine unless told otherwise."""

import dev


def test_the_demo_listens_on_the_loopback_address_by_default(monkeypatch):
    monkeypatch.delenv("KOPRU_LISTEN", raising=False)

    assert dev.listen_address() == "127.0.0.1:8000"


def test_kopru_listen_opens_it_to_the_network_when_asked(monkeypatch):
    monkeypatch.setenv("KOPRU_LISTEN", "0.0.0.0:8080")

    assert dev.listen_address() == "0.0.0.0:8080"
