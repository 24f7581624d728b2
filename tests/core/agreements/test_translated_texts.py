"""An agreement's texts in every language the office uses: titles composed where nobody wrote one, signatories'
titles and documents' names in each language, and translations that show as out of date when another language's
text is reworded, on the page, in the API and in the service."""

from django.utils import translation
from django_tenants.utils import schema_context

from core.agreements.models import Agreement
from core.agreements.services import agreement_create, agreement_update
from tests.core.accounts.helpers import api, in_english, sign_in
from tests.core.agreements.agreement_world import make
from tests.core.agreements.test_agreements_views import form_data
from tests.factories.partners import PartnerFactory


def _reload(university, agreement) -> Agreement:
    with schema_context(university.schema_name):
        return Agreement.objects.get(pk=agreement.pk)


def test_a_language_of_the_university_left_without_a_title_gets_one_made_of_the_partner_and_the_type(
        university_a, admin_a, world):
    agreement = make(university_a, world, admin_a, kind="bilateral", titles={"tr": "Oş protokolü"},
                     partners=[world.osh])

    agreement = _reload(university_a, agreement)
    assert agreement.title_tr == "Oş protokolü"  # what the office wrote stays
    assert agreement.title_en == "Ошский государственный университет — Bilateral protocol / MoU"  # its name's
    # nearest language to English
    assert (agreement.title_ky, agreement.title_ru) == (None, None)  # not languages of this university
    assert agreement.outdated_translations == {}  # composing is not rewording


def test_an_agreement_with_no_title_at_all_is_named_in_every_language_of_the_university(university_b, admin_b):
    with schema_context(university_b.schema_name):
        warsaw = PartnerFactory(names={"en": "University of Warsaw", "ru": "Варшавский университет"}, country="PL")
        agreement = agreement_create(acting_user=admin_b, kind="erasmus_ka131", titles={}, partners=[warsaw],
                                     scopes=["student_exchange"])

    assert (agreement.title_tr, agreement.title_ky, agreement.title_ru, agreement.title_en) == (
        None,
        "Варшавский университет — Erasmus+ мекемелер аралык келишими (KA131)",
        "Варшавский университет — Межинституциональное соглашение Erasmus+ (KA131)",
        "University of Warsaw — Erasmus+ inter-institutional agreement (KA131)",
    )


def test_rewording_an_up_to_date_text_puts_the_others_out_of_date_until_each_is_written_or_checked(
        university_a, admin_a, world):
    agreement = make(university_a, world, admin_a, titles={
        "tr": "Varşova protokolü", "ky": "Варшава келишими", "ru": "Варшавский протокол", "en": "Warsaw protocol"})

    def reworded(**changes) -> dict:
        with schema_context(university_a.schema_name):
            agreement_update(agreement=agreement, acting_user=admin_a, **changes)
        return _reload(university_a, agreement).outdated_translations

    assert reworded(titles={"tr": "Varşova Erasmus+ protokolü"}) == {"title": ["ky", "ru", "en"]}
    assert reworded(titles={"en": "Erasmus+ protocol with Warsaw"}) == {"title": ["ky", "ru"]}  # caught up
    assert reworded(titles={"ky": None}) == {"title": ["ru"]}  # a cleared text is not out of date
    assert reworded(titles={"ky": "Варшава менен Erasmus+ келишими"}) == {"title": ["ru"]}  # a first text neither
    assert reworded(titles={"tr": "Varşova protokolü"}, titles_checked=True) == {}
    assert reworded(titles={"ru": "Протокол Erasmus+ с Варшавой"}) == {"title": ["tr", "ky", "en"]}


def test_the_pages_mark_a_translation_out_of_date_and_the_box_clears_it(client_a, university_a, admin_a, world):
    sign_in(client_a, university_a, admin_a)
    in_english(client_a)
    client_a.post("/agreements/new/", form_data(world, title_en="Protocol with Osh State University"))
    with schema_context(university_a.schema_name):
        agreement = Agreement.objects.get()
    edit = form_data(world, title_tr="Oş Devlet Üniversitesi ile öğrenci değişimi protokolü",
                     title_en="Protocol with Osh State University")

    client_a.post(f"/agreements/{agreement.pk}/edit/", edit)

    detail = client_a.get(f"/agreements/{agreement.pk}/").content.decode()
    form = client_a.get(f"/agreements/{agreement.pk}/edit/").content.decode()
    assert detail.count("translation out of date") == 1
    assert "Title (English) — out of date" in form and "Title (Turkish) — out of date" not in form
    client_a.post(f"/agreements/{agreement.pk}/edit/", {**edit, "title_checked": "on"})
    assert "translation out of date" not in client_a.get(f"/agreements/{agreement.pk}/").content.decode()
    assert _reload(university_a, agreement).outdated_translations == {}


def test_the_api_tells_which_translations_are_out_of_date_and_takes_them_as_checked(university_a, admin_a, world):
    agreement = make(university_a, world, admin_a, titles={"tr": "Varşova protokolü", "en": "Warsaw protocol"})
    client = api(university_a, admin_a)

    reworded = client.patch(f"/api/agreements/{agreement.pk}/", {"title_en": "Erasmus+ protocol with Warsaw"},
                            content_type="application/json")
    checked = client.patch(f"/api/agreements/{agreement.pk}/", {"translations_checked": ["title"]},
                           content_type="application/json")
    refused = client.patch(f"/api/agreements/{agreement.pk}/", {"translations_checked": ["reference"]},
                           content_type="application/json")

    assert reworded.json()["outdated_translations"] == {"title": ["tr"]}
    assert checked.json()["outdated_translations"] == {}
    assert refused.status_code == 400


def test_signatories_titles_are_kept_in_each_language_and_read_in_the_readers(university_a, admin_a, world):
    client = api(university_a, admin_a)
    agreement = make(university_a, world, admin_a, signatories=[
        {"side": "ours", "name": "Prof. Dr. Ahmet Hamdi Topal", "titles": {"tr": "Rektör", "en": "Rector"}}])

    signatory = client.get(f"/api/agreements/{agreement.pk}/").json()["signatories"][0]

    assert signatory["title"] == "Rektör"  # the officer reads Turkish
    assert signatory["titles"] == {"tr": "Rektör", "ky": None, "ru": None, "en": "Rector"}
    with schema_context(university_a.schema_name), translation.override("en"):
        assert _reload(university_a, agreement).signatories.get().title == "Rector"


def test_a_document_typed_in_one_language_and_a_workflow_document_named_in_all(client_a, university_a, admin_a,
                                                                              world):
    from tests.uploads import upload

    agreement = make(university_a, world, admin_a)
    client = api(university_a, admin_a)
    client.post(f"/api/agreements/{agreement.pk}/documents/", {"kind": "other", "title": "İmzalı metin",
                                                               "file": upload()}, HTTP_ACCEPT_LANGUAGE="tr")

    with schema_context(university_a.schema_name):
        document = agreement.documents.get()
        assert (document.title_tr, document.title_ru) == ("İmzalı metin", None)
        with translation.override("ru"):
            assert document.title == "İmzalı metin"  # the one there is, rather than nothing
