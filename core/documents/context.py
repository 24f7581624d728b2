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
    """The frame of a document of the university in use."""
    return frame(language, university_name=university_name(language), city=current_university().city,
                 subject=subject, number=number, reference=reference, signatory_name=signatory_name)


def sample_frame(language: str, *, subject: str) -> dict:
    """The frame of a template's sample document: numbered and signed as a real letter is."""
    return document_frame(language, subject=subject, number="KOPRU-2026-1",
                          signatory_name=TEXTS[language]["sample_person"])


def university_name(language: str) -> str:
    """The name of the university in use as a document in `language` writes it."""
    with override(language):
        return str(current_university().name)


def frame(language: str, *, university_name: str, city: str = "", subject: str, number: str = "",
          reference: str = "", signatory_name: str = "") -> dict:
    """The frame from plain values, for when no university's schema is at hand (benchmarks)."""
    return {
        "university": {"name": university_name, "city": city},
        "document": {
            "number": number, "date": format_date(timezone.localdate()), "subject": subject,
            "reference": reference,
        },
        "signatory": {"name": signatory_name, "title": TEXTS[language]["office"]},
    }
