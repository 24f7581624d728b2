"""The demo universities' own documents: every translation kept, put in force with their revisions, once."""

from datetime import date

import pytest
from django_tenants.utils import tenant_context

from core.audit.models import AuditEntry
from core.statutes.models import Clause, Revision, Statute
from demo.statutes import (
    DEMO_DOCUMENTS,
    SEEDS,
    DemoDocument,
    demo_document_ensure,
    demo_statutes_ensure,
    matching_texts,
    seed_texts,
)


@pytest.mark.parametrize("document", [each for documents in DEMO_DOCUMENTS.values() for each in documents],
                         ids=lambda document: document.seed)
def test_every_translation_of_a_demo_document_matches_its_original(document):
    texts = seed_texts(document)

    assert matching_texts(texts) == texts


def test_osh_gets_its_kyrgyz_statute_in_force_with_its_translations_once(demo_mode, university_b, admin_b):
    with tenant_context(university_b):
        # when
        assert demo_statutes_ensure(university=university_b, acting_user=admin_b) == 1

        # then
        statute = Statute.objects.get()
        assert statute.kind == "statute"
        assert statute.title_ky == "Ош мамлекеттик университетинин эл аралык байланыштар бөлүмүнүн жобосу"
        assert statute.approved_by_name == "К.Г. Кожобеков"
        # Each version names the rector in its own language.
        assert statute.approved_by_title_ky.startswith("Ош мамлекеттик университетинин ректору")
        assert statute.approved_by_title_ru.startswith("Ректор Ошского государственного университета")
        assert [row.name for row in statute.agreed_by.all()] == ["К.Ш. Аттокуров", "Ж. А. Айдарбекова"]
        revision = statute.revisions.get()
        assert (revision.status, revision.in_force_from) == (Revision.Status.IN_FORCE, date(2023, 9, 1))
        first = revision.clauses.get(number="I.")
        languages = [code for code in ("ky", "ru", "en", "tr") if (SEEDS / f"seed_004.{code}.txt").exists()]
        assert all(getattr(first, f"text_{code}") for code in languages)
        counts = (Statute.objects.count(), Revision.objects.count(), Clause.objects.count(), AuditEntry.objects.count())

        # a second run creates nothing
        assert demo_statutes_ensure(university=university_b, acting_user=admin_b) == 0
        assert counts == (Statute.objects.count(), Revision.objects.count(), Clause.objects.count(),
                          AuditEntry.objects.count())


def test_seed_000_replays_its_revision_table_through_the_statute_services(demo_mode, university_a, admin_a):
    with tenant_context(university_a):
        assert demo_document_ensure(DemoDocument("000", "tr", Statute.Kind.JOB_DESCRIPTION), acting_user=admin_a)

        statute = Statute.objects.get()
        revisions = list(statute.revisions.order_by("number"))
        assert [each.number for each in revisions] == [0, 1, 2, 3, 4, 5, 6]
        assert [each.status for each in revisions] == [Revision.Status.SUPERSEDED] * 6 + [Revision.Status.IN_FORCE]
        assert revisions[6].in_force_from == date(2024, 7, 8)
        assert revisions[1].description_tr == "Üniversite logosu güncellenmiştir."
        assert revisions[5].in_force_until == date(2024, 7, 7)
        assert statute.position_tr == "Uluslararası İşbirlikleri Sorumlusu"
        assert revisions[6].clauses.count() == 32
        assert revisions[6].clauses.filter(number="7.16.").count() == 2
        assert not demo_document_ensure(DemoDocument("000", "tr", Statute.Kind.JOB_DESCRIPTION), acting_user=admin_a)


def test_demo_statutes_are_refused_outside_demo_mode(university_a, admin_a):
    with tenant_context(university_a), pytest.raises(RuntimeError):
        demo_statutes_ensure(university=university_a, acting_user=admin_a)
