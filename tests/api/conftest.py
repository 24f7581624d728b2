import pytest
from django_tenants.utils import schema_context
from rest_framework.authtoken.models import Token

from tenants.models import University


def token_for(university: University, user) -> str:
    """An API token of a user, in the user's own university's schema."""
    with schema_context(university.schema_name):
        return Token.objects.create(user=user).key


@pytest.fixture
def token_a(university_a, admin_a):
    return token_for(university_a, admin_a)


@pytest.fixture
def token_b(university_b, admin_b):
    return token_for(university_b, admin_b)
