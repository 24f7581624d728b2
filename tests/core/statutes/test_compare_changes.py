"""The statute comparison marks what changed by colour and by a sign and word, and can show the changes only."""

import pytest
from django_tenants.utils import tenant_context

from core.statutes.services import revision_start
from tests.core.accounts.helpers import sign_in
from tests.core.statutes.test_views import reading_in


@pytest.fixture
def admin_client(client_a, university_a, people_a):
    return sign_in(client_a, university_a, reading_in(university_a, people_a["admin"], "en"))


@pytest.fixture
def revised(university_a, statute_a, people_a):
    """Revision 01 of seed 000's job description: 7.4 reworded, 7.5 removed."""
    with tenant_context(university_a):
        second = revision_start(statute=statute_a, descriptions={"en": "Revised"}, acting_user=people_a["admin"])
        clause = second.clauses.get(number="7.4")
        clause.text_en = "Prepare the short information note;"
        clause.save()
        second.clauses.get(number="7.5").delete()
    return statute_a


def test_each_change_has_its_class_sign_and_word_and_the_legend_says_them(admin_client, revised):
    page = admin_client.get(f"/statutes/{revised.pk}/compare/?a=0&b=1&lang=en").content.decode()

    assert 'class="diff-legend"' in page
    assert '<tr class="diff-changed">' in page and '<tr class="diff-removed">' in page
    assert '<span class="diff-mark" aria-hidden="true">−</span> removed' in page
    assert '<span class="diff-mark" aria-hidden="true">±</span> changed' in page
    assert "unchanged" in page


def test_changes_only_leaves_out_the_unchanged_clauses(admin_client, admin_api, revised):
    everything = admin_client.get(f"/statutes/{revised.pk}/compare/?a=0&b=1&lang=en").content.decode()
    page = admin_client.get(f"/statutes/{revised.pk}/compare/?a=0&b=1&lang=en&changes=1").content.decode()
    rows = admin_api.get(f"/api/statutes/{revised.pk}/diff/?a=0&b=1&lang=en&changes=true").json()
    same = admin_client.get(f"/statutes/{revised.pk}/compare/?a=0&b=0&lang=en&changes=1").content.decode()

    assert everything.count("<tr class=\"diff-unchanged\">") > 2
    assert "diff-unchanged" not in page and page.count("<tr class=\"diff-") == 2
    assert "1 removed, 1 changed" in page  # the summary still counts the whole comparison
    assert 'name="changes"' in page and "checked" in page
    assert [(row["number"], row["status"]) for row in rows] == [("7.4", "changed"), ("7.5", "removed")]
    assert "No clause was added, removed or changed." in same
