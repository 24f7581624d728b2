"""The error codes of statutes, their revisions and imports: stable for clients, listed once."""

from kopru.errors import ErrorCode


class StatuteError(ErrorCode):
    DATE_TOO_EARLY = "date_too_early"
    DESCRIPTION_REQUIRED = "description_required"
    EMPTY_REVISION = "empty_revision"
    FILE_ENCODING = "file_encoding"
    FILE_TOO_LARGE = "file_too_large"
    INVALID_KIND = "invalid_kind"
    INVALID_LANGUAGE = "invalid_language"
    INVALID_PARENT = "invalid_parent"
    INVALID_ROLE = "invalid_role"
    INVALID_ROWS = "invalid_rows"
    NOT_A_DRAFT = "not_a_draft"
    NOT_LINKABLE = "not_linkable"
    NOTHING_IN_FORCE = "nothing_in_force"
    PREVIEW_INVALID = "preview_invalid"
    REASON_REQUIRED = "reason_required"
    REVISION_OPEN = "revision_open"
    ROWS_REQUIRED = "rows_required"
    STRUCTURE_MISMATCH = "structure_mismatch"
    TEXT_REQUIRED = "text_required"
    TITLE_REQUIRED = "title_required"
    WRONG_STATUS = "wrong_status"
