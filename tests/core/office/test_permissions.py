"""The rule table and the academic-unit scope, as the UI and the API both read them."""

import pytest
from django_tenants.utils import schema_context

from core.office.models import Membership, Role
from core.office.permissions import Action, can
from core.office.selectors import unit_get_for_user, units_for_user, user_get_for_user, users_for_user
from kopru.errors import NotFound
from tests.conftest import make_office_user

READ = {Action.VIEW_OFFICE, Action.VIEW_PARTNERS, Action.VIEW_AGREEMENTS, Action.VIEW_STATUTES}
WORK = READ | {Action.MANAGE_PARTNERS, Action.MANAGE_AGREEMENTS, Action.REGISTER_REQUESTS, Action.ANSWER_REQUESTS}


@pytest.mark.parametrize(("role", "allowed"), [
    (Role.OFFICE_ADMIN, set(Action)),
    (Role.COORDINATOR, WORK | {Action.PUBLISH_AGREEMENTS, Action.IMPORT_DATA, Action.MANAGE_STATUTES}),
    (Role.OFFICER, WORK),
    (Role.UNIT_STAFF, READ | {Action.ANSWER_REQUESTS}),
    (Role.VIEWER, READ),
])
def test_each_role_may_do_what_the_table_says(university_a, role, allowed):
    user = make_office_user(university_a, username="someone", role=role)

    with schema_context(university_a.schema_name):
        assert {action for action in Action if can(user, action)} == allowed


def test_without_a_membership_nothing_is_allowed(university_a):
    user = make_office_user(university_a, username="someone")
    with schema_context(university_a.schema_name):
        Membership.objects.filter(user=user).delete()
        user = type(user).objects.get(pk=user.pk)

        assert not any(can(user, action) for action in Action)


def test_platform_admins_have_no_office_rights(platform_admin):
    assert not any(can(platform_admin, action) for action in Action)


def test_a_deactivated_admin_has_no_rights(university_a):
    user = make_office_user(university_a, username="gone", is_active=False)

    with schema_context(university_a.schema_name):
        assert not can(user, Action.VIEW_OFFICE)


def test_a_required_but_missing_second_factor_holds_everything_back(university_a):
    user = make_office_user(university_a, username="someone")
    with schema_context(university_a.schema_name):
        Membership.objects.filter(user=user).update(two_factor_required=True)
        user = type(user).objects.get(pk=user.pk)

        assert not can(user, Action.VIEW_OFFICE)


def test_unit_staff_see_their_unit_and_the_units_below_it(university_a, units_a):
    staff = make_office_user(university_a, username="orman", role=Role.UNIT_STAFF, academic_unit=units_a["forestry"])
    make_office_user(university_a, username="ahsap", role=Role.OFFICER, academic_unit=units_a["wood"])
    doctor = make_office_user(university_a, username="doktor", role=Role.OFFICER, academic_unit=units_a["medicine"])
    with schema_context(university_a.schema_name):

        assert set(units_for_user(staff)) == {units_a["forestry"], units_a["wood"]}
        assert {p.username for p in users_for_user(staff)} == {"orman", "ahsap"}
        with pytest.raises(NotFound):
            unit_get_for_user(staff, units_a["medicine"].pk)
        with pytest.raises(NotFound):
            user_get_for_user(staff, doctor.pk)


def test_office_roles_see_every_unit(university_a, units_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)

    with schema_context(university_a.schema_name):
        assert units_for_user(officer).count() == 3
