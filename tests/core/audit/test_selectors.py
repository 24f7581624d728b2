from django_tenants.utils import schema_context

from core.audit.actions import AuditAction
from core.audit.selectors import audit_actions, audit_entries
from core.audit.services import audit_record
from tests.conftest import make_office_user


def test_entries_are_newest_first_and_filter_by_action_and_person(university_a, admin_a):
    officer = make_office_user(university_a, username="memur", role="officer")
    with schema_context(university_a.schema_name):
        audit_record(actor=admin_a, action=AuditAction.UNIT_CREATED)
        audit_record(actor=officer, action=AuditAction.UNIT_UPDATED)
        audit_record(actor=None, action=AuditAction.UNIT_UPDATED)

        assert [e.actor_label for e in audit_entries()] == ["system", "memur", "ayse"]
        assert [e.actor_label for e in audit_entries(action=AuditAction.UNIT_UPDATED)] == ["system", "memur"]
        assert [e.action for e in audit_entries(actor_id=admin_a.pk)] == ["unit.created"]
        assert [code for code, _label in audit_actions()] == ["unit.created", "unit.updated"]


def test_each_university_keeps_its_own_log(university_a, university_b, admin_a):
    with schema_context(university_a.schema_name):
        audit_record(actor=admin_a, action=AuditAction.UNIT_CREATED)
    with schema_context(university_b.schema_name):
        assert not audit_entries().exists()
