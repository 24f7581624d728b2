"""The error codes of agreements, their documents, workflow, requests and reminders: stable for clients, listed once."""

from kopru.errors import ErrorCode


class AgreementError(ErrorCode):
    AGREEMENT_IN_USE = "agreement_in_use"
    AGREEMENT_NOT_IN_FORCE = "agreement_not_in_force"
    ANSWER_REQUIRED = "answer_required"
    COMMENT_REQUIRED = "comment_required"
    INVALID_DOCUMENT_KIND = "invalid_document_kind"
    INVALID_ROLE = "invalid_role"
    INVALID_SIGNATURE_DATE = "invalid_signature_date"
    INVALID_TARGET_STEP = "invalid_target_step"
    MISSING_DOCUMENTS = "missing_documents"
    MISSING_SHEET = "missing_sheet"
    NO_WORKFLOW = "no_workflow"
    NOT_A_DRAFT = "not_a_draft"
    NOT_CURRENT_STEP = "not_current_step"
    NOT_IN_APPROVAL = "not_in_approval"
    NOT_IN_WORKFLOW = "not_in_workflow"
    NOT_SKIPPABLE = "not_skippable"
    REASON_REQUIRED = "reason_required"
    RECOGNITION_MISSING = "recognition_missing"
    STEP_HAS_HISTORY = "step_has_history"
    STEP_IN_USE = "step_in_use"
    UNKNOWN_STEP = "unknown_step"
    WRONG_ROLE = "wrong_role"
    WRONG_STATUS = "wrong_status"
