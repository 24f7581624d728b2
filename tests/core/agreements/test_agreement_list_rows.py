"""The agreements list writes its rows as plain dicts; each must read exactly as the agreement's own output."""

import pytest

from tests.core.accounts.helpers import api
from tests.core.agreements.agreement_world import make, sms_row


@pytest.mark.parametrize("language", ["ky", "en", "tr"])
def test_each_row_is_the_agreements_output_without_its_signatories(university_a, admin_a, world, language):
    # given agreements with and without a field, a decimal, several partners and units
    make(university_a, world, admin_a, titles={"ky": "Ош келишими", "en": "Osh agreement"},
         partners=[world.osh, world.warsaw], units=[world.forestry, world.medicine],
         conditions=[sms_row(world, months_per_person="4.5"),
                     sms_row(world, direction="incoming", isced=None, mobility_type="STA", months_per_person=None,
                             days_per_person=5)])
    make(university_a, world, admin_a, titles={"tr": "Varşova anlaşması"}, starts_on="2025-09-01",
         ends_on="2029-08-31")
    client = api(university_a, admin_a)

    # when
    rows = client.get("/api/agreements/", HTTP_ACCEPT_LANGUAGE=language).json()["results"]

    # then
    assert len(rows) == 2
    for row in rows:
        detail = client.get(f"/api/agreements/{row['id']}/", HTTP_ACCEPT_LANGUAGE=language).json()
        detail.pop("signatories")
        detail.pop("outdated_translations")
        assert row == detail


def test_the_list_sorts_by_a_listed_column_and_refuses_another(university_a, admin_a, world):
    for title in ("Beta", "alpha", "Gamma"):
        make(university_a, world, admin_a, titles={"tr": title, "en": title})
    client = api(university_a, admin_a)

    ascending = client.get("/api/agreements/?ordering=title").json()["results"]
    descending = client.get("/api/agreements/?ordering=-title").json()["results"]
    refused = client.get("/api/agreements/?ordering=partners")

    assert [row["title"] for row in ascending] == ["Beta", "Gamma", "alpha"]  # the database's collation
    assert [row["title"] for row in descending] == ["alpha", "Gamma", "Beta"]
    assert refused.status_code == 400
    assert refused.json()["error"]["fields"].keys() == {"ordering"}
