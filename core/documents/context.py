"""What every document's context holds besides its own subject: the university, the date, the signatory."""

from django.db import connection
from django.utils import timezone
from django.utils.translation import override

from core.documents.texts import TEXTS
from tenants.models import University


def current_university() -> University:
    """The university whose schema is in use (a request's tenant, or the one a task or test selected)."""
    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, University):
        return tenant
    return University.objects.get(schema_name=connection.schema_name)


def format_date(value) -> str:
    """Dates as official letters write them in all four languages: 23.11.2026."""
    return value.strftime("%d.%m.%Y") if value else ""


def document_frame(language: str, *, subject: str, number: str = "", reference: str = "",
                   signatory_name: str = "") -> dict:
    university = current_university()
    with override(language):
        university_name = str(university.name)
    return {
        "university": {"name": university_name, "city": university.city},
        "document": {
            "number": number, "date": format_date(timezone.localdate()), "subject": subject,
            "reference": reference,
        },
        "signatory": {"name": signatory_name, "title": TEXTS[language]["office"]},
    }
