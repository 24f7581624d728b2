from django.conf import settings
from django.db import transaction

from core.accounts.models import User
from core.audit.services import audit_record


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    if language not in settings.LANGUAGE_CODES:
        raise ValueError(language)
    user.language = language
    user.save(update_fields=["language"])
    audit_record(actor=user, action="user.language_changed", target=user, details={"language": language})
    return user
