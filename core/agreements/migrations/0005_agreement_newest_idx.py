from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0004_workflowstep_letter_addressee"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(fields=["-created_at", "-id"], name="agreement_newest_idx"),
        ),
    ]
