"""Fixtures of the demo's tests."""

import pytest


@pytest.fixture
def demo_mode(settings):
    settings.KOPRU_DEMO = True
