"""Every list follows the list pattern: the same number of queries for a page of 2 rows as for a page of 6,
sorting by its keys (refusing others), filters that survive sorting and paging, a default order an index serves."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import schema_context

from core.agreements.models import Agreement, AgreementRequest
from core.agreements.partner_requests.selectors import REQUEST_ORDERING
from core.agreements.selectors import AGREEMENT_ORDERING
from core.audit.models import AuditEntry
from core.audit.selectors import AUDIT_ORDERING
from core.notifications.models import Notification
from core.notifications.selectors import NOTIFICATION_ORDERING
from core.partners.models import Partner
from core.statutes.models import Revision, Statute
from tests.conftest import host_of
from tests.core.accounts.helpers import api, sign_in
from tests.core.agreements.agreement_world import make, sms_row

ROWS = 6


@pytest.fixture
def full_lists(university_a, admin_a, world):
    """Six rows in every list, each with what its list shows of related rows."""
    agreements = [make(university_a, world, admin_a, titles={"en": f"Agreement {number}"},
                       partners=[world.warsaw, world.osh], units=[world.forestry, world.wood],
                       conditions=[sms_row(world), sms_row(world, direction="incoming")]) for number in range(ROWS)]
    with schema_context(university_a.schema_name):
        Partner.objects.bulk_create(Partner(name_en=f"College {number}", country="FR") for number in range(ROWS))
        for number in range(ROWS):
            statute = Statute.objects.create(kind="procedure", title_en=f"Procedure {number}")
            Revision.objects.create(statute=statute, number=0, status="in_force", in_force_from=date(2020, 1, 1))
            Revision.objects.create(statute=statute, number=1, status="draft")
        AuditEntry.objects.bulk_create(AuditEntry(actor=admin_a, actor_label="admin", action="unit.updated")
                                       for _ in range(ROWS))
        Notification.objects.bulk_create(Notification(recipient=admin_a, title=f"Reminder {number}")
                                         for number in range(ROWS))
        AgreementRequest.objects.bulk_create(
            AgreementRequest(agreement=agreement, received_on=date(2026, 1, 1), sender="partner@example.org",
                             subject="A request", unit=world.forestry) for agreement in agreements)
    return api(university_a, admin_a)


def queries_of(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("path", [
    "/api/agreements/", "/api/partners/", "/api/audit/", "/api/notifications/", "/api/agreements/requests/",
    "/api/statutes/",
])
def test_a_page_costs_the_same_queries_whatever_its_size(full_lists, django_assert_num_queries, path):
    client = full_lists
    client.get(path)  # warm the host and token caches
    small = queries_of(client, f"{path}?page_size=2")

    with django_assert_num_queries(small):
        response = client.get(f"{path}?page_size={ROWS}")

    assert len(response.json()["results"]) == ROWS


def test_the_statutes_cost_the_same_queries_whatever_their_count(full_lists, university_a,
                                                                django_assert_num_queries):
    client = full_lists
    client.get("/api/statutes/")
    with schema_context(university_a.schema_name):
        Statute.objects.create(kind="other", title_en="The only other statute")
    one = queries_of(client, "/api/statutes/?kind=other")

    with django_assert_num_queries(one):
        response = client.get("/api/statutes/?kind=procedure")

    rows = response.json()["results"]
    assert len(rows) == response.json()["count"] == ROWS
    assert rows[0]["current_revision"]["status"] == "in_force"
    assert rows[0]["latest_revision"]["number"] == 1


@pytest.mark.parametrize("path", [
    "/api/agreements/?ordering=-title", "/api/partners/?ordering=-name", "/api/audit/?ordering=action",
    "/api/notifications/?ordering=title", "/api/agreements/requests/?ordering=agreement",
    "/api/statutes/?ordering=-title",
])
def test_every_list_sorts_by_its_keys_and_refuses_others(full_lists, path):
    client = full_lists

    sorted_page = client.get(path)
    refused = client.get(path.split("=")[0] + "=password")

    assert sorted_page.status_code == 200
    assert refused.status_code == 400
    assert "ordering" in refused.json()["error"]["fields"]


def test_the_pages_of_every_list_render_sorted(full_lists, university_a, admin_a):
    browser = Client(HTTP_HOST=host_of(university_a))
    sign_in(browser, university_a, admin_a)
    for path in ("/agreements/?ordering=-ends_on&status=draft", "/partners/?ordering=-country",
                 "/office/audit/?ordering=action", "/agreements/requests/?ordering=subject",
                 "/statutes/?ordering=-title&kind=procedure"):
        response = browser.get(path)
        assert response.status_code == 200, path
        assert 'aria-sort="' in response.content.decode(), path


def test_the_statutes_page_sorts_within_each_kind_and_keeps_the_filter(full_lists, university_a, admin_a):
    browser = Client(HTTP_HOST=host_of(university_a))
    sign_in(browser, university_a, admin_a)

    page = browser.get("/statutes/?kind=procedure&ordering=-title").content.decode()

    assert page.index("Procedure 5") < page.index("Procedure 0")
    assert 'aria-sort="descending"' in page
    assert "?kind=procedure&amp;ordering=title" in page  # the title header sorts the other way, same filter


def test_the_notifications_page_sorts_filters_and_pages_with_both(full_lists, university_a, admin_a):
    browser = Client(HTTP_HOST=host_of(university_a))
    sign_in(browser, university_a, admin_a)
    with schema_context(university_a.schema_name):
        Notification.objects.filter(title="Reminder 3").update(read_at=timezone.now())
        Notification.objects.bulk_create(Notification(recipient=admin_a, title=f"Later {number:02}")
                                         for number in range(60))

    page = browser.get("/notifications/?unread=1&ordering=title").content.decode()

    assert page.index("Later 00") < page.index("Later 49")
    assert "Later 50" not in page and "Reminder" not in page  # 50 on a page, by title
    assert "?unread=1&amp;ordering=title&amp;page=2" in page
    second = browser.get("/notifications/?unread=1&ordering=title&page=2").content.decode()
    assert second.index("Later 59") < second.index("Reminder 0") < second.index("Reminder 5")
    assert "Reminder 3" not in second  # read, and only the unread ones are asked for


# Each list's default order, with the filter every reader's list has, and the index meant to serve it.
DEFAULT_ORDERS = [
    (AgreementRequest, {}, "request_newest_idx"),
    (Agreement, {}, "agreement_newest_idx"),
    (AuditEntry, {}, "audit_newest_idx"),
    (Notification, {"recipient_id": 1}, "notification_newest_idx"),
]


@pytest.mark.parametrize(("model", "filters", "index"), DEFAULT_ORDERS)
def test_a_lists_default_order_is_read_from_an_index(university_a, model, filters, index):
    ordering = {AgreementRequest: REQUEST_ORDERING, Agreement: AGREEMENT_ORDERING, AuditEntry: AUDIT_ORDERING,
                Notification: NOTIFICATION_ORDERING}[model]
    with schema_context(university_a.schema_name), connection.cursor() as cursor:
        # Whatever the table's size and statistics: with scans and sorts priced out, a plan without a sort is
        # one that reads the rows in order from an index.
        cursor.execute("SET enable_seqscan = off; SET enable_sort = off; SET enable_incremental_sort = off")
        try:
            plan = ordering.apply(model.objects.filter(**filters), "")[:50].explain()
        finally:
            cursor.execute("RESET enable_seqscan; RESET enable_sort; RESET enable_incremental_sort")

    assert index in plan, plan
    assert "Sort" not in plan, plan
