import django.db.models.deletion
from django.db import migrations, models


def published_copies_over(apps, schema_editor):
    """The copies the engine marked as a revision's published ones become the statutes app's rows."""
    GeneratedDocument = apps.get_model("documents", "GeneratedDocument")
    PublishedDocument = apps.get_model("statutes", "PublishedDocument")
    PublishedDocument.objects.bulk_create(
        PublishedDocument(revision_id=document.published_revision_id, document_id=document.pk)
        for document in GeneratedDocument.objects.filter(published_revision__isnull=False)
        .only("pk", "published_revision_id")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0003_published_revision'),
        ('statutes', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='PublishedDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('document', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='publication', to='documents.generateddocument', verbose_name='document')),
                ('revision', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='published_documents', to='statutes.revision', verbose_name='revision')),
            ],
            options={
                'verbose_name': 'published document',
                'verbose_name_plural': 'published documents',
            },
        ),
        migrations.RunPython(published_copies_over, migrations.RunPython.noop),
    ]
