"""Load the ISCED-F 2013 fields of education, named in the four languages, into each university's schema."""

from django.db import migrations

from core.agreements.migrations._isced_f_2013_0002 import FIELDS, LANGUAGES


def load_fields(apps, schema_editor):
    IscedField = apps.get_model("agreements", "IscedField")
    for code, *names in FIELDS:
        translated = {f"name_{language}": name for language, name in zip(LANGUAGES, names, strict=True)}
        IscedField.objects.update_or_create(code=code, defaults={"name": translated["name_en"], **translated})


def remove_fields(apps, schema_editor):
    apps.get_model("agreements", "IscedField").objects.filter(code__in=[row[0] for row in FIELDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]

    operations = [migrations.RunPython(load_fields, remove_fields)]
