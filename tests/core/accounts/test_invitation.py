"""Accepting an invitation: the link, the form, and the account it makes."""

from datetime import timedelta

from django.utils import timezone
from django_tenants.utils import schema_context

from core.accounts.models import User
from core.audit.models import AuditEntry
from core.office.models import AcademicUnit, Invitation, Membership
from core.office.services import invitation_create
from tests.core.accounts.helpers import in_english

NEW_PASSWORD = "bridges over rivers 42"


def _invite(university, *, role="officer", **changes):
    with schema_context(university.schema_name):
        unit = AcademicUnit.objects.create(name_en="Faculty of Forestry") if role == "unit_staff" else None
        invitation, token = invitation_create(email="Zeynep@Example.org", role=role, academic_unit=unit)
        Invitation.objects.filter(pk=invitation.pk).update(**changes)
    return invitation, token


def test_an_open_invitation_makes_an_account_with_its_role_and_unit(client_a, university_a):
    invitation, token = _invite(university_a, role="unit_staff")

    assert client_a.get(f"/accounts/invitation/{token}/").status_code == 200
    response = client_a.post(f"/accounts/invitation/{token}/",
                             {"username": "zeynep", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})

    assert response.status_code == 302
    assert client_a.get("/").status_code == 200  # signed in
    with schema_context(university_a.schema_name):
        user = User.objects.get(username="zeynep")
        assert user.email == "zeynep@example.org"
        assert user.check_password(NEW_PASSWORD)
        assert user.membership.role == "unit_staff"
        assert user.membership.academic_unit == invitation.academic_unit
        assert Invitation.objects.get(pk=invitation.pk).accepted_at is not None
        assert AuditEntry.objects.filter(action="invitation.accepted", actor=user).exists()


def test_a_used_invitation_says_so(client_a, university_a):
    _invitation, token = _invite(university_a, accepted_at=timezone.now())

    response = in_english(client_a).get(f"/accounts/invitation/{token}/")

    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_an_expired_invitation_says_so(client_a, university_a):
    _invitation, token = _invite(university_a, expires_at=timezone.now() - timedelta(minutes=1))

    response = in_english(client_a).post(f"/accounts/invitation/{token}/",
                                         {"username": "z", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})

    assert response.status_code == 410
    assert "expired" in response.content.decode()
    with schema_context(university_a.schema_name):
        assert not User.objects.filter(username="z").exists()


def test_an_unknown_token_says_so(client_a, university_a):
    response = in_english(client_a).get("/accounts/invitation/not-a-real-token/")

    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_an_invitation_of_one_university_means_nothing_on_another(client_b, university_a):
    _invitation, token = _invite(university_a)

    assert client_b.get(f"/accounts/invitation/{token}/").status_code == 404


def test_a_weak_password_is_refused_and_nothing_is_made(client_a, university_a):
    _invitation, token = _invite(university_a)

    response = in_english(client_a).post(f"/accounts/invitation/{token}/",
                                         {"username": "zeynep", "password": "123", "password_again": "123"})

    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    with schema_context(university_a.schema_name):
        assert not User.objects.filter(username="zeynep").exists()
        assert not Membership.objects.filter(user__username="zeynep").exists()


def test_a_taken_username_and_differing_passwords_are_refused(client_a, university_a, admin_a):
    _invitation, token = _invite(university_a)

    taken = client_a.post(f"/accounts/invitation/{token}/",
                          {"username": "AYSE", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    differing = client_a.post(f"/accounts/invitation/{token}/",
                              {"username": "zeynep", "password": NEW_PASSWORD, "password_again": "other"})

    assert taken.context["form"].errors["username"]
    assert differing.context["form"].errors["password_again"]
    with schema_context(university_a.schema_name):
        assert User.objects.count() == 1
