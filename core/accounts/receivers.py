"""Accounts' answers to signals of the apps below it; each hands over to a service."""

from django.dispatch import receiver

from core.accounts.services import user_set_language
from i18n.signals import language_chosen


@receiver(language_chosen, dispatch_uid="accounts.language_chosen")
def keep_chosen_language(sender, *, user, language: str, **kwargs) -> None:
    user_set_language(user=user, language=language)
