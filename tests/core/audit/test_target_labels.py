"""The audit log names each record in its reader's language, whichever language its writer worked in."""

import pytest
from django.core.paginator import Paginator
from django.utils.translation import override
from django_tenants.utils import schema_context

from core.agreements.models import Agreement
from core.audit.actions import AuditAction
from core.audit.models import AuditEntry
from core.audit.selectors import audit_list, audit_rows
from core.audit.services import audit_record
from core.partners.models import Partner
from core.statutes.models import Revision, Statute
from tests.conftest import make_office_user
from tests.core.accounts.helpers import api, sign_in
from tests.core.agreements.agreement_world import kastamonu_world, make

KYRGYZ_TITLE = "Кызматташуу келишими"
RUSSIAN_TITLE = "Соглашение о сотрудничестве"


def shown(ordering: str = "") -> list[str]:
    return [row["target_label"] for row in audit_rows(Paginator(audit_list(ordering=ordering), 50).page(1))]


def test_an_entry_names_its_record_in_each_language(university_a, admin_a, world):
    # given an officer working in Turkish creates an agreement named in Turkish and Russian
    with override("tr"):
        agreement = make(university_a, world, admin_a, titles={"tr": "İşbirliği protokolü", "ru": RUSSIAN_TITLE})

    with schema_context(university_a.schema_name):
        entry = AuditEntry.objects.get(action="agreement.created", target_id=str(agreement.pk))
        # then the entry keeps the writer's name for it and the name in every language
        assert entry.target_label == "İşbirliği protokolü"
        assert entry.target_labels["tr"] == "İşbirliği protokolü"
        assert entry.target_labels["ru"] == RUSSIAN_TITLE
        # and each reader sees the name in their own language
        with override("ru"):
            assert shown() == [RUSSIAN_TITLE]
        with override("tr"):
            assert shown() == ["İşbirliği protokolü"]


def test_the_record_column_sorts_by_the_name_the_reader_sees(university_a, admin_a, world):
    make(university_a, world, admin_a, titles={"tr": "Alfa protokolü", "ru": "Яблоко"})
    make(university_a, world, admin_a, titles={"tr": "Zeta protokolü", "ru": "Апельсин"})

    with schema_context(university_a.schema_name):
        created = AuditEntry.objects.filter(action="agreement.created")
        AuditEntry.objects.exclude(pk__in=created).delete()
        with override("tr"):
            assert shown("target_label") == ["Alfa protokolü", "Zeta protokolü"]
        with override("ru"):
            assert shown("target_label") == ["Апельсин", "Яблоко"]
            assert shown("-target_label") == ["Яблоко", "Апельсин"]


def test_a_record_named_alike_in_every_language_keeps_one_name(university_a, admin_a):
    with schema_context(university_a.schema_name):
        entry = audit_record(actor=admin_a, action=AuditAction.USER_PASSWORD_CHANGED, target=admin_a)

    assert entry.target_label == "ayse"
    assert entry.target_labels == {}


def _agreement(world):
    return Agreement.objects.get()


def _partner(world):
    return Partner.objects.get(pk=world.osh.pk)


def _statute(world):
    return Statute.objects.create(kind="procedure", title_tr="Yönerge", title_ru="Положение")


@pytest.mark.parametrize("fetch", [_agreement, _partner, _statute])
def test_naming_a_record_in_every_language_adds_no_query(university_a, admin_a, world, django_assert_num_queries,
                                                         fetch):
    make(university_a, world, admin_a, titles={"tr": "Protokol", "ru": "Протокол"})
    with schema_context(university_a.schema_name):
        target = fetch(world)

        with django_assert_num_queries(1):  # the entry's INSERT
            entry = audit_record(actor=admin_a, action=AuditAction.AGREEMENT_UPDATED, target=target)

    assert entry.target_labels["tr"] != entry.target_labels["ru"]


def test_a_revision_reads_its_statute_once_for_all_languages(university_a, admin_a, django_assert_num_queries):
    with schema_context(university_a.schema_name):
        statute = Statute.objects.create(kind="procedure", title_tr="Yönerge", title_ru="Положение")
        revision = Revision.objects.get(pk=Revision.objects.create(statute=statute, number=1).pk)

        with django_assert_num_queries(2):  # its statute (the name begins with it), then the INSERT
            entry = audit_record(actor=admin_a, action=AuditAction.AGREEMENT_UPDATED, target=revision)

    assert entry.target_labels["ru"] == "Положение · 01"


@pytest.fixture
def osh_agreement(university_b, admin_b):
    """An agreement Osh's officer, who works in Kyrgyz, entered with its Kyrgyz and Russian names; and an entry
    written before names were kept per language."""
    officer = make_office_user(university_b, username="nurlan", role="officer", language="ky")
    with schema_context(university_b.schema_name):
        AuditEntry.objects.create(actor=officer, actor_label="nurlan", action="agreement.created",
                                  target_type="agreements.agreement", target_id="999", target_label="Эски келишим")
    with override("ky"):
        make(university_b, kastamonu_world(university_b), officer, titles={"ky": KYRGYZ_TITLE, "ru": RUSSIAN_TITLE})


@pytest.mark.parametrize(("language", "title"), [("ru", RUSSIAN_TITLE), ("ky", KYRGYZ_TITLE)])
def test_the_audit_page_names_records_in_the_readers_language(client_b, university_b, osh_agreement, language,
                                                               title):
    reader = make_office_user(university_b, username=f"reader_{language}", language=language)
    sign_in(client_b, university_b, reader)

    response = client_b.get("/office/audit/")

    assert response["Content-Language"] == language
    assert [row["target_label"] for row in response.context["rows"]
            if row["action"] == "agreement.created"] == [title, "Эски келишим"]
    assert title in response.content.decode()


@pytest.mark.parametrize(("language", "title"), [("ru", RUSSIAN_TITLE), ("ky", KYRGYZ_TITLE)])
def test_the_audit_api_names_records_in_the_readers_language(university_b, osh_agreement, language, title):
    reader = make_office_user(university_b, username=f"reader_{language}", language=language)

    rows = api(university_b, reader).get("/api/audit/?action=agreement.created").json()["results"]

    assert [row["target_label"] for row in rows] == [title, "Эски келишим"]
    assert "target_labels" not in rows[0] and "actor_id" not in rows[0]  # the actor is "actor", once
