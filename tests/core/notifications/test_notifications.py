"""Notifications: each person's own, in their language, on the page, in the nav and in the API."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from django_tenants.utils import tenant_context

from core.notifications.models import Notification
from core.notifications.services import Message, notify
from core.notifications.tasks import send_notification_email
from core.office.models import Role
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api, in_english, sign_in, token_for


def saved_message() -> Message:
    """A message whose words the catalogues already translate, to see whose language it was written in."""
    return Message(title=gettext("Saved."), text=gettext("Audit log"))


@pytest.fixture
def mehmet(university_a):
    return make_office_user(university_a, username="mehmet", role=Role.COORDINATOR, email="mehmet@kastamonu.example")


def send(university, recipients, *, count: int = 1, link: str = "/office/") -> list[Notification]:
    with tenant_context(university):
        return [notification for _ in range(count)
                for notification in notify(recipients=recipients, compose=saved_message, link=link)]


def test_the_text_is_stored_in_each_recipients_language(university_a, admin_a, mehmet):
    from core.accounts.models import User

    with tenant_context(university_a):
        User.objects.filter(pk=admin_a.pk).update(language="en")
        admin_a.refresh_from_db()
    english, turkish = send(university_a, [admin_a, mehmet, admin_a])  # a person listed twice is told once

    assert english.title == "Saved."
    with translation.override("tr"):
        assert turkish.title == gettext("Saved.") != "Saved."
        assert turkish.text == gettext("Audit log")


def test_the_email_copy_goes_once(university_a, mehmet, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        (notification,) = send(university_a, [mehmet])
    assert len(queued) == 1  # queued after commit, not before

    with tenant_context(university_a):
        send_notification_email(notification.pk)
        send_notification_email(notification.pk)  # a retry after success sends nothing more

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mehmet@kastamonu.example"]
    assert "http" in mail.outbox[0].body and "kastamonu.localhost/office/" in mail.outbox[0].body


def test_nobody_without_an_address_is_mailed(university_a, django_capture_on_commit_callbacks):
    silent = make_office_user(university_a, username="sessiz", role=Role.VIEWER)

    with django_capture_on_commit_callbacks() as queued:
        send(university_a, [silent])

    assert queued == []


def test_the_page_lists_ones_own_and_marks_them_read(client_a, university_a, admin_a, mehmet):
    mine = send(university_a, [admin_a], count=2)
    send(university_a, [mehmet], count=3)
    sign_in(in_english(client_a), university_a, admin_a)

    page = client_a.get("/notifications/").content.decode()
    assert page.count('class="card unread"') == 2
    assert '<span class="visually-hidden">2 unread</span>' in page  # the badge in the navigation

    opened = client_a.post(f"/notifications/{mine[0].pk}/read/", {"open": "1"})
    assert opened.status_code == 302 and opened.url == "/office/"
    assert '<span class="visually-hidden">1 unread</span>' in client_a.get("/notifications/").content.decode()

    client_a.post("/notifications/read-all/")
    page = client_a.get("/notifications/").content.decode()
    assert ' unread"' not in page  # neither a card (class="card unread") nor the badge (aria-label="1 unread")
    with tenant_context(university_a):
        assert Notification.objects.filter(recipient=mehmet, read_at__isnull=True).count() == 3


def test_someone_elses_notification_is_not_found(client_a, university_a, university_b, admin_a, mehmet):
    (theirs,) = send(university_a, [mehmet])
    aibek = make_office_user(university_b, username="aibek")
    osh = send(university_b, [aibek], count=4)[-1]
    sign_in(client_a, university_a, admin_a)

    assert client_a.post(f"/notifications/{theirs.pk}/read/").status_code == 404
    assert client_a.post(f"/notifications/{osh.pk}/read/").status_code == 404
    with tenant_context(university_a):
        assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_the_page_needs_sign_in(client_a):
    assert client_a.get("/notifications/").status_code == 302


def test_api_lists_ones_own_in_constant_queries(university_a, admin_a, mehmet):
    send(university_a, [admin_a], count=3)
    send(university_a, [mehmet], count=2)
    client = api(university_a, admin_a)
    client.get("/api/notifications/")  # the host and the token are cached from then on

    with CaptureQueriesContext(connection) as few:
        everything = client.get("/api/notifications/").json()
    send(university_a, [admin_a], count=20)
    with CaptureQueriesContext(connection) as many:
        client.get("/api/notifications/")

    assert len(few) == len(many) <= 8
    assert everything["count"] == 3
    assert set(everything["results"][0]) == {"id", "title", "text", "link", "created_at", "read_at"}


def test_api_marks_read_one_or_all(university_a, admin_a, mehmet):
    first, *_rest = send(university_a, [admin_a], count=3)
    (theirs,) = send(university_a, [mehmet])
    client = api(university_a, admin_a)

    marked = client.post(f"/api/notifications/{first.pk}/read/")
    assert marked.status_code == 200 and marked.json()["read_at"] is not None
    assert client.get("/api/notifications/?unread=true").json()["count"] == 2
    assert client.post("/api/notifications/read-all/").json() == {"marked": 2}
    assert client.get("/api/notifications/?unread=1").json()["count"] == 0
    # someone else's: 404, and it stays unread
    assert client.post(f"/api/notifications/{theirs.pk}/read/").status_code == 404
    assert client.post("/api/notifications/abc/read/").status_code == 404
    with tenant_context(university_a):
        assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_api_refuses_another_universitys_token_and_session(client_a, university_a, university_b, admin_a):
    token = token_for(university_a, admin_a)
    osh = Client(HTTP_HOST=host_of(university_b), HTTP_AUTHORIZATION=f"Token {token}")
    sign_in(client_a, university_a, admin_a)

    assert osh.get("/api/notifications/").status_code == 401
    assert osh.post("/api/notifications/read-all/").status_code == 401
    assert client_a.get("/api/notifications/").status_code == 200
    assert client_a.get("/api/notifications/", HTTP_HOST=host_of(university_b)).status_code in (401, 403)
