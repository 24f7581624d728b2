"""The partner and agreement pages lead to their documents: the info note in one click, in English on request."""

from django_tenants.utils import schema_context

from core.agreements.models import Agreement
from core.office.models import Role
from tests.conftest import make_office_user
from tests.core.accounts.helpers import sign_in


def test_the_partner_page_writes_the_info_note_in_our_language_or_in_english(office_a, university_a, munich_a):
    page = office_a.get(f"/partners/{munich_a.pk}/").content.decode()

    assert f'action="/documents/info-note/{munich_a.pk}/"' in page
    assert 'name="language" value="tr">Bilgi notu</button>' in page
    assert 'name="language" value="en">' in page
    assert f'href="/documents/partners/{munich_a.pk}/"' in page

    # when: the office clicks the first button, then the English one
    turkish = office_a.post(f"/documents/info-note/{munich_a.pk}/", {"language": "tr"})
    english = office_a.post(f"/documents/info-note/{munich_a.pk}/", {"language": "en"})

    with schema_context(university_a.schema_name):
        documents = list(munich_a.generated_documents.order_by("id"))
    assert [(document.kind, document.language) for document in documents] == [("info_note", "tr"),
                                                                              ("info_note", "en")]
    assert turkish["Location"] == f"/documents/{documents[0].pk}/"
    assert english["Location"] == f"/documents/{documents[1].pk}/"


def test_a_viewer_sees_the_documents_but_no_button(client_a, university_a, munich_a):
    viewer = make_office_user(university_a, username="izleyici", role=Role.VIEWER)
    page = sign_in(client_a, university_a, viewer).get(f"/partners/{munich_a.pk}/").content.decode()

    assert f'href="/documents/partners/{munich_a.pk}/"' in page
    assert "/documents/info-note/" not in page


def test_the_agreement_page_links_to_its_cover_letters(office_a, university_a, munich_a):
    with schema_context(university_a.schema_name):
        agreement = Agreement.objects.get(partners=munich_a)

    page = office_a.get(f"/agreements/{agreement.pk}/").content.decode()

    assert f'href="/documents/agreements/{agreement.pk}/"' in page
    assert office_a.get(f"/documents/agreements/{agreement.pk}/").status_code == 200
