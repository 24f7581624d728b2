"""The agreement pages on a university's host: list with filters, the form with its rows, the detail page."""

from django_tenants.utils import schema_context

from core.agreements.models import Agreement
from core.office.models import Role
from tests.conftest import make_office_user
from tests.core.accounts.helpers import in_english, sign_in
from tests.core.agreements.agreement_world import make, unit_staff


def form_data(world, **overrides) -> dict:
    data = {
        "kind": "bilateral", "title_tr": "Oş Devlet Üniversitesi ile protokol", "partners": [world.osh.pk],
        "units": [world.forestry.pk], "scopes": ["student_exchange"], "origin": "partner_letter",
        "starts_on": "2025-09-01", "ends_on": "2030-08-31", "renewal": "automatic", "text_languages": "tr, ky",
        "conditions-TOTAL_FORMS": "2", "conditions-INITIAL_FORMS": "0",
        "conditions-0-direction": "outgoing", "conditions-0-mobility_type": "SMS",
        "conditions-0-isced": str(world.law.pk), "conditions-0-eqf_level": "6", "conditions-0-places_per_year": "3",
        "conditions-0-months_per_person": "5", "conditions-0-language": "ru", "conditions-0-cefr_level": "B1",
        "signatories-TOTAL_FORMS": "1", "signatories-INITIAL_FORMS": "0",
        "signatories-0-side": "ours", "signatories-0-name": "Prof. Dr. Ahmet Hamdi Topal",
        "signatories-0-title_tr": "Rektör",
    }
    data.update(overrides)
    return data


def test_creating_an_agreement_with_conditions_and_signatories(client_a, university_a, admin_a, world):
    sign_in(client_a, university_a, admin_a)

    response = client_a.post("/agreements/new/", form_data(world))

    with schema_context(university_a.schema_name):
        agreement = Agreement.objects.get()
        assert response["Location"] == f"/agreements/{agreement.pk}/"
        assert agreement.status == "draft"
        assert agreement.text_languages == ["tr", "ky"]
        assert agreement.conditions.get().months_per_person == 5
        assert agreement.signatories.get().title == "Rektör"
    page = client_a.get(f"/agreements/{agreement.pk}/").content.decode()
    assert "Oş Devlet Üniversitesi ile protokol" in page
    assert "0421 Hukuk" in page
    assert 'id="workflow"' in page  # the approval panel sits on the page


def test_errors_appear_where_they_belong_and_nothing_is_saved(client_a, university_a, admin_a, world):
    sign_in(client_a, university_a, admin_a)
    in_english(client_a)

    response = client_a.post("/agreements/new/", form_data(
        world, partners=[], starts_on="2031-01-01", **{"conditions-0-mobility_type": "STA"}))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose at least one partner." in page
    assert "cannot end before it starts" in page
    assert "Staff mobility is counted in days" in page
    with schema_context(university_a.schema_name):
        assert not Agreement.objects.exists()


def test_editing_keeps_the_condition_rows(client_a, university_a, admin_a, world):
    agreement = make(university_a, world, admin_a)
    with schema_context(university_a.schema_name):
        condition = agreement.conditions.get()
    sign_in(client_a, university_a, admin_a)
    assert client_a.get(f"/agreements/{agreement.pk}/edit/").status_code == 200

    client_a.post(f"/agreements/{agreement.pk}/edit/", form_data(world, **{
        "conditions-TOTAL_FORMS": "1", "conditions-INITIAL_FORMS": "1", "conditions-0-id": str(condition.pk),
        "conditions-0-places_per_year": "7"}))

    with schema_context(university_a.schema_name):
        assert list(agreement.conditions.values_list("pk", "places_per_year")) == [(condition.pk, 7)]


def test_the_list_filters_and_flags_partners_not_recognised(client_a, university_a, admin_a, world):
    make(university_a, world, admin_a, titles={"tr": "Oş protokolü", "en": "Osh protocol"}, partners=[world.osh])
    make(university_a, world, admin_a, titles={"en": "Warsaw agreement"})
    sign_in(client_a, university_a, admin_a)
    in_english(client_a)

    everything = client_a.get("/agreements/").content.decode()
    searched = client_a.get("/agreements/", {"q": "Ош"}).content.decode()

    assert "Osh protocol" in everything and "Warsaw agreement" in everything
    assert everything.count(">Not checked<") == 1  # the status as the partner page names it
    assert "Osh protocol" in searched and "Warsaw agreement" not in searched


def test_readers_see_but_cannot_change(client_a, university_a, admin_a, world):
    agreement = make(university_a, world, admin_a)
    viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER)
    sign_in(client_a, university_a, viewer)

    assert client_a.get("/agreements/").status_code == 200
    assert client_a.get(f"/agreements/{agreement.pk}/").status_code == 200
    assert client_a.get("/agreements/new/").status_code == 403
    assert client_a.post(f"/agreements/{agreement.pk}/edit/", form_data(world)).status_code == 403
    assert client_a.post(f"/agreements/{agreement.pk}/delete/").status_code == 403
    with schema_context(university_a.schema_name):
        assert Agreement.objects.filter(pk=agreement.pk).exists()


def test_unit_staff_see_only_their_units_agreements(client_a, university_a, admin_a, world):
    own = make(university_a, world, admin_a, titles={"tr": "Forestry exchange"}, units=[world.wood])
    other = make(university_a, world, admin_a, titles={"tr": "Medicine exchange"}, units=[world.medicine])
    sign_in(client_a, university_a, unit_staff(university_a, world.forestry))

    page = client_a.get("/agreements/").content.decode()

    assert "Forestry exchange" in page and "Medicine exchange" not in page
    assert client_a.get(f"/agreements/{own.pk}/").status_code == 200
    assert client_a.get(f"/agreements/{other.pk}/").status_code == 404


def test_deleting_a_draft(client_a, university_a, admin_a, world):
    agreement = make(university_a, world, admin_a)
    sign_in(client_a, university_a, admin_a)

    response = client_a.post(f"/agreements/{agreement.pk}/delete/")

    assert response["Location"] == "/agreements/"
    with schema_context(university_a.schema_name):
        assert not Agreement.objects.exists()


def test_another_universitys_agreement_is_not_found_here(client_a, university_a, agreement_b, admin_a):
    sign_in(client_a, university_a, admin_a)

    assert client_a.get(f"/agreements/{agreement_b.pk}/").status_code == 404
    assert client_a.get(f"/agreements/{agreement_b.pk}/edit/").status_code == 404
    assert client_a.post(f"/agreements/{agreement_b.pk}/delete/").status_code == 404
