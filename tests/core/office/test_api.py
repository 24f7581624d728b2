"""The office's API on a university's host: people, invitations, units, audit."""

from django.test import Client
from django_tenants.utils import schema_context

from core.audit.models import AuditEntry
from core.office.models import AcademicUnit, Invitation, Membership, Role
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api, sign_in_with_password, token_for


def test_people_list_and_one_person(admin_api, university_a, admin_a, units_a, django_assert_max_num_queries):
    for number in range(5):
        make_office_user(university_a, username=f"memur{number}", role=Role.OFFICER)

    with django_assert_max_num_queries(8):
        listing = admin_api.get("/api/users/")
    one = admin_api.get(f"/api/users/{admin_a.pk}/")

    assert listing.status_code == 200
    assert listing.json()["count"] == 6
    assert one.json()["role"] == "office_admin"
    assert one.json()["two_factor_enabled"] is False


def test_change_role_unit_and_two_factor_requirement(admin_api, university_a, units_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)

    response = admin_api.patch(f"/api/users/{officer.pk}/", {
        "role": "unit_staff", "academic_unit": units_a["wood"].pk, "two_factor_required": True,
    }, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["role"] == "unit_staff"
    assert response.json()["academic_unit"] == units_a["wood"].pk
    assert response.json()["two_factor_required"] is True


def test_bad_changes_are_refused_and_change_nothing(admin_api, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)

    bad_role = admin_api.patch(f"/api/users/{officer.pk}/", {"role": "rector"}, content_type="application/json")
    bad_unit = admin_api.patch(f"/api/users/{officer.pk}/", {"academic_unit": 999999},
                               content_type="application/json")
    no_unit = admin_api.patch(f"/api/users/{officer.pk}/", {"role": "unit_staff"}, content_type="application/json")
    last_admin = admin_api.post(f"/api/users/{admin_a.pk}/deactivate/")

    assert bad_role.status_code == bad_unit.status_code == no_unit.status_code == last_admin.status_code == 400
    assert "role" in bad_role.json()["error"]["fields"]
    assert "academic_unit" in bad_unit.json()["error"]["fields"]
    assert no_unit.json()["error"]["code"] == "unit_required"
    assert last_admin.json()["error"]["code"] == "last_admin"
    with schema_context(university_a.schema_name):
        assert Membership.objects.get(user=officer).role == "officer"
        assert not AuditEntry.objects.exists()


def test_deactivate_and_reactivate(admin_api, university_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)

    assert admin_api.post(f"/api/users/{officer.pk}/deactivate/").json()["is_active"] is False
    assert admin_api.post(f"/api/users/{officer.pk}/reactivate/").json()["is_active"] is True


def test_invite(admin_api, university_a, units_a):
    response = admin_api.post("/api/invitations/", {"email": "Yeni@Example.org", "role": "unit_staff",
                                                    "academic_unit": units_a["forestry"].pk})
    bad = admin_api.post("/api/invitations/", {"email": "nope", "role": "officer"})

    assert response.status_code == 201
    assert response.json()["email"] == "yeni@example.org"
    assert bad.status_code == 400
    assert "email" in bad.json()["error"]["fields"]
    with schema_context(university_a.schema_name):
        assert Invitation.objects.count() == 1


def test_units_crud(admin_api, university_a, units_a, django_assert_max_num_queries):
    created = admin_api.post("/api/units/", {"name_tr": "Hukuk Fakültesi", "name_ky": "Юридика факультети"},
                             content_type="application/json")
    unit_id = created.json()["id"]
    renamed = admin_api.patch(f"/api/units/{unit_id}/", {"name_en": "Faculty of Law",
                                                         "parent": units_a["medicine"].pk},
                              content_type="application/json")
    with django_assert_max_num_queries(6):
        listing = admin_api.get("/api/units/")
    in_use = admin_api.delete(f"/api/units/{units_a['forestry'].pk}/")
    deleted = admin_api.delete(f"/api/units/{unit_id}/")

    assert created.status_code == 201
    assert renamed.json()["names"] == {"tr": "Hukuk Fakültesi", "ky": "Юридика факультети", "ru": None,
                                       "en": "Faculty of Law"}
    assert renamed.json()["parent"] == units_a["medicine"].pk
    assert listing.json()["count"] == 4
    assert in_use.status_code == 409
    assert in_use.json()["error"]["code"] == "unit_in_use"
    assert deleted.status_code == 204


def test_bad_unit_input(admin_api, university_a, units_a):
    nameless = admin_api.post("/api/units/", {"kind": "faculty"}, content_type="application/json")
    bad_kind = admin_api.post("/api/units/", {"name_tr": "X", "kind": "castle"}, content_type="application/json")
    cycle = admin_api.patch(f"/api/units/{units_a['forestry'].pk}/", {"parent": units_a["wood"].pk},
                            content_type="application/json")

    assert nameless.json()["error"]["code"] == "name_required"
    assert "kind" in bad_kind.json()["error"]["fields"]
    assert cycle.json()["error"]["code"] == "unit_cycle"
    with schema_context(university_a.schema_name):
        assert AcademicUnit.objects.count() == 3


def test_readers_read_but_do_not_write(university_a, units_a):
    viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER)
    client = api(university_a, viewer)

    assert client.get("/api/units/").status_code == 200
    assert client.get("/api/users/").status_code == 200
    assert client.post("/api/units/", {"name_tr": "X"}).status_code == 403
    assert client.post("/api/invitations/", {"email": "a@b.example", "role": "viewer"}).status_code == 403
    assert client.patch(f"/api/users/{viewer.pk}/", {"role": "office_admin"},
                        content_type="application/json").status_code == 403
    assert client.get("/api/audit/").status_code == 403


