"""The office administration pages, through a university's host."""

from django.core import mail
from django_tenants.utils import schema_context

from core.audit.actions import AuditAction
from core.audit.models import AuditEntry
from core.audit.services import audit_record
from core.office.models import AcademicUnit, Invitation, Membership, Role
from tests.conftest import make_office_user
from tests.core.accounts.helpers import in_english, sign_in


def test_admin_pages_are_for_office_admins(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    pages = ["/office/users/", "/office/users/invite/", "/office/units/", "/office/audit/"]

    assert all(client_a.get(page).status_code == 302 for page in pages)  # to the sign-in
    sign_in(client_a, university_a, officer)
    assert all(client_a.get(page).status_code == 403 for page in pages)
    sign_in(client_a, university_a, admin_a)
    assert all(client_a.get(page).status_code == 200 for page in pages)


def test_the_people_list_shows_role_unit_status_and_last_sign_in(client_a, university_a, admin_a, units_a):
    make_office_user(university_a, username="orman", role=Role.UNIT_STAFF, academic_unit=units_a["forestry"])
    sign_in(client_a, university_a, admin_a)

    page = client_a.get("/office/users/").content.decode()

    assert "orman" in page and "ayse" in page
    assert f'value="{units_a["forestry"].pk}" selected' in page
    assert 'value="unit_staff" selected' in page


def test_inviting_a_person_queues_the_mail_and_records_it(client_a, university_a, admin_a, units_a,
                                                         django_capture_on_commit_callbacks):
    sign_in(client_a, university_a, admin_a)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_a.post("/office/users/invite/", {
            "email": "yeni@kastamonu.example", "role": "unit_staff", "academic_unit": units_a["wood"].pk,
        })

    assert response["Location"] == "/office/users/"
    assert len(callbacks) == 1  # the mail goes out only once the invitation is committed
    with schema_context(university_a.schema_name):
        invitation = Invitation.objects.get()
        assert (invitation.email, invitation.role, invitation.academic_unit) == (
            "yeni@kastamonu.example", "unit_staff", units_a["wood"])
        assert invitation.invited_by == admin_a
    assert mail.outbox == []


def test_inviting_with_bad_input_changes_nothing(client_a, university_a, admin_a):
    sign_in(client_a, university_a, admin_a)
    in_english(client_a)

    bad_email = client_a.post("/office/users/invite/", {"email": "nope", "role": "officer"})
    no_unit = client_a.post("/office/users/invite/", {"email": "a@b.example", "role": "unit_staff"})

    assert bad_email.context["form"].errors["email"]
    assert "Academic unit staff need an academic unit." in no_unit.content.decode()
    with schema_context(university_a.schema_name):
        assert not Invitation.objects.exists()


def test_inline_role_change_with_htmx_returns_the_row(client_a, university_a, admin_a, units_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    sign_in(client_a, university_a, admin_a)

    response = client_a.post(f"/office/users/{officer.pk}/membership/", {
        f"m{officer.pk}-role": "coordinator", f"m{officer.pk}-academic_unit": units_a["medicine"].pk,
    }, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith(f'<tr id="person-{officer.pk}">')
    with schema_context(university_a.schema_name):
        membership = Membership.objects.get(user=officer)
        assert (membership.role, membership.academic_unit) == ("coordinator", units_a["medicine"])


def test_the_last_admin_is_told_why_they_cannot_leave(client_a, university_a, admin_a):
    sign_in(client_a, university_a, admin_a)
    in_english(client_a)

    demote = client_a.post(f"/office/users/{admin_a.pk}/membership/",
                           {f"m{admin_a.pk}-role": "viewer"}, HTTP_HX_REQUEST="true")
    deactivate = client_a.post(f"/office/users/{admin_a.pk}/active/", {"active": "0"}, follow=True)

    assert "last active office admin" in demote.content.decode()
    assert "last active office admin" in deactivate.content.decode()
    with schema_context(university_a.schema_name):
        assert Membership.objects.get(user=admin_a).role == "office_admin"


def test_deactivate_and_require_two_factor(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    sign_in(client_a, university_a, admin_a)

    client_a.post(f"/office/users/{officer.pk}/active/", {"active": "0"})
    client_a.post(f"/office/users/{officer.pk}/two-factor/", {"required": "1"})

    with schema_context(university_a.schema_name):
        officer = type(officer).objects.select_related("membership").get(pk=officer.pk)
        assert not officer.is_active
        assert officer.membership.two_factor_required


def test_another_universitys_person_is_not_found(client_a, university_a, university_b, admin_a, admin_b):
    make_office_user(university_b, username="extra1")
    osh_user = make_office_user(university_b, username="extra2")
    with schema_context(university_a.schema_name):
        assert not type(admin_a).objects.filter(pk=osh_user.pk).exists()
    sign_in(client_a, university_a, admin_a)

    response = client_a.post(f"/office/users/{osh_user.pk}/active/", {"active": "0"})

    assert response.status_code == 404


def test_units_page_creates_renames_and_deletes(client_a, university_a, admin_a, units_a):
    sign_in(client_a, university_a, admin_a)

    page = client_a.get("/office/units/").content.decode()
    assert page.index("Orman Fakültesi") < page.index("Orman Endüstri") < page.index("Tıp Fakültesi")

    client_a.post("/office/units/", {"name_tr": "Hukuk Fakültesi", "name_ru": "Юридический факультет",
                                     "kind": "faculty", "parent": ""})
    with schema_context(university_a.schema_name):
        law = AcademicUnit.objects.get(name_tr="Hukuk Fakültesi")
    client_a.post(f"/office/units/{law.pk}/", {"name_tr": "Hukuk Fakültesi", "name_en": "Faculty of Law",
                                               "kind": "faculty", "parent": units_a["medicine"].pk})
    in_use = client_a.post(f"/office/units/{units_a['medicine'].pk}/delete/", follow=True)
    client_a.post(f"/office/units/{law.pk}/delete/")

    with schema_context(university_a.schema_name):
        assert not AcademicUnit.objects.filter(pk=law.pk).exists()
        assert AcademicUnit.objects.filter(pk=units_a["medicine"].pk).exists()
        assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
            "unit.created", "unit.updated", "unit.deleted"]
    assert in_use.status_code == 200


def test_a_unit_without_any_name_is_refused(client_a, university_a, admin_a):
    sign_in(client_a, university_a, admin_a)

    response = client_a.post("/office/units/", {"kind": "faculty"})

    assert response.context["form"].non_field_errors()
    with schema_context(university_a.schema_name):
        assert not AcademicUnit.objects.exists()


def test_audit_page_is_newest_first_paginated_and_filtered(client_a, university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    with schema_context(university_a.schema_name):
        for number in range(55):
            action = AuditAction.UNIT_CREATED if number == 0 else AuditAction.UNIT_UPDATED
            audit_record(actor=admin_a, action=action, details={})
        audit_record(actor=officer, action=AuditAction.UNIT_DELETED)
    sign_in(client_a, university_a, admin_a)

    first_page = client_a.get("/office/audit/")
    second_page = client_a.get("/office/audit/?page=2")
    by_officer = client_a.get(f"/office/audit/?actor={officer.pk}")
    by_action = client_a.get("/office/audit/?action=unit.created")

    assert first_page.context["rows"][0]["action"] == "unit.deleted"
    assert len(first_page.context["rows"]) == 50
    assert second_page.context["rows"][-1]["action"] == "unit.created"
    assert [entry["action"] for entry in by_officer.context["rows"]] == ["unit.deleted"]
    assert [entry["action"] for entry in by_action.context["rows"]] == ["unit.created"]


def test_a_reworded_unit_name_marks_its_translations_until_they_are_checked(client_a, admin_api, university_a,
                                                                            admin_a, units_a):
    in_english(sign_in(client_a, university_a, admin_a))
    forestry = units_a["forestry"]
    url = f"/api/units/{forestry.pk}/"
    admin_api.patch(url, {"name_en": "Faculty of Forestry", "name_ru": "Лесной факультет"},
                    content_type="application/json")

    reworded = admin_api.patch(url, {"name_tr": "Orman Fakültesi Dekanlığı"}, content_type="application/json").json()
    page = client_a.get(f"/office/units/{forestry.pk}/").content.decode()
    client_a.post(f"/office/units/{forestry.pk}/", {
        "name_tr": "Orman Fakültesi Dekanlığı", "name_en": "Faculty of Forestry", "name_ru": "Лесной факультет",
        "kind": "faculty", "parent": "", "name_checked": "on"})

    assert reworded["outdated_translations"] == {"name": ["ru", "en"]}
    assert "Name in English — out of date" in page and "Name in Turkish — out of date" not in page
    assert admin_api.get(url).json()["outdated_translations"] == {}


def test_the_audit_filters_can_be_cleared_and_an_empty_result_says_why(client_a, university_a, admin_a):
    in_english(sign_in(client_a, university_a, admin_a))

    unfiltered = client_a.get("/office/audit/?ordering=action").content.decode()
    filtered = client_a.get("/office/audit/?action=partner.deleted&ordering=action").content.decode()

    assert "Clear the filters" not in unfiltered
    assert 'class="clear-filters" href="/office/audit/?ordering=action"' in filtered
    assert "No entry matches these filters." in filtered


def test_the_people_page_sorts_by_its_columns(client_a, university_a, admin_a, people_a):
    in_english(sign_in(client_a, university_a, admin_a))

    by_name = client_a.get("/office/users/").content.decode()
    by_role = client_a.get("/office/users/?ordering=-role").content.decode()

    assert 'aria-sort="ascending"><a href="?ordering=-username">Person</a>' in by_name
    names = sorted(person.username for person in people_a.values())
    assert [by_name.index(f">{name}<") for name in names] == sorted(by_name.index(f">{name}<") for name in names)
    assert 'aria-sort="descending"' in by_role
