"""Fixtures the tenant apps' tests share: Kastamonu's office with partners, units and a draft agreement,
and PDFs a test can read."""

import pytest

from tests.core.agreements.agreement_world import kastamonu_world, make


@pytest.fixture
def world(university_a):
    return kastamonu_world(university_a)


@pytest.fixture
def agreement(university_a, admin_a, world):
    return make(university_a, world, admin_a)


@pytest.fixture(autouse=True)
def _readable_pdfs(settings):
    """Generated PDFs stay uncompressed, so a test reads their text (tests/core/documents/helpers.py)."""
    settings.KOPRU_PDF_COMPRESS = False
