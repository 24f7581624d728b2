"""What the language switcher tells the apps above it."""

from django.dispatch import Signal

# Sent with `user` and `language` when a signed-in person picks a language: accounts keeps it on the
# user (core/accounts/receivers.py), as i18n sits below accounts and may not call it.
language_chosen = Signal()
