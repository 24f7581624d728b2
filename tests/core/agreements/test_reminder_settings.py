"""Office admins choose when reminders go out; bad numbers are refused with a clear message."""

import pytest
from django.test import Client
from django_tenants.utils import tenant_context

from core.agreements.reminders.services import reminder_settings_update
from core.audit.models import AuditEntry
from core.office.models import OfficeSettings, Role
from core.office.selectors import office_settings_get
from kopru.errors import ServiceError
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import api, in_english, sign_in, token_for


def test_the_defaults_hold_until_an_admin_saves(university_a, admin_a):
    with tenant_context(university_a):
        assert office_settings_get().expiry_reminder_days == [180, 90, 30]
        assert office_settings_get().step_reminder_days == 14
        assert not OfficeSettings.objects.exists()  # reading writes nothing

        reminder_settings_update(expiry_reminder_days=[30, 365, 30, 60], step_reminder_days=10, acting_user=admin_a)

        saved = OfficeSettings.objects.get()
        assert (saved.expiry_reminder_days, saved.step_reminder_days) == ([365, 60, 30], 10)
        assert AuditEntry.objects.get().action == "office.reminder_settings_changed"


@pytest.mark.parametrize(("expiry", "step", "field"), [
    ([0], 14, "expiry_reminder_days"),
    ([-30], 14, "expiry_reminder_days"),
    ([400, 300, 200, 100, 50, 10], 14, "expiry_reminder_days"),
    ([4000], 14, "expiry_reminder_days"),
    ([90], 0, "step_reminder_days"),
    ([90], True, "step_reminder_days"),
])
def test_bad_numbers_are_refused(university_a, admin_a, expiry, step, field):
    with tenant_context(university_a), pytest.raises(ServiceError) as refused:
        reminder_settings_update(expiry_reminder_days=expiry, step_reminder_days=step, acting_user=admin_a)

    assert list(refused.value.fields) == [field]


def test_admins_set_them_in_the_api(university_a, admin_a):
    client = api(university_a, admin_a)

    changed = client.put("/api/reminder-settings/", {"expiry_reminder_days": [120, 45], "step_reminder_days": 7},
                         content_type="application/json")

    assert changed.status_code == 200
    assert client.get("/api/reminder-settings/").json() == {"expiry_reminder_days": [120, 45],
                                                            "step_reminder_days": 7}


def test_bad_input_in_the_api_says_why_and_changes_nothing(university_a):
    client = api(university_a, make_office_user(university_a, username="ayse", language="en"))

    too_many = client.put("/api/reminder-settings/", {"expiry_reminder_days": [6, 5, 4, 3, 2, 1],
                                                      "step_reminder_days": 7}, content_type="application/json")
    negative = client.put("/api/reminder-settings/", {"expiry_reminder_days": [-1], "step_reminder_days": 7},
                          content_type="application/json")
    not_numbers = client.put("/api/reminder-settings/", {"expiry_reminder_days": "soon", "step_reminder_days": "x"},
                             content_type="application/json")

    assert too_many.status_code == negative.status_code == not_numbers.status_code == 400
    assert too_many.json()["error"]["fields"]["expiry_reminder_days"] == ["Give at most 5 reminders before expiry."]
    assert "expiry_reminder_days" in negative.json()["error"]["fields"]
    assert {"expiry_reminder_days", "step_reminder_days"} <= set(not_numbers.json()["error"]["fields"])
    with tenant_context(university_a):
        assert not OfficeSettings.objects.exists()


def test_only_office_admins_change_them(university_a, university_b, admin_a):
    coordinator = make_office_user(university_a, username="mehmet", role=Role.COORDINATOR)
    body = {"expiry_reminder_days": [10], "step_reminder_days": 7}

    assert api(university_a, coordinator).get("/api/reminder-settings/").status_code == 200
    assert api(university_a, coordinator).put("/api/reminder-settings/", body,
                                              content_type="application/json").status_code == 403
    other_host = Client(HTTP_HOST=host_of(university_b), HTTP_AUTHORIZATION=f"Token {token_for(university_a, admin_a)}")
    assert other_host.put("/api/reminder-settings/", body, content_type="application/json").status_code == 401


def test_the_settings_page(client_a, university_a, admin_a):
    sign_in(in_english(client_a), university_a, admin_a)

    shown = client_a.get("/notifications/reminders/")
    saved = client_a.post("/notifications/reminders/", {"expiry_reminder_days": "90, 30", "step_reminder_days": "5"})
    refused = client_a.post("/notifications/reminders/", {"expiry_reminder_days": "90, soon",
                                                          "step_reminder_days": "5"})
    too_many = client_a.post("/notifications/reminders/", {"expiry_reminder_days": "1,2,3,4,5,6",
                                                           "step_reminder_days": "5"})

    assert 'value="180, 90, 30"' in shown.content.decode()
    assert saved.status_code == 302
    assert refused.status_code == too_many.status_code == 200
    assert "Give whole numbers of days separated by commas" in refused.content.decode()
    assert "Give at most 5 reminders before expiry." in too_many.content.decode()
    with tenant_context(university_a):
        assert office_settings_get().expiry_reminder_days == [90, 30]


def test_the_settings_page_is_for_office_admins(client_a, university_a):
    officer = make_office_user(university_a, username="memur", role=Role.OFFICER)
    sign_in(client_a, university_a, officer)

    assert client_a.get("/notifications/reminders/").status_code == 403
