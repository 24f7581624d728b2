"""Whether a person must sign in with a second factor: accounts asks, the office decides.

The rule reads roles and the office's settings, which sit above accounts, so
settings.KOPRU_TWO_FACTOR_REQUIRED names it (a callable: user -> bool) instead of an import.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def two_factor_required(user) -> bool:
    return import_string(settings.KOPRU_TWO_FACTOR_REQUIRED)(user)
