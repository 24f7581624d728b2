from django.db import migrations, models


def addressee_from_code(apps, schema_editor):
    """Existing steps keep the addressee their letters had: read, as before, from the step's code."""
    WorkflowStep = apps.get_model("agreements", "WorkflowStep")
    WorkflowStep.objects.filter(code__contains="senate").update(letter_addressee="senate")
    (WorkflowStep.objects.exclude(code__contains="senate")
     .filter(models.Q(code__contains="partner") | models.Q(code__contains="countersign"))
     .update(letter_addressee="partner"))


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0003_reminderlog'),
    ]

    operations = [
        migrations.AddField(
            model_name='workflowstep',
            name='letter_addressee',
            field=models.CharField(choices=[('senate', 'The Senate'), ('partner', 'The partner'), ('generic', 'Whom it may concern')], default='generic', max_length=8, verbose_name='cover letter goes to'),
        ),
        migrations.RunPython(addressee_from_code, migrations.RunPython.noop),
    ]
