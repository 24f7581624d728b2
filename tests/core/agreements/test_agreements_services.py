"""Agreements through their services: what is saved, what is refused, and the ISCED-F table they point to."""

from datetime import date

import pytest
from django.utils import translation
from django_tenants.utils import schema_context

from core.agreements import isced_f_2013
from core.agreements.migrations import _isced_f_2013_0002 as frozen
from core.agreements.models import Agreement, IscedField
from core.agreements.services import agreement_delete, agreement_update
from core.audit.models import AuditEntry
from kopru.errors import ServiceError
from tests.core.agreements.agreement_world import make, sms_row


def test_isced_f_2013_is_loaded_in_every_schema_in_four_languages(university_a, university_b):
    for university in (university_a, university_b):
        with schema_context(university.schema_name):
            codes = list(IscedField.objects.values_list("code", flat=True))
            assert sum(len(code) == 4 for code in codes) == 80
            assert sum(len(code) == 3 for code in codes) == 29
            assert sum(len(code) == 2 for code in codes) == 11
            law = IscedField.objects.get(code="0421")
            assert (law.name_en, law.name_tr, law.name_ky, law.name_ru) == ("Law", "Hukuk", "Укук", "Право")
            with translation.override("ky"):
                assert str(IscedField.objects.get(code="0912")) == "0912 Медицина"
    assert frozen.FIELDS == isced_f_2013.FIELDS  # the migration's copy still matches the live table


def test_a_new_agreement_is_a_draft_with_everything_it_was_given(university_a, admin_a, world):
    agreement = make(university_a, world, admin_a, reference="2025/17", titles={"tr": "Varşova protokolü",
                                                                                 "en": "Warsaw protocol"},
                     partners=[world.warsaw, world.osh], units=[world.forestry, world.medicine],
                     scopes=["student_exchange", "research"], starts_on=date(2025, 9, 1), ends_on=date(2030, 8, 31),
                     first_academic_year=2025, last_academic_year=2029, renewal="by_notice",
                     text_languages=["tr", "en"],
                     signatories=[{"side": "ours", "name": "Prof. Dr. Ahmet Hamdi Topal",
                                   "titles": {"tr": "Rektör", "en": "Rector"}, "signed_on": date(2025, 6, 1)},
                                  {"side": "partner", "name": "Alojzy Nowak"}])

    with schema_context(university_a.schema_name):
        agreement = Agreement.objects.get(pk=agreement.pk)
        assert agreement.status == Agreement.Status.DRAFT
        assert agreement.created_by == admin_a
        assert (agreement.title_tr, agreement.title_en, agreement.reference) == (
            "Varşova protokolü", "Warsaw protocol", "2025/17")
        assert set(agreement.partners.all()) == {world.warsaw, world.osh}
        assert set(agreement.units.all()) == {world.forestry, world.medicine}
        assert [s.name for s in agreement.signatories.all()] == ["Prof. Dr. Ahmet Hamdi Topal", "Alojzy Nowak"]
        condition = agreement.conditions.get()
        assert (condition.mobility_type, condition.isced, condition.months_per_person) == ("SMS", world.law, 5)
        assert AuditEntry.objects.filter(action="agreement.created", target_id=str(agreement.pk)).exists()


@pytest.mark.parametrize(("overrides", "field"), [
    ({"partners": []}, "partners"),
    ({"starts_on": date(2026, 1, 1), "ends_on": date(2025, 12, 31)}, "ends_on"),
    ({"first_academic_year": 2026, "last_academic_year": 2025}, "last_academic_year"),
    ({"scopes": []}, "scopes"),
    ({"text_languages": ["Turkish"]}, "text_languages"),
    ({"kind": "treaty"}, "kind"),
])
def test_invalid_agreements_are_refused_with_the_field_named_and_nothing_saved(university_a, admin_a, world,
                                                                               overrides, field):
    with pytest.raises(ServiceError) as refused:
        make(university_a, world, admin_a, **overrides)

    assert refused.value.code == "invalid"
    assert field in refused.value.fields
    with schema_context(university_a.schema_name):
        assert not Agreement.objects.exists()
        assert not AuditEntry.objects.exists()


def test_the_date_error_says_what_is_wrong(university_a, admin_a, world):
    with translation.override("en"), pytest.raises(ServiceError) as refused:
        make(university_a, world, admin_a, starts_on=date(2026, 1, 1), ends_on=date(2025, 1, 1))

    assert "cannot end before it starts" in refused.value.fields["ends_on"][0]


def test_update_keeps_condition_rows_it_is_given_by_id_and_removes_the_others(university_a, admin_a, world):
    agreement = make(university_a, world, admin_a, conditions=[sms_row(world), sms_row(world, direction="incoming")])
    with schema_context(university_a.schema_name):
        kept, dropped = agreement.conditions.order_by("direction")

        agreement_update(agreement=agreement, acting_user=admin_a, ends_on=date(2031, 1, 1), conditions=[
            {**sms_row(world), "id": kept.pk, "places_per_year": 4},
            {"direction": "outgoing", "mobility_type": "STA", "places_per_year": 1, "days_per_person": 5},
        ])

        rows = {row.pk: row for row in agreement.conditions.all()}
        assert rows[kept.pk].places_per_year == 4
        assert dropped.pk not in rows and len(rows) == 2
        assert Agreement.objects.get(pk=agreement.pk).ends_on == date(2031, 1, 1)


def test_update_cannot_change_the_status(university_a, admin_a, world):
    agreement = make(university_a, world, admin_a)

    with schema_context(university_a.schema_name), pytest.raises(TypeError):
        agreement_update(agreement=agreement, acting_user=admin_a, status="in_force")


def test_only_drafts_can_be_deleted(university_a, admin_a, world):
    draft, in_force = make(university_a, world, admin_a), make(university_a, world, admin_a)
    with schema_context(university_a.schema_name):
        Agreement.objects.filter(pk=in_force.pk).update(status=Agreement.Status.IN_FORCE)
        in_force.refresh_from_db()

        agreement_delete(agreement=draft, acting_user=admin_a)
        with pytest.raises(ServiceError) as refused:
            agreement_delete(agreement=in_force, acting_user=admin_a)

        assert refused.value.code == "not_a_draft"
        assert list(Agreement.objects.values_list("pk", flat=True)) == [in_force.pk]
