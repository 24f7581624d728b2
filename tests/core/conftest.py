"""Fixtures the tenant apps' tests share: Kastamonu's office with partners, units and a draft agreement."""

import pytest

from tests.core.agreements.agreement_world import kastamonu_world, make


@pytest.fixture
def world(university_a):
    return kastamonu_world(university_a)


@pytest.fixture
def agreement(university_a, admin_a, world):
    return make(university_a, world, admin_a)
