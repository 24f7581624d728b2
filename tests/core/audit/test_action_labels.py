"""Every audit action has words people read, in their language."""

import pytest
from django.utils import translation
from django_tenants.utils import schema_context

from core.accounts.services import user_set_language
from core.audit.actions import AuditAction
from core.audit.services import audit_record


def test_every_action_has_a_label_in_every_language():
    with translation.override("en"):
        english = {action: str(action.label) for action in AuditAction}
    for language in ("tr", "ky", "ru"):
        with translation.override(language):
            untranslated = [action for action in AuditAction if str(action.label) == english[action]]
        assert untranslated == [], language


def test_an_action_outside_the_enum_is_refused(university_a):
    with schema_context(university_a.schema_name), pytest.raises(TypeError):
        audit_record(actor=None, action="partner.created")


def test_the_audit_page_shows_the_label_in_the_readers_language(client_a, university_a, admin_a):
    with schema_context(university_a.schema_name):
        user_set_language(user=admin_a, language="tr")
    client_a.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"})

    page = client_a.get("/office/audit/").content.decode()

    with translation.override("tr"):
        assert str(AuditAction.USER_LANGUAGE_CHANGED.label) in page
    assert "user.language_changed</td>" not in page
