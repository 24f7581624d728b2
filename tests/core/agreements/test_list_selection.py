"""The agreements and partners lists: export the rows ticked (or the filtered list), filters that clear, and empty
states that say what to do next; the same selection through the API, within the reader's own university."""

import csv
import io

from tests.core.accounts.helpers import api, in_english, sign_in
from tests.core.agreements.agreement_world import make


def _ids(response) -> list[str]:
    return [row["id"] for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))]


def test_the_agreements_list_exports_the_ticked_rows_or_the_filtered_list(client_a, university_a, admin_a, world):
    first, _second, third = (make(university_a, world, admin_a, titles={"tr": title, "en": title}, kind=kind)
                            for title, kind in (("Alpha", "bilateral"), ("Beta", "erasmus_ka131"), ("Gamma", "farabi")))
    in_english(sign_in(client_a, university_a, admin_a))

    page = client_a.get("/agreements/?kind=bilateral&ordering=title").content.decode()
    ticked = client_a.get(f"/agreements/export/?file_format=csv&id={first.pk}&id={third.pk}&id=x&id=²&id={10**30}")
    filtered = client_a.get("/agreements/export/?file_format=csv&kind=farabi")
    nothing = client_a.get("/agreements/?kind=dual_degree").content.decode()

    assert 'form="selection"' in page and 'name="kind" value="bilateral"' in page  # the selection keeps the filter
    assert 'class="clear-filters" href="/agreements/?ordering=title"' in page
    assert sorted(_ids(ticked)) == sorted([str(first.pk), str(third.pk)])
    assert _ids(filtered) == [str(third.pk)]
    assert "No agreement matches these filters." in nothing


def test_an_empty_list_says_what_to_do_next(client_a, university_a, admin_a):
    in_english(sign_in(client_a, university_a, admin_a))

    agreements = client_a.get("/agreements/").content.decode()
    partners = client_a.get("/partners/").content.decode()

    assert "No agreements yet." in agreements and "Start a new agreement" in agreements
    assert "No partners yet." in partners and "Add a partner" in partners


def test_the_api_exports_the_chosen_rows_of_its_own_university_only(university_a, university_b, admin_a, admin_b,
                                                                     world):
    ours = make(university_a, world, admin_a)
    make(university_a, world, admin_a)
    client = api(university_a, admin_a)

    chosen = client.get(f"/api/agreements/export/?file_format=csv&id={ours.pk}&id=999999")
    partners = client.get(f"/api/partners/export/?file_format=csv&id={world.osh.pk}")
    refused = client.get("/api/agreements/export/?file_format=csv&id=x")
    too_large = client.get(f"/api/partners/export/?file_format=csv&id={10**30}")
    foreign = api(university_b, admin_b).get(f"/api/agreements/export/?file_format=csv&id={ours.pk}")

    assert _ids(chosen) == [str(ours.pk)]
    assert [row["name_ky"] for row in csv.DictReader(io.StringIO(partners.content.decode("utf-8-sig")))] == [
        "Ош мамлекеттик университети"]
    assert refused.status_code == too_large.status_code == 400 and "id" in refused.json()["error"]["fields"]
    assert _ids(foreign) == []


def test_a_selection_too_long_is_a_bad_request(university_a, admin_a, world):
    client = api(university_a, admin_a)

    over_the_selection = client.get("/api/agreements/export/?" + "&".join(["id=1"] * 501))
    over_the_query = client.get("/api/agreements/export/?" + "&".join(["id=1"] * 1001))

    assert over_the_selection.status_code == 400 and "id" in over_the_selection.json()["error"]["fields"]
    assert over_the_query.status_code == 400 and over_the_query.json()["error"]["code"] == "query_too_long"
