"""Reads about accounts: API tokens, as far as the reader may see them."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from core.accounts.models import ApiToken
from kopru.errors import NotFound


def api_tokens(*, user=None) -> QuerySet[ApiToken]:
    """Tokens still valid (expired ones are cleared on use or at the next issue), newest first."""
    now = timezone.now()
    tokens = ApiToken.objects.filter(Q(expiry__isnull=True) | Q(expiry__gt=now)).select_related("user")
    return tokens if user is None else tokens.filter(user=user)


def api_token_get(*, user, token_id) -> ApiToken:
    """One of the user's own valid tokens; another person's and a missing one both answer 404."""
    token = api_tokens(user=user).filter(pk=token_id).first() if str(token_id).isdigit() else None
    if token is None:
        raise NotFound()
    return token
