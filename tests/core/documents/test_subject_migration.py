"""The migrations that took the engine's links to partners, agreements and statutes away carry existing rows over.

documents 0004–0006 name each document's subject generically, statutes 0002 keeps the published
copies of revisions, agreements 0004 writes down whom each step's cover letter goes to.
"""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_tenants.utils import schema_context

BEFORE = [("documents", "0003_published_revision"), ("statutes", "0001_initial"),
          ("agreements", "0003_reminderlog"), ("partners", "0001_initial")]
AFTER = [("documents", "0006_remove_links"), ("statutes", "0002_publisheddocument"),
         ("agreements", "0004_workflowstep_letter_addressee"), ("partners", "0002_letter_addressee")]


def migrate(targets):
    """The schema at `targets`, and the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_documents_jobs_published_copies_and_addressees_come_through(university_a):
    with schema_context(university_a.schema_name):
        # given: rows as the engine linked them before
        old = migrate(BEFORE)
        partner = old.get_model("partners", "Partner").objects.create(name="TUM", country="DE")
        agreement = old.get_model("agreements", "Agreement").objects.create(kind="bilateral", title="Protocol")
        statute = old.get_model("statutes", "Statute").objects.create(kind="statute", title="Directive")
        revision = old.get_model("statutes", "Revision").objects.create(statute=statute, number=0)
        documents = old.get_model("documents", "GeneratedDocument").objects
        about = {
            "partner": documents.create(kind="info_note", language="en", partner=partner, version=1, pdf="a.pdf"),
            "agreement": documents.create(kind="cover_letter", language="en", agreement=agreement, version=1,
                                          pdf="b.pdf", number="KOPRU-2026-1"),
            "statute": documents.create(kind="statute", language="en", statute=statute, version=1, pdf="c.pdf"),
            "published": documents.create(kind="statute", language="tr", statute=statute, version=1, pdf="d.pdf",
                                          published_revision=revision),
            "nothing": documents.create(kind="invitation_letter", language="en", version=1, pdf="e.pdf"),
        }
        job = old.get_model("documents", "DocumentJob").objects.create(kind="statute", language="en",
                                                                        file_format="pdf", revision=revision)
        workflow = old.get_model("agreements", "Workflow").objects.create(name="Approval")
        steps = old.get_model("agreements", "WorkflowStep").objects
        for position, code in enumerate(("senate_submission", "partner_countersignature", "vice_rector"), 1):
            steps.create(workflow=workflow, position=position, code=code, name=code, role="officer", sends_letter=True)
        with connection.cursor() as cursor:  # the rows' deferred checks run before the tables change
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

        # when
        new = migrate(AFTER)

        # then
        kinds = new.get_model("contenttypes", "ContentType").objects
        subjects = {
            name: (kinds.get(pk=row.subject_type_id).model if row.subject_type_id else None, row.subject_id)
            for name, row in ((name, new.get_model("documents", "GeneratedDocument").objects.get(pk=document.pk))
                              for name, document in about.items())
        }
        job = new.get_model("documents", "DocumentJob").objects.get(pk=job.pk)
        job_subject = (kinds.get(pk=job.subject_type_id).model, job.subject_id)
        published = new.get_model("statutes", "PublishedDocument").objects.get()
        addressees = dict(new.get_model("agreements", "WorkflowStep").objects.values_list("code", "letter_addressee"))

    assert subjects == {"partner": ("partner", partner.pk), "agreement": ("agreement", agreement.pk),
                        "statute": ("statute", statute.pk), "published": ("statute", statute.pk),
                        "nothing": (None, None)}
    assert job_subject == ("revision", revision.pk)
    assert (published.revision_id, published.document_id) == (revision.pk, about["published"].pk)
    assert addressees == {"senate_submission": "senate", "partner_countersignature": "partner",
                          "vice_rector": "generic"}
