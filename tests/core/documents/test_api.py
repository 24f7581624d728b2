"""The document API: the info note by POST, documents and their files, as far as the reader may see."""

from django.test import Client
from django_tenants.utils import schema_context

from core.agreements.letters import cover_letter_for_step
from core.documents.models import GeneratedDocument
from core.office.models import AcademicUnit, Membership, Role
from core.partners.info_note import info_note_generate
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api, token_for
from tests.core.agreements.workflow_helpers import make_letter_steps
from tests.core.documents.helpers import flat, pdf_text


def test_generate_read_and_download_the_info_note(university_a, admin_a, munich_a):
    client = api(university_a, admin_a)

    created = client.post(f"/api/partners/{munich_a.pk}/info-note/", {"language": "en"},
                          content_type="application/json")
    links = created.json()["links"]
    read = client.get(links["self"])
    pdf = client.get(links["pdf"])

    assert created.status_code == 201
    assert created.json()["language"] == "en" and created.json()["version"] == 1
    assert created.json()["partner"] == munich_a.pk
    assert read.json()["title"] == "Information note on Technical University of Munich"
    assert "INFORMATION NOTE" in flat(pdf_text(b"".join(pdf.streaming_content)))
    assert client.get(links["docx"])["Content-Type"].endswith("wordprocessingml.document")


def test_the_default_language_is_the_universitys(university_b, admin_b, ankara_b):
    created = api(university_b, admin_b).post(f"/api/partners/{ankara_b.pk}/info-note/")

    assert created.status_code == 201
    assert created.json()["language"] == "ky"


def test_bad_input_is_refused_and_nothing_is_generated(university_a, admin_a, munich_a):
    client = api(university_a, admin_a)

    unknown = client.post(f"/api/partners/{munich_a.pk}/info-note/", {"language": "xx"},
                          content_type="application/json")
    not_used = client.post(f"/api/partners/{munich_a.pk}/info-note/", {"language": "ru"},
                           content_type="application/json")
    no_partner = client.post("/api/partners/999999/info-note/")

    assert "language" in unknown.json()["error"]["fields"]
    assert not_used.status_code == 400
    assert not_used.json()["error"]["code"] == "language_unavailable"
    assert no_partner.status_code == 404
    with schema_context(university_a.schema_name):
        assert not GeneratedDocument.objects.exists()


def test_list_per_target_in_a_constant_number_of_queries(university_a, admin_a, munich_a,
                                                          django_assert_max_num_queries):
    client = api(university_a, admin_a)
    with schema_context(university_a.schema_name):
        for _ in range(4):
            info_note_generate(partner=munich_a, acting_user=admin_a)

    with django_assert_max_num_queries(8):
        listing = client.get(f"/api/documents/?partner={munich_a.pk}")
    other = client.get("/api/documents/?partner=999999")

    assert listing.json()["count"] == 4
    assert [row["version"] for row in listing.json()["results"]] == [4, 3, 2, 1]
    assert other.json()["count"] == 0


def test_unit_staff_see_the_letters_of_their_units_agreements_only(university_a, admin_a, munich_a):
    steps = make_letter_steps(university_a)
    with schema_context(university_a.schema_name):
        forestry = AcademicUnit.objects.create(name_tr="Orman Fakültesi")
        medicine = AcademicUnit.objects.create(name_tr="Tıp Fakültesi")
        agreement = munich_a.agreements.get()
        agreement.units.add(medicine)
        letter = cover_letter_for_step(agreement=agreement, step=steps["senate_submission"], acting_user=admin_a)
        generated = agreement.generated_documents.get()
    staff = make_office_user(university_a, username="orman", role=Role.UNIT_STAFF)
    with schema_context(university_a.schema_name):
        Membership.objects.filter(user=staff).update(academic_unit=forestry)
    client = api(university_a, staff)

    assert letter.kind == "cover_letter"
    assert client.get(f"/api/documents/{generated.pk}/").status_code == 404
    assert client.get(f"/api/documents/{generated.pk}/download/pdf/").status_code == 404
    assert client.get("/api/documents/").json()["count"] == 0
    assert api(university_a, admin_a).get(f"/api/documents/{generated.pk}/").status_code == 200


def test_ids_of_another_university_are_not_found(university_a, university_b, admin_a, admin_b, ankara_b):
    with schema_context(university_b.schema_name):
        osh_document = [info_note_generate(partner=ankara_b, acting_user=admin_b) for _ in range(3)][-1]
    client = api(university_a, admin_a)

    assert client.get(f"/api/documents/{osh_document.pk}/").status_code == 404
    assert client.get(f"/api/documents/{osh_document.pk}/download/pdf/").status_code == 404
    assert client.post(f"/api/partners/{ankara_b.pk}/info-note/").status_code == 404


def test_a_token_of_one_university_is_refused_on_another(university_a, university_b, admin_a, admin_b, ankara_b):
    with schema_context(university_b.schema_name):
        osh_document = info_note_generate(partner=ankara_b, acting_user=admin_b)
    kastamonu_token_on_osh = Client(HTTP_HOST=host_of(university_b),
                                    HTTP_AUTHORIZATION=f"Token {token_for(university_a, admin_a)}")

    assert kastamonu_token_on_osh.get(f"/api/documents/{osh_document.pk}/").status_code == 401
    assert kastamonu_token_on_osh.get(f"/api/documents/{osh_document.pk}/download/pdf/").status_code == 401
    assert kastamonu_token_on_osh.post(f"/api/partners/{ankara_b.pk}/info-note/").status_code == 401
