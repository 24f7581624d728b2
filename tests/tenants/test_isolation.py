"""What one university's host, session or token can reach of another's."""

from django_tenants.utils import schema_context

from core.accounts.models import User
from tests.conftest import host_of


def test_unknown_host_answers_404(db, client):
    response = client.get("/", HTTP_HOST="nowhere.localhost")

    assert response.status_code == 404


def test_each_host_signs_in_its_own_users(client_a, client_b, admin_a, admin_b):
    response = client_a.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"})
    assert response.status_code == 302

    response = client_b.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"})
    assert response.status_code == 200  # the form again: no such user on Osh's host


def test_a_session_from_one_university_means_nothing_on_another(client_a, university_b, admin_a):
    client_a.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"})
    assert client_a.get("/").status_code == 200

    # the same cookie jar, presented to the other university's host
    response = client_a.get("/", HTTP_HOST=host_of(university_b))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_users_live_in_their_own_schema(admin_a, admin_b, university_a, university_b):
    with schema_context(university_a.schema_name):
        assert list(User.objects.values_list("username", flat=True)) == ["ayse"]
    with schema_context(university_b.schema_name):
        assert list(User.objects.values_list("username", flat=True)) == ["aibek"]
