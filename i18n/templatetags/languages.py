from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """{{ document.language|language_name }}: "Turkish", "Türkçe"… in the reader's language, never a bare "tr";
    a code Django does not know is shown as it is."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
