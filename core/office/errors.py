"""The error codes of the office: people, invitations, units and settings: stable for clients, listed once."""

from kopru.errors import ErrorCode


class OfficeError(ErrorCode):
    ALREADY_MEMBER = "already_member"
    INVALID_ROLE = "invalid_role"
    INVITATION_EXPIRED = "invitation_expired"
    INVITATION_UNKNOWN = "invitation_unknown"
    INVITATION_USED = "invitation_used"
    LAST_ADMIN = "last_admin"
    UNIT_CYCLE = "unit_cycle"
    UNIT_IN_USE = "unit_in_use"
    UNIT_REQUIRED = "unit_required"
    USERNAME_TAKEN = "username_taken"
