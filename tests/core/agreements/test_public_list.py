"""The public partner list of seed 000 7.9: open to anyone on the university's host, and nothing internal in it."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import tenant_context

from core.agreements.models import Agreement
from core.audit.models import AuditEntry
from core.office.models import Role
from core.partners.models import PartnerContact
from tenants.models import University
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import in_english, sign_in, token_for
from tests.factories.agreements import AgreementFactory
from tests.factories.partners import PartnerFactory

Status, Kind = Agreement.Status, Agreement.Kind


@pytest.fixture
def listed_a(university_a):
    """Kastamonu's partners: two on the public list, the others kept off it for one reason each."""
    today = timezone.localdate()
    with tenant_context(university_a):
        graz = PartnerFactory(names={"en": "University of Graz", "tr": "Graz Üniversitesi"}, country="AT",
                              website="https://www.uni-graz.at", erasmus_code="A  GRAZ01", pic="999876543",
                              notes="Dean prefers phone calls")
        PartnerContact.objects.create(partner=graz, name="Dr. Secret Contact", email="contact@uni-graz.example")
        manas = PartnerFactory(names={"en": "Manas University", "ky": "Манас университети", "tr": "Manas Üniversitesi"},
                               country="KG", website="https://manas.edu.kg")
        AgreementFactory(partners=[graz], kind=Kind.ERASMUS_KA131, published=True, ends_on=today + timedelta(days=300))
        AgreementFactory(partners=[graz], kind=Kind.BILATERAL, published=True)
        AgreementFactory(partners=[manas], kind=Kind.ORHUN, published=True, starts_on=today - timedelta(days=30))
        hidden = {
            "unpublished": AgreementFactory(partners=[PartnerFactory(names={"en": "Unpublished U"}, country="DE")]),
            "draft": AgreementFactory(partners=[PartnerFactory(names={"en": "Draft U"}, country="DE")],
                                      status=Status.DRAFT, published=True),
            "approval": AgreementFactory(partners=[PartnerFactory(names={"en": "Approval U"}, country="DE")],
                                         status=Status.IN_APPROVAL, published=True),
            "expired": AgreementFactory(partners=[PartnerFactory(names={"en": "Expired U"}, country="DE")],
                                        status=Status.EXPIRED, published=True),
            "lapsed": AgreementFactory(partners=[PartnerFactory(names={"en": "Lapsed U"}, country="DE")],
                                       published=True, ends_on=today - timedelta(days=1)),
            "future": AgreementFactory(partners=[PartnerFactory(names={"en": "Future U"}, country="DE")],
                                       published=True, starts_on=today + timedelta(days=10)),
        }
    return {"graz": graz, "manas": manas, "hidden": hidden}


def public_json(client, query: str = "") -> dict:
    response = client.get(f"/partners/public.json{query}")
    assert response.status_code == 200, response.content
    return response.json()


def names(listing: dict) -> list[str]:
    return [partner["name"] for partner in listing["partners"]]


def test_anyone_sees_the_in_force_published_partners_and_nothing_internal(client_a, listed_a):
    page = in_english(client_a).get("/partners/public/")
    listing = public_json(client_a, "?lang=en")

    assert page.status_code == 200
    html = page.content.decode()
    assert "University of Graz" in html and "Manas University" in html
    assert names(listing) == ["Manas University", "University of Graz"]
    assert listing["partners"][1] == {
        "name": "University of Graz", "country": "AT", "country_name": "Austria", "website": "https://www.uni-graz.at",
        "erasmus_code": "A  GRAZ01",
        "programmes": [{"code": "bilateral", "label": "Bilateral protocol / MoU"},
                       {"code": "erasmus_ka131", "label": "Erasmus+ inter-institutional agreement (KA131)"}],
    }
    for text in (html, str(listing)):
        for secret in ("Dean prefers", "Secret Contact", "contact@", "999876543", " U<", "Unpublished", "Draft U",
                       "Approval U", "Expired U", "Lapsed U", "Future U"):
            assert secret not in text


