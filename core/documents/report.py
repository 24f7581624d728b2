"""A table report as a document (PDF and DOCX), for whatever the office reports on."""

from core.documents.context import current_university, user_signatory
from core.documents.models import DocumentKind, GeneratedDocument
from core.documents.report_kind import ReportData, report_context
from core.documents.services import check_language, document_generate


def report_generate(*, report: ReportData, acting_user, language: str | None = None) -> GeneratedDocument:
    language = language or current_university().default_language
    check_language(language)
    context = report_context(report, language, signatory=user_signatory(acting_user, language))
    return document_generate(kind=DocumentKind.REPORT, context=context, language=language, acting_user=acting_user)
