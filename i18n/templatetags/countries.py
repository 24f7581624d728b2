from django import template
from django.utils.translation import get_language

from i18n.countries import country_name as _country_name

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """{{ university.country|country_name }}: the country's name in the reader's language."""
    return _country_name(code, get_language())