def test_names_and_countries_follow_the_visitors_language_and_sort_in_it(client_a, listed_a):
    turkish = public_json(client_a, "?lang=tr")
    default = public_json(client_a)  # a visitor without a choice reads the university's default, Turkish

    assert names(turkish) == names(default) == ["Graz Üniversitesi", "Manas Üniversitesi"]
    assert [partner["country_name"] for partner in turkish["partners"]] == ["Avusturya", "Kırgızistan"]
    assert client_a.get("/partners/public.json?lang=tr")["Content-Language"] == "tr"
    # Kyrgyz is not one of Kastamonu's languages: the choice is ignored
    assert names(public_json(client_a, "?lang=ky")) == names(default)


def test_filters_by_country_programme_and_text_across_scripts(client_a, listed_a):
    assert names(public_json(client_a, "?lang=en&country=KG")) == ["Manas University"]
    assert names(public_json(client_a, "?lang=en&country=DE")) == []
    assert names(public_json(client_a, "?lang=en&programme=erasmus_ka131")) == ["University of Graz"]
    assert names(public_json(client_a, "?lang=en&programme=orhun&country=AT")) == []
    assert names(public_json(client_a, "?lang=en&q=манас")) == ["Manas University"]  # Cyrillic finds Latin
    assert names(public_json(client_a, "?lang=tr&q=kirgizistan")) == ["Manas Üniversitesi"]  # country, no accents
    assert names(public_json(client_a, "?lang=en&q=GRAZ uni")) == ["University of Graz"]

    page = in_english(client_a).get("/partners/public/?country=AT").content.decode()
    assert "University of Graz" in page and "Manas University" not in page
    assert '<option value="KG" >Kyrgyzstan</option>' in page  # the filter offers the countries listed


def test_bad_filters_are_explained(client_a, listed_a):
    bad = client_a.get("/partners/public.json?lang=en&programme=space&country=XX")
    bad_csv = client_a.get("/partners/public.csv?programme=space")
    page = in_english(client_a).get("/partners/public/?programme=space")

    assert bad.status_code == bad_csv.status_code == 400
    assert bad.json()["error"]["code"] == "invalid"
    assert set(bad.json()["error"]["fields"]) == {"programme", "country"}
    assert page.status_code == 200 and "Select a valid choice" in page.content.decode()


def test_csv_has_the_same_rows(client_a, listed_a):
    response = client_a.get("/partners/public.csv?lang=en&country=AT")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Name", "Country code", "Country", "Website", "Erasmus code", "Programmes"],
        ["University of Graz", "AT", "Austria", "https://www.uni-graz.at", "A  GRAZ01",
         "Bilateral protocol / MoU; Erasmus+ inter-institutional agreement (KA131)"],
    ]


def test_the_embed_may_be_framed_anywhere_and_the_rest_may_not(client_a, listed_a):
    embed = client_a.get("/partners/public/embed/?lang=en")
    page = client_a.get("/partners/public/")

    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed.headers
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert "script-src 'self'" in embed["Content-Security-Policy"]  # framed, yet as strict otherwise
    html = embed.content.decode()
    assert "University of Graz" in html and 'class="topbar"' not in html  # no app chrome
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert client_a.get("/accounts/login/")["X-Frame-Options"] == "DENY"


def test_each_host_shows_its_own_university_only(client_b, root_client, listed_a, university_b):
    with tenant_context(university_b):
        AgreementFactory(partners=[PartnerFactory(names={"en": "Ankara University"}, country="TR")], published=True)

    assert names(public_json(client_b, "?lang=en")) == ["Ankara University"]
    assert "Graz" not in client_b.get("/partners/public/embed/").content.decode()
    for path in ("/partners/public/", "/partners/public.json", "/partners/public.csv", "/partners/public/embed/"):
        assert root_client.get(path).status_code == 404


def test_a_suspended_university_shows_no_list(client_a, listed_a, university_a):
    University.objects.filter(pk=university_a.pk).update(status=University.Status.SUSPENDED)

    assert client_a.get("/partners/public/").status_code == 503
    assert client_a.get("/partners/public.json").status_code == 503


