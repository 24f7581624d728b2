"""Every audit action has words people read, in their language."""

import re
from pathlib import Path

from django.utils import translation
from django_tenants.utils import schema_context

from core.accounts.services import user_set_language
from core.audit.actions import ACTION_LABELS

ROOT = Path(__file__).resolve().parents[3]
ACTION_CODE = re.compile(r'action="([a-z_]+\.[a-z_]+)"')


def test_every_action_the_services_record_has_a_label():
    packages = ("core", "console", "tenants", "i18n", "kopru")
    sources = [path for package in packages for path in (ROOT / package).rglob("*.py")]
    recorded = {code for path in sources for code in ACTION_CODE.findall(path.read_text(encoding="utf-8"))}
    recorded |= {"user.deactivated", "user.activated", "university.suspended", "university.reactivated"}

    assert recorded - set(ACTION_LABELS) == set()


def test_the_audit_page_shows_the_label_in_the_readers_language(client_a, university_a, admin_a):
    with schema_context(university_a.schema_name):
        user_set_language(user=admin_a, language="tr")
    client_a.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"})

    page = client_a.get("/office/audit/").content.decode()

    with translation.override("tr"):
        assert str(ACTION_LABELS["user.language_changed"]) in page
    assert "user.language_changed</td>" not in page
