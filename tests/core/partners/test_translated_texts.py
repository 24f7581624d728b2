"""A partner's city and a contact's position in each language, and the languages left out of date when one
language's name or text is reworded: through the services, the pages, the API and the partner table."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django_tenants.utils import schema_context

from core.partners import selectors, services
from core.partners.models import Partner, PartnerContact
from kopru.translated import translations
from tests.core.accounts.helpers import sign_in
from tests.factories.partners import PartnerFactory

JSON = "application/json"
VIENNA = {"tr": "Viyana", "ky": "Вена", "ru": "Вена", "en": "Vienna"}
NAMES = {"tr": "Viyana Üniversitesi", "ky": "Вена университети", "ru": "Венский университет",
         "en": "University of Vienna"}


def vienna(**details) -> Partner:
    return services.partner_create(names=NAMES, texts={"city": VIENNA}, country="AT", acting_user=None, **details)


def test_the_city_and_a_contacts_position_are_kept_in_each_language(in_kastamonu_in_english):
    partner = vienna()
    contact = services.partner_contact_create(partner=partner, name="Julia Berger", acting_user=None,
                                              positions={"tr": "Erasmus+ kurum koordinatörü",
                                                         "en": "Erasmus+ institutional coordinator"})
    services.partner_contact_update(contact=contact, positions={"ru": "Координатор Erasmus+"}, acting_user=None)

    partner = Partner.objects.get(pk=partner.pk)
    contact = PartnerContact.objects.get(pk=contact.pk)
    assert translations(partner, "city") == VIENNA
    assert translations(contact, "position") == {"tr": "Erasmus+ kurum koordinatörü", "ky": None,
                                                 "ru": "Координатор Erasmus+",
                                                 "en": "Erasmus+ institutional coordinator"}
    with translation.override("tr"):
        assert (partner.city, contact.position) == ("Viyana", "Erasmus+ kurum koordinatörü")
    with translation.override("ky"):  # no Kyrgyz position: the Russian one, the closest
        assert (partner.city, contact.position) == ("Вена", "Координатор Erasmus+")


def test_rewording_the_turkish_name_marks_the_other_languages_until_they_are_checked(in_kastamonu_in_english):
    partner = vienna()

    services.partner_update(partner=partner, names={"tr": "Viyana Üniversitesi (Universität Wien)"},
                            acting_user=None)
    reworded = Partner.objects.get(pk=partner.pk).outdated_translations
    services.partner_update(partner=partner, names={"en": "The University of Vienna"}, acting_user=None)
    after_english = Partner.objects.get(pk=partner.pk).outdated_translations
    services.partner_update(partner=partner, texts={"city": {"en": "Wien"}}, translations_checked=["city", "name"],
                            acting_user=None)
    checked = Partner.objects.get(pk=partner.pk)

    assert reworded == {"name": ["ky", "ru", "en"]}
    assert after_english == {"name": ["ky", "ru"]}  # the English name caught up, the others still behind
    assert checked.outdated_translations == {}  # the city reworded as checked, the names read and kept
    assert checked.city_en == "Wien"


def test_a_new_language_of_a_text_marks_nothing_out_of_date(in_kastamonu_in_english):
    partner = services.partner_create(names={"en": "University of Vienna"}, texts={"city": {"en": "Vienna"}},
                                      country="AT", acting_user=None)

    services.partner_update(partner=partner, names={"tr": "Viyana Üniversitesi"}, texts={"city": {"tr": "Viyana"}},
                            acting_user=None)

    assert Partner.objects.get(pk=partner.pk).outdated_translations == {}


def test_the_list_shows_and_sorts_the_city_in_the_readers_language(client_a, university_a, admin_a, admin_api):
    with schema_context(university_a.schema_name):
        wien = PartnerFactory(names={"en": "University of Vienna"}, cities=VIENNA, country="AT")
        warsaw = PartnerFactory(names={"en": "University of Warsaw"}, country="PL",
                                cities={"tr": "Varşova", "ky": "Варшава", "ru": "Варшава", "en": "Warsaw"})
    sign_in(client_a, university_a, admin_a)

    turkish = client_a.get("/partners/?ordering=city").content.decode()
    client_a.cookies["kopru_language"] = "en"
    english = client_a.get("/partners/?ordering=city").content.decode()
    admin_api.cookies["kopru_language"] = "en"
    rows = admin_api.get("/api/partners/?ordering=city").json()["results"]

    assert "<td>Viyana</td>" in turkish and "<td>Vienna</td>" not in turkish
    assert turkish.index("Varşova") < turkish.index("Viyana")
    assert "<td>Vienna</td>" in english and english.index("Vienna") < english.index("Warsaw")
    assert [row["id"] for row in rows] == [wien.pk, warsaw.pk]
    assert (rows[0]["city"], rows[0]["cities"]) == ("Vienna", VIENNA)


def test_a_search_finds_a_partner_by_its_city_in_another_language_or_script(in_kastamonu_in_english):
    manas = PartnerFactory(names={"en": "Kyrgyz-Turkish Manas University"}, cities={"ru": "Бишкек"}, country="KG")
    wien = PartnerFactory(names={"tr": "Viyana Üniversitesi"}, cities={"tr": "Viyana", "en": "Vienna"}, country="AT")

    assert selectors.partner_ids(None, query="Bishkek") == [manas.pk]
    assert selectors.partner_ids(None, query="vienna") == [wien.pk]


def test_the_city_columns_go_out_and_come_back_in_every_language(in_kastamonu_in_english, admin_a):
    vienna(erasmus_code="A  WIEN01")
    table = selectors.partner_table(Partner.objects.all(), "csv")
    Partner.objects.all().delete()

    result = services.partners_import(upload=SimpleUploadedFile("partners.csv", table), acting_user=admin_a)

    header = table.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[6:10] == ["city_tr", "city_ky", "city_ru", "city_en"]
    assert result.as_dict() == {"created": 1, "updated": 0}
    assert translations(Partner.objects.get(), "city") == VIENNA


def test_the_pages_write_the_city_and_a_position_in_each_language(office_a_en, university_a):
    created = office_a_en.post("/partners/new/", {
        **{f"name_{code}": name for code, name in NAMES.items()}, "country": "AT",
        **{f"city_{code}": city for code, city in VIENNA.items()}})
    with schema_context(university_a.schema_name):
        partner = Partner.objects.get()
    new_form = office_a_en.get("/partners/new/").content.decode()
    office_a_en.post(f"/partners/{partner.pk}/contacts/", {
        "contact-name": "Julia Berger", "contact-position_tr": "Erasmus+ koordinatörü",
        "contact-position_en": "Erasmus+ coordinator"})
    with schema_context(university_a.schema_name):
        contact = partner.contacts.get()
    edit_page = office_a_en.get(f"/partners/{partner.pk}/contact/{contact.pk}/").content.decode()
    edited = office_a_en.post(f"/partners/{partner.pk}/contact/{contact.pk}/", {
        "name": "Julia Berger", "position_tr": "Erasmus+ kurum koordinatörü", "position_en": "Erasmus+ coordinator"})
    page = office_a_en.get(f"/partners/{partner.pk}/").content.decode()

    assert created.status_code == edited.status_code == 302
    assert "City (Kyrgyz)" in new_form and "still say the same" not in new_form  # nothing to check on a new one
    assert 'value="Erasmus+ koordinatörü"' in edit_page and "Position (Russian)" in edit_page
    assert "Austria, Vienna" in page and "Julia Berger, Erasmus+ coordinator" in page
    with schema_context(university_a.schema_name):
        assert translations(Partner.objects.get(), "city") == VIENNA
        assert translations(PartnerContact.objects.get(), "position") == {
            "tr": "Erasmus+ kurum koordinatörü", "ky": None, "ru": None, "en": "Erasmus+ coordinator"}


def test_the_edit_page_marks_what_is_out_of_date_and_its_box_clears_it(office_a_en, university_a):
    with schema_context(university_a.schema_name):
        partner = vienna()
    form = {**{f"name_{code}": name for code, name in NAMES.items()}, "country": "AT",
            **{f"city_{code}": city for code, city in VIENNA.items()}}

    office_a_en.post(f"/partners/{partner.pk}/edit/", {**form, "name_tr": "Viyana Üniversitesi (Wien)"})
    detail = office_a_en.get(f"/partners/{partner.pk}/").content.decode()
    edit_page = office_a_en.get(f"/partners/{partner.pk}/edit/").content.decode()
    checked = office_a_en.post(f"/partners/{partner.pk}/edit/", {**form, "name_tr": "Viyana Üniversitesi (Wien)",
                                                                 "name_checked": "on"})

    assert "translation out of date" in detail  # the English name the reader sees fell behind
    assert "Name in English — out of date" in edit_page and "Name in Turkish — out of date" not in edit_page
    assert checked.status_code == 302
    assert "translation out of date" not in office_a_en.get(f"/partners/{partner.pk}/").content.decode()
    with schema_context(university_a.schema_name):
        assert Partner.objects.get(pk=partner.pk).outdated_translations == {}


def test_the_turkish_reader_sees_no_badge_for_the_name_just_reworded_in_turkish(office_a, university_a):
    with schema_context(university_a.schema_name):
        partner = vienna()
        services.partner_update(partner=partner, names={"tr": "Viyana Üniversitesi (Wien)"}, acting_user=None)

    assert "Viyana Üniversitesi (Wien)" in (page := office_a.get(f"/partners/{partner.pk}/").content.decode())
    assert '<span class="badge">' not in page  # the badge, in whatever words Turkish gives it


def test_the_api_writes_cities_and_positions_and_says_what_is_out_of_date(admin_api_en, university_a):
    created = admin_api_en.post("/api/partners/", {**{f"name_{code}": name for code, name in NAMES.items()},
                                                   "country": "AT", "cities": VIENNA}, content_type=JSON)
    url = f"/api/partners/{created.json()['id']}/"
    reworded = admin_api_en.patch(url, {"name_tr": "Viyana Üniversitesi (Wien)"}, content_type=JSON)
    checked = admin_api_en.patch(url, {"translations_checked": ["name"]}, content_type=JSON)
    unknown = admin_api_en.patch(url, {"translations_checked": ["website"]}, content_type=JSON)
    form_body = admin_api_en.patch(url, "name_tr=X", content_type="application/x-www-form-urlencoded")
    contact = admin_api_en.post(f"{url}contacts/", {"name": "Julia Berger", "positions": {
        "tr": "Erasmus+ koordinatörü", "en": "Erasmus+ coordinator"}}, content_type=JSON)
    changed = admin_api_en.patch(f"{url}contacts/{contact.json()['id']}/", {"positions": {"en": None}},
                                 content_type=JSON)

    assert created.status_code == 201
    assert (created.json()["city"], created.json()["cities"]) == ("Vienna", VIENNA)
    assert created.json()["outdated_translations"] == {}
    assert reworded.json()["outdated_translations"] == {"name": ["ky", "ru", "en"]}
    assert checked.json()["outdated_translations"] == {}
    assert unknown.status_code == 400 and "translations_checked" in unknown.json()["error"]["fields"]
    assert form_body.status_code == 415
    assert contact.status_code == 201
    assert (contact.json()["position"], contact.json()["positions"]) == (
        "Erasmus+ coordinator", {"tr": "Erasmus+ koordinatörü", "ky": None, "ru": None, "en": "Erasmus+ coordinator"})
    assert changed.json()["position"] == "Erasmus+ koordinatörü"  # English cleared: the next language
    assert admin_api_en.get(url).json()["contacts"][0]["positions"]["tr"] == "Erasmus+ koordinatörü"
