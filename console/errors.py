"""The error codes of the platform's work on universities (onboarding, deletion, backup), listed once."""

from kopru.errors import ErrorCode


class ConsoleError(ErrorCode):
    DAMAGED_ARCHIVE = "damaged_archive"
    INVALID_ARCHIVE = "invalid_archive"
    KEY_REQUIRED = "key_required"
    KEY_TOO_SHORT = "key_too_short"
    PROVISIONING_FAILED = "provisioning_failed"
    VERSION_MISMATCH = "version_mismatch"
    WRONG_KEY = "wrong_key"
    WRONG_STATUS = "wrong_status"
