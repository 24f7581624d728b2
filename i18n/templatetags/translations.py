from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def out_of_date(record, field: str) -> bool:
    """{% if agreement|out_of_date:"title" %}: the reader's language of a translated text fell behind another
    language's change (kopru.translated.TracksTranslations)."""
    return get_language() in getattr(record, "outdated_translations", {}).get(field, ())
