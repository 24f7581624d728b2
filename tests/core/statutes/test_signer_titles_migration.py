"""statutes 0004 makes the signers' titles translated: a title typed before lands in the default language."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_tenants.utils import schema_context

BEFORE = [("statutes", "0003_revision_decision")]
AFTER = [("statutes", "0004_signer_titles_translated")]


def migrate(targets):
    """The schema at `targets`, and the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_titles_typed_before_are_kept_in_the_default_language(university_b):
    with schema_context(university_b.schema_name):
        # given
        old = migrate(BEFORE)
        statute = old.get_model("statutes", "Statute").objects.create(
            kind="statute", title="Жобо", approved_by_name="К.Г. Кожобеков", approved_by_title="Ректор")
        old.get_model("statutes", "AgreedBy").objects.create(statute=statute, name="К.Ш. Аттокуров",
                                                             title="Проректор")
        old.get_model("statutes", "AgreedBy").objects.create(statute=statute, name="Укук иштер бөлүмү")
        with connection.cursor() as cursor:  # the rows' deferred checks run before the tables change
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

        # when
        new = migrate(AFTER)

        # then
        migrated = new.get_model("statutes", "Statute").objects.get(pk=statute.pk)
        assert (migrated.approved_by_title_en, migrated.approved_by_title_ky) == ("Ректор", None)
        assert migrated.prepared_by_title_en is None
        rows = new.get_model("statutes", "AgreedBy").objects.filter(statute_id=statute.pk).order_by("name")
        assert [(row.name, row.title_en) for row in rows] == [("К.Ш. Аттокуров", "Проректор"),
                                                             ("Укук иштер бөлүмү", None)]
