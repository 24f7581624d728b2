"""The office's writes: roles, activity, second-factor requirement, academic units; each leaves an audit row."""

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context

from core.audit.models import AuditEntry
from core.office.models import AcademicUnit, Invitation, Membership, Role
from core.office.services import (
    invitation_create,
    membership_change,
    membership_require_two_factor,
    unit_create,
    unit_delete,
    unit_update,
    user_set_active,
)
from kopru.errors import ServiceError
from tests.conftest import make_office_user


def _fresh(user):
    return type(user).objects.select_related("membership").get(pk=user.pk)


def test_the_last_admin_cannot_demote_or_deactivate_themself(university_a, admin_a):
    with schema_context(university_a.schema_name):
        with pytest.raises(ServiceError) as demoted:
            membership_change(person=_fresh(admin_a), role=Role.OFFICER, academic_unit=None, acting_user=admin_a)
        with pytest.raises(ServiceError) as deactivated:
            user_set_active(person=_fresh(admin_a), active=False, acting_user=admin_a)

        assert demoted.value.code == deactivated.value.code == "last_admin"
        assert _fresh(admin_a).membership.role == Role.OFFICE_ADMIN
        assert _fresh(admin_a).is_active
        assert not AuditEntry.objects.exists()


def test_with_a_second_admin_one_may_step_down(university_a, admin_a):
    make_office_user(university_a, username="second")
    with schema_context(university_a.schema_name):
        membership_change(person=_fresh(admin_a), role=Role.COORDINATOR, academic_unit=None, acting_user=admin_a)

        assert _fresh(admin_a).membership.role == Role.COORDINATOR
        entry = AuditEntry.objects.get(action="membership.changed")
        assert entry.actor == admin_a
        assert entry.details["after"]["role"] == "coordinator"


def test_a_deactivated_admin_does_not_count_as_the_other_admin(university_a, admin_a):
    make_office_user(university_a, username="second", is_active=False)
    with schema_context(university_a.schema_name), pytest.raises(ServiceError):
        user_set_active(person=_fresh(admin_a), active=False, acting_user=admin_a)


def test_deactivate_and_reactivate_a_person(university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    with schema_context(university_a.schema_name):
        user_set_active(person=_fresh(officer), active=False, acting_user=admin_a)
        assert not _fresh(officer).is_active
        user_set_active(person=_fresh(officer), active=True, acting_user=admin_a)
        assert _fresh(officer).is_active
        assert list(AuditEntry.objects.values_list("action", flat=True)) == ["user.activated", "user.deactivated"]


def test_unit_staff_need_a_unit(university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    with schema_context(university_a.schema_name):
        with pytest.raises(ServiceError) as error:
            membership_change(person=_fresh(officer), role=Role.UNIT_STAFF, academic_unit=None, acting_user=admin_a)
        assert error.value.code == "unit_required"
        with pytest.raises(ServiceError):
            invitation_create(email="x@example.org", role=Role.UNIT_STAFF, invited_by=admin_a)


def test_requiring_two_factor_is_recorded(university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    with schema_context(university_a.schema_name):
        membership_require_two_factor(person=_fresh(officer), required=True, acting_user=admin_a)

        assert Membership.objects.get(user=officer).two_factor_required
        assert AuditEntry.objects.filter(action="membership.two_factor_required", actor=admin_a).exists()


def test_invitations_refuse_bad_addresses_and_people_already_in_the_office(university_a, admin_a):
    with schema_context(university_a.schema_name):
        with pytest.raises(ValidationError):
            invitation_create(email="not an address", role=Role.OFFICER, invited_by=admin_a)
        with pytest.raises(ServiceError) as member:
            invitation_create(email="AYSE@kastamonu.example", role=Role.OFFICER, invited_by=admin_a)
        with pytest.raises(ServiceError) as role:
            invitation_create(email="new@example.org", role="rector", invited_by=admin_a)

        assert member.value.code == "already_member"
        assert role.value.code == "invalid_role"
        assert not Invitation.objects.exists()


def test_units_are_created_renamed_and_moved(university_a, admin_a, units_a):
    with schema_context(university_a.schema_name):
        unit = unit_create(names={"tr": "Fen Fakültesi", "ky": "Табигый илимдер факультети"}, kind="faculty",
                           parent=None, acting_user=admin_a)
        unit_update(unit=unit, names={"en": "Faculty of Science"}, acting_user=admin_a)
        unit_update(unit=unit, parent=units_a["medicine"], acting_user=admin_a)

        unit = AcademicUnit.objects.get(pk=unit.pk)
        assert (unit.name_tr, unit.name_ky, unit.name_en) == (
            "Fen Fakültesi", "Табигый илимдер факультети", "Faculty of Science")
        assert unit.parent == units_a["medicine"]
        assert AuditEntry.objects.filter(target_id=str(unit.pk)).count() == 3


def test_a_unit_needs_a_name_and_cannot_go_inside_itself(university_a, admin_a, units_a):
    with schema_context(university_a.schema_name):
        with pytest.raises(ServiceError) as nameless:
            unit_create(names={"tr": "  "}, kind="faculty", parent=None, acting_user=admin_a)
        with pytest.raises(ServiceError) as cycle:
            unit_update(unit=units_a["forestry"], parent=units_a["wood"], acting_user=admin_a)

        assert nameless.value.code == "name_required"
        assert cycle.value.code == "unit_cycle"
        assert AcademicUnit.objects.get(pk=units_a["forestry"].pk).parent is None


def test_a_unit_in_use_is_not_deleted(university_a, admin_a, units_a):
    make_office_user(university_a, username="doktor", role=Role.OFFICER, academic_unit=units_a["medicine"])
    with schema_context(university_a.schema_name):
        with pytest.raises(ServiceError) as has_children:
            unit_delete(unit=units_a["forestry"], acting_user=admin_a)
        with pytest.raises(ServiceError) as has_people:
            unit_delete(unit=units_a["medicine"], acting_user=admin_a)
        unit_delete(unit=units_a["wood"], acting_user=admin_a)

        assert has_children.value.code == has_people.value.code == "unit_in_use"
        assert set(AcademicUnit.objects.values_list("name_tr", flat=True)) == {"Orman Fakültesi", "Tıp Fakültesi"}
        assert AuditEntry.objects.filter(action="unit.deleted").count() == 1
