"""The HTTP status the web and the API answer for each error code; the domain itself knows none.

A code not listed here is a request the client can correct: 400.
"""

from http import HTTPStatus

from kopru.errors import ServiceError

STATUSES = {
    # Missing, or out of the reader's reach: the two look the same.
    "not_found": HTTPStatus.NOT_FOUND,
    "format_not_made": HTTPStatus.NOT_FOUND,
    "invitation_unknown": HTTPStatus.NOT_FOUND,
    "unknown_kind": HTTPStatus.NOT_FOUND,
    # Not allowed to this person, whatever they send.
    "two_factor_setup_required": HTTPStatus.FORBIDDEN,
    "wrong_role": HTTPStatus.FORBIDDEN,
    # Gone for good.
    "invitation_expired": HTTPStatus.GONE,
    "invitation_used": HTTPStatus.GONE,
    # The record is not in a state that allows it now.
    "agreement_in_use": HTTPStatus.CONFLICT,
    "no_workflow": HTTPStatus.CONFLICT,
    "not_a_draft": HTTPStatus.CONFLICT,
    "not_current_step": HTTPStatus.CONFLICT,
    "not_in_approval": HTTPStatus.CONFLICT,
    "not_in_workflow": HTTPStatus.CONFLICT,
    "not_linkable": HTTPStatus.CONFLICT,
    "nothing_in_force": HTTPStatus.CONFLICT,
    "partner_in_use": HTTPStatus.CONFLICT,
    "revision_open": HTTPStatus.CONFLICT,
    "step_has_history": HTTPStatus.CONFLICT,
    "step_in_use": HTTPStatus.CONFLICT,
    "token_limit": HTTPStatus.CONFLICT,
    "unit_in_use": HTTPStatus.CONFLICT,
    "version_mismatch": HTTPStatus.CONFLICT,
    "wrong_status": HTTPStatus.CONFLICT,
    # Waiting helps: the error says how long.
    "sign_in_throttled": HTTPStatus.TOO_MANY_REQUESTS,
}


def status_of(error: ServiceError) -> int:
    return STATUSES.get(error.code, HTTPStatus.BAD_REQUEST)
