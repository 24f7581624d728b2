from django.db import migrations, models


class Migration(migrations.Migration):
    """The engine no longer links documents to partners, agreements and statutes by their own fields.

    The published copies of statute revisions are kept by the statutes app (statutes 0002), which
    copies them over before the link goes.
    """

    dependencies = [
        ('documents', '0005_subject_from_links'),
        ('statutes', '0002_publisheddocument'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='generateddocument',
            name='generated_version_unique',
        ),
        migrations.RemoveField(
            model_name='documentjob',
            name='revision',
        ),
        migrations.RemoveField(
            model_name='generateddocument',
            name='agreement',
        ),
        migrations.RemoveField(
            model_name='generateddocument',
            name='partner',
        ),
        migrations.RemoveField(
            model_name='generateddocument',
            name='published_revision',
        ),
        migrations.RemoveField(
            model_name='generateddocument',
            name='statute',
        ),
        migrations.AddIndex(
            model_name='generateddocument',
            index=models.Index(fields=['subject_type', 'subject_id'], name='generated_subject'),
        ),
        migrations.AddConstraint(
            model_name='generateddocument',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('subject_id', None), ('subject_type', None)), models.Q(('subject_id__isnull', False), ('subject_type__isnull', False)), _connector='OR'), name='generated_subject_whole'),
        ),
        migrations.AddConstraint(
            model_name='generateddocument',
            constraint=models.UniqueConstraint(condition=models.Q(('subject_type__isnull', False)), fields=('kind', 'language', 'subject_type', 'subject_id', 'version'), name='generated_version_unique'),
        ),
    ]
