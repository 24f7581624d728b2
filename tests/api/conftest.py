import pytest

from tests.core.accounts.helpers import token_for


@pytest.fixture
def token_a(university_a, admin_a):
    return token_for(university_a, admin_a)


@pytest.fixture
def token_b(university_b, admin_b):
    return token_for(university_b, admin_b)
