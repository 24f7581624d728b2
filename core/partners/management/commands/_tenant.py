"""What the partner commands share: a --schema option and the university's schema to run in."""

from django.core.management.base import CommandError
from django_tenants.utils import get_tenant_model


def add_schema_argument(parser) -> None:
    parser.add_argument("--schema", required=True, help="The university's schema (its slug), e.g. kastamonu.")


def university_for(schema_name: str):
    university = get_tenant_model().objects.filter(schema_name=schema_name).exclude(schema_name="public").first()
    if university is None:
        raise CommandError(f"No university has the schema {schema_name!r}.")
    return university
