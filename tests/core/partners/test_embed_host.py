"""The public list's addresses and embed code name the university's primary domain, whatever Host was sent."""

import pytest
from django_tenants.utils import schema_context

from core.office.models import Role
from tenants.models import Domain
from tests.conftest import make_office_user
from tests.core.accounts.helpers import sign_in

PRIMARY = "https://kastamonu.localhost/partners/public/embed/"


@pytest.fixture
def publisher(client_a, university_a):
    return sign_in(client_a, university_a, make_office_user(university_a, username="mehmet", role=Role.COORDINATOR,
                                                            language="en"))


def embed_code(client, **headers) -> str:
    response = client.get("/agreements/publishing/", **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("forged", ["kastamonu.localhost:6666", "KASTAMONU.localhost"])
def test_a_forged_host_header_never_reaches_the_embed_code(publisher, forged):
    page = embed_code(publisher, HTTP_HOST=forged)

    assert f'&lt;iframe src="{PRIMARY}"' in page
    assert "6666" not in page and "KASTAMONU" not in page


def test_on_another_domain_of_the_university_the_code_still_names_the_primary_one(publisher, university_a):
    with schema_context("public"):
        Domain.objects.create(domain="iro.kastamonu.edu.tr", tenant=university_a, is_primary=False)

    page = embed_code(publisher, HTTP_HOST="iro.kastamonu.edu.tr")

    assert f'&lt;iframe src="{PRIMARY}"' in page and "iro.kastamonu.edu.tr" not in page


def test_a_host_outside_the_allowed_list_answers_404_before_any_page(publisher, university_a, settings):
    settings.ALLOWED_HOSTS = [".localhost"]  # production's list for this root domain
    with schema_context("public"):
        Domain.objects.create(domain="kastamonu.attacker.example", tenant=university_a, is_primary=False)

    assert publisher.get("/agreements/publishing/", HTTP_HOST="kastamonu.attacker.example").status_code == 404
    assert publisher.get("/agreements/publishing/", HTTP_HOST="kastamonu.localhost").status_code == 200
