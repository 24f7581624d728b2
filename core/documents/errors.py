"""The error codes of documents and the office's templates: stable for clients, listed once."""

from kopru.errors import ErrorCode


class DocumentError(ErrorCode):
    FORMAT_NOT_MADE = "format_not_made"
    LANGUAGE_UNAVAILABLE = "language_unavailable"
    NOT_DOCX = "not_docx"
    TEMPLATE_ERROR = "template_error"
    TEMPLATE_NOT_ALLOWED = "template_not_allowed"
    TEMPLATE_TOO_MANY_ITERATIONS = "template_too_many_iterations"
    TEMPLATE_TOO_MUCH_TEXT = "template_too_much_text"
    TEMPLATE_TOO_SLOW = "template_too_slow"
    UNKNOWN_FORMAT = "unknown_format"
    UNKNOWN_KIND = "unknown_kind"
