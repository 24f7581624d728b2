"""The error codes of sign-in, tokens and the second factor: stable for clients, listed once."""

from kopru.errors import ErrorCode


class AccountError(ErrorCode):
    INVALID_CREDENTIALS = "invalid_credentials"
    OTP_INVALID = "otp_invalid"
    OTP_REQUIRED = "otp_required"
    SIGN_IN_THROTTLED = "sign_in_throttled"
    TOKEN_LIMIT = "token_limit"  # noqa: S105 (a code, not a secret)
    TWO_FACTOR_REQUIRED = "two_factor_required"
    TWO_FACTOR_RESET_SELF = "two_factor_reset_self"
    TWO_FACTOR_SETUP_REQUIRED = "two_factor_setup_required"