def test_unit_staff_are_scoped_in_the_api(university_a, units_a):
    staff = make_office_user(university_a, username="orman", role=Role.UNIT_STAFF, academic_unit=units_a["forestry"])
    client = api(university_a, staff)

    listing = client.get("/api/units/").json()

    assert {unit["id"] for unit in listing["results"]} == {units_a["forestry"].pk, units_a["wood"].pk}
    assert client.get(f"/api/units/{units_a['medicine'].pk}/").status_code == 404


def test_audit_log_newest_first_and_filtered(admin_api, university_a, admin_a, django_assert_max_num_queries):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    admin_api.post(f"/api/users/{officer.pk}/deactivate/")
    admin_api.post(f"/api/users/{officer.pk}/reactivate/")

    with django_assert_max_num_queries(6):
        everything = admin_api.get("/api/audit/").json()
    filtered = admin_api.get("/api/audit/?action=user.deactivated").json()

    assert [entry["action"] for entry in everything["results"]] == ["user.activated", "user.deactivated"]
    assert [entry["action"] for entry in filtered["results"]] == ["user.deactivated"]


def test_ids_of_another_university_are_not_found(admin_api, university_a, university_b, admin_a):
    # ids count per schema: a few extra rows give Osh ids that Kastamonu's schema does not have
    with schema_context(university_b.schema_name):
        osh_unit = [AcademicUnit.objects.create(name_ky=f"Бөлүм {number}") for number in range(3)][-1]
    osh_person = [make_office_user(university_b, username=f"extra{number}") for number in range(3)][-1]
    with schema_context(university_a.schema_name):
        assert not AcademicUnit.objects.filter(pk=osh_unit.pk).exists()
        assert not type(admin_a).objects.filter(pk=osh_person.pk).exists()

    assert admin_api.get(f"/api/users/{osh_person.pk}/").status_code == 404
    assert admin_api.patch(f"/api/users/{osh_person.pk}/", {"role": "viewer"},
                           content_type="application/json").status_code == 404
    assert admin_api.post(f"/api/users/{osh_person.pk}/deactivate/").status_code == 404
    assert admin_api.get(f"/api/units/{osh_unit.pk}/").status_code == 404
    assert admin_api.delete(f"/api/units/{osh_unit.pk}/").status_code == 404
    assert admin_api.post("/api/invitations/", {"email": "a@b.example", "role": "unit_staff",
                                                "academic_unit": osh_unit.pk}).status_code == 400


def test_a_token_of_one_university_is_refused_on_another(university_a, university_b, admin_a):
    token = token_for(university_a, admin_a)
    osh = Client(HTTP_HOST=host_of(university_b), HTTP_AUTHORIZATION=f"Token {token}")

    for path in ("/api/users/", "/api/units/", "/api/audit/", "/api/me/"):
        assert osh.get(path).status_code == 401
    assert osh.post("/api/invitations/", {"email": "a@b.example", "role": "viewer"}).status_code == 401


def test_a_session_of_one_university_is_refused_on_another(client_a, university_a, university_b, admin_a):
    sign_in_with_password(client_a, "ayse")

    assert client_a.get("/api/users/").status_code == 200
    assert client_a.get("/api/users/", HTTP_HOST=host_of(university_b)).status_code in (401, 403)
