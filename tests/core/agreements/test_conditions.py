"""The rules of cooperation conditions: places, months for students, days for staff, EQF, languages."""

import pytest
from django.utils import translation
from django_tenants.utils import schema_context

from core.agreements.models import Agreement
from kopru.errors import ServiceError
from tests.core.agreements.agreement_world import make, sms_row


def refused_rows(university, world, user, *rows) -> list[dict]:
    with pytest.raises(ServiceError) as refused:
        make(university, world, user, conditions=list(rows))
    with schema_context(university.schema_name):
        assert not Agreement.objects.exists()
    return refused.value.fields["conditions"]


def test_students_are_counted_in_months_and_staff_in_days(university_a, admin_a, world):
    staff_row = {"direction": "incoming", "mobility_type": "STT", "places_per_year": 2, "days_per_person": 5}
    with translation.override("en"):
        errors = refused_rows(university_a, world, admin_a,
                              sms_row(world),  # fine
                              sms_row(world, months_per_person=None, days_per_person=30),
                              {**staff_row, "days_per_person": None, "months_per_person": 1},
                              staff_row)  # fine

    assert errors[0] == {} and errors[3] == {}
    assert "counted in months" in errors[1]["months_per_person"][0]
    assert "counted in days" in errors[2]["days_per_person"][0]


@pytest.mark.parametrize(("overrides", "field"), [
    ({"places_per_year": 0}, "places_per_year"),
    ({"days_per_person": 10}, "days_per_person"),  # months and days both
    ({"months_per_person": 0}, "months_per_person"),
    ({"eqf_level": 9}, "eqf_level"),
    ({"eqf_level": 0}, "eqf_level"),
    ({"language": "", "cefr_level": "B2"}, "language"),
    ({"language": "English"}, "language"),
    ({"cefr_level": "D1"}, "cefr_level"),
    ({"mobility_type": "XYZ"}, "mobility_type"),
    ({"direction": "sideways"}, "direction"),
])
def test_a_bad_row_is_refused_naming_its_field(university_a, admin_a, world, overrides, field):
    errors = refused_rows(university_a, world, admin_a, sms_row(world, **overrides))

    assert field in errors[0]


def test_eqf_levels_one_to_eight_are_accepted(university_a, admin_a, world):
    agreement = make(university_a, world, admin_a, conditions=[
        sms_row(world, eqf_level=level) for level in (1, 5, 8)])

    with schema_context(university_a.schema_name):
        assert sorted(agreement.conditions.values_list("eqf_level", flat=True)) == [1, 5, 8]


def test_other_mobility_may_be_counted_either_way(university_a, admin_a, world):
    agreement = make(university_a, world, admin_a, conditions=[
        {"direction": "outgoing", "mobility_type": "other", "places_per_year": 1},
        {"direction": "outgoing", "mobility_type": "other", "places_per_year": 1, "days_per_person": 3},
    ])

    with schema_context(university_a.schema_name):
        assert agreement.conditions.count() == 2
