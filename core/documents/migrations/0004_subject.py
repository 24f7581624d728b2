import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """A generated document and a job name what they are about generically (subject_type, subject_id)."""

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('documents', '0003_published_revision'),
    ]

    operations = [
        migrations.AddField(
            model_name='documentjob',
            name='subject_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='subject id'),
        ),
        migrations.AddField(
            model_name='documentjob',
            name='subject_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='subject type'),
        ),
        migrations.AddField(
            model_name='generateddocument',
            name='subject_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='subject id'),
        ),
        migrations.AddField(
            model_name='generateddocument',
            name='subject_type',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='subject type'),
        ),
    ]
