from django.db import migrations
from django.db.models import F

# The fields that linked a document to its partner, agreement or statute, and the model each names.
LINKS = {"partner": ("partners", "partner"), "agreement": ("agreements", "agreement"),
         "statute": ("statutes", "statute")}


def subject_from_links(apps, schema_editor):
    """Each document's subject is the record its own field named; a job's is the revision it exports."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    GeneratedDocument = apps.get_model("documents", "GeneratedDocument")
    DocumentJob = apps.get_model("documents", "DocumentJob")
    for field, (app_label, model) in LINKS.items():
        linked = GeneratedDocument.objects.filter(**{f"{field}__isnull": False})
        if linked.exists():
            subject_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
            linked.update(subject_type=subject_type, subject_id=F(f"{field}_id"))
    jobs = DocumentJob.objects.filter(revision__isnull=False)
    if jobs.exists():
        revision_type, _created = ContentType.objects.get_or_create(app_label="statutes", model="revision")
        jobs.update(subject_type=revision_type, subject_id=F("revision_id"))


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0004_subject'),
        ('partners', '0001_initial'),
        ('agreements', '0001_initial'),
        ('statutes', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(subject_from_links, migrations.RunPython.noop),
    ]
