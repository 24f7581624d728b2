"""The error codes of partners and their recognition: stable for clients, listed once."""

from kopru.errors import ErrorCode


class PartnerError(ErrorCode):
    PARTNER_IN_USE = "partner_in_use"
