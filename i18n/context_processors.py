from i18n.middleware import enabled_languages


def languages(request):
    """The languages the switcher offers on this host."""
    return {"offered_languages": enabled_languages(request)}
