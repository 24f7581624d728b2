"""How the office's letters address a partner's head, in each language's grammar: on the page and in the API."""

from django_tenants.utils import schema_context

from core.partners.models import Partner


def test_the_office_writes_how_letters_address_the_partner_on_its_page(office_a_en, university_a, munich_a):
    page = office_a_en.get(f"/partners/{munich_a.pk}/edit/").content.decode()
    saved = office_a_en.post(f"/partners/{munich_a.pk}/edit/", {
        "name_tr": "Münih Teknik Üniversitesi", "country": "DE",
        "letter_addressee_tr": "Münih Teknik Üniversitesi Rektörlüğüne",
        "letter_addressee_ru": "Ректору Мюнхенского технического университета"})

    assert "Addressed in letters as (Kyrgyz)" in page
    assert saved.status_code == 302
    with schema_context(university_a.schema_name):
        partner = Partner.objects.get(pk=munich_a.pk)
        assert (partner.letter_addressee_tr, partner.letter_addressee_ru) == (
            "Münih Teknik Üniversitesi Rektörlüğüne", "Ректору Мюнхенского технического университета")
        assert not partner.letter_addressee_ky


def test_and_through_the_api(admin_api, munich_a):
    response = admin_api.patch(f"/api/partners/{munich_a.pk}/", {
        "letter_addressee": {"ky": "Мюнхен техникалык университетинин ректоруна"}}, content_type="application/json")

    assert response.status_code == 200, response.content
    assert response.json()["letter_addressee"]["ky"] == "Мюнхен техникалык университетинин ректоруна"
    assert response.json()["names"]["tr"] == "Münih Teknik Üniversitesi"  # the rest is kept
