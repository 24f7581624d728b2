"""{% recognition_policy as policy %}: the current university's recognition rule, None where it has none."""

from django import template

from core.partners import recognition

register = template.Library()


@register.simple_tag
def recognition_policy():
    return recognition.recognition_policy()