def test_the_list_costs_the_same_queries_however_long(client_a, university_a, listed_a):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            public_json(client_a)
        return len(captured)

    count_queries()  # the host is cached from then on
    before = count_queries()
    with tenant_context(university_a):
        for number in range(20):
            partner = PartnerFactory(names={"en": f"Partner {number}"}, country="FR")
            AgreementFactory(partners=[partner], kind=Kind.MEVLANA, published=True)

    assert count_queries() == before <= 6


@pytest.fixture
def publisher_a(university_a):
    return make_office_user(university_a, username="mehmet", role=Role.COORDINATOR, language="en")


def test_the_office_chooses_what_the_list_shows(client_a, university_a, listed_a, publisher_a):
    unpublished = listed_a["hidden"]["unpublished"]
    sign_in(client_a, university_a, publisher_a)

    page = client_a.get("/agreements/publishing/").content.decode()
    assert "/partners/public/embed/" in page and "&lt;iframe" in page
    shown = client_a.post(f"/agreements/publishing/{unpublished.pk}/", {"published": "1"})

    assert shown.status_code == 302
    assert "Unpublished U" in names(public_json(Client(HTTP_HOST=host_of(university_a)), "?lang=en"))
    client_a.post(f"/agreements/publishing/{unpublished.pk}/", {"published": "0"})
    with tenant_context(university_a):
        assert [entry.action for entry in AuditEntry.objects.order_by("pk")] == [
            "agreement.published", "agreement.unpublished"]


def test_the_office_page_is_for_those_who_publish(client_a, university_a, listed_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    sign_in(client_a, university_a, officer)

    assert client_a.get("/agreements/publishing/").status_code == 403
    assert client_a.post(f"/agreements/publishing/{listed_a['hidden']['unpublished'].pk}/",
                         {"published": "1"}).status_code == 403
    assert Client(HTTP_HOST=host_of(university_a)).get("/agreements/publishing/").status_code == 302


def test_other_ids_are_not_found_on_the_office_page(client_a, university_a, university_b, listed_a, publisher_a):
    with tenant_context(university_b):
        osh_partner = PartnerFactory(names={"en": "Osh partner"}, country="KG")
        osh = [AgreementFactory(partners=[osh_partner]) for _ in range(12)][-1]
    sign_in(client_a, university_a, publisher_a)

    assert client_a.post(f"/agreements/publishing/{osh.pk}/", {"published": "1"}).status_code == 404
    # a draft cannot be chosen
    assert client_a.post(f"/agreements/publishing/{listed_a['hidden']['draft'].pk}/",
                         {"published": "0"}).status_code == 404


def test_the_api_shows_and_hides_an_agreement(university_a, university_b, listed_a, publisher_a):
    unpublished = listed_a["hidden"]["unpublished"]
    token = token_for(university_a, publisher_a)
    client = Client(HTTP_HOST=host_of(university_a), HTTP_AUTHORIZATION=f"Token {token}")
    path = f"/api/agreements/{unpublished.pk}/publication/"

    shown = client.put(path, {"published": True}, content_type="application/json")
    bad = client.put(path, {"published": "perhaps"}, content_type="application/json")
    missing = client.put(path, {}, content_type="application/json")

    assert shown.status_code == 200 and shown.json() == {"id": unpublished.pk, "status": "in_force",
                                                         "published": True}
    assert bad.status_code == missing.status_code == 400
    assert "published" in bad.json()["error"]["fields"]
    with tenant_context(university_a):
        assert Agreement.objects.get(pk=unpublished.pk).published is True
        assert AuditEntry.objects.count() == 1

    with tenant_context(university_b):
        osh = [AgreementFactory(partners=[PartnerFactory(names={"en": "Osh partner"},
                                                       country="KG")]) for _ in range(12)][-1]
    assert client.put(f"/api/agreements/{osh.pk}/publication/", {"published": True},
                      content_type="application/json").status_code == 404
    other_host = Client(HTTP_HOST=host_of(university_b), HTTP_AUTHORIZATION=f"Token {token}")
    assert other_host.put(path, {"published": False}, content_type="application/json").status_code == 401
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    officer_api = Client(HTTP_HOST=host_of(university_a),
                         HTTP_AUTHORIZATION=f"Token {token_for(university_a, officer)}")
    assert officer_api.put(path, {"published": False}, content_type="application/json").status_code == 403
