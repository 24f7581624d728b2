"""Statute filters: the clauses the view found for a workflow step, and a clause's depth as indentation.

`{{ mandated|clauses_of:step }}` picks one step's clauses from the view's `mandated`
(core/agreements/workflow/mandates.py); the filters only format, they read nothing.
"""

from django import template

register = template.Library()


@register.filter
def clauses_of(mandated: dict, step) -> list:
    return mandated.get(step.pk, [])


@register.filter
def indent(node) -> str:
    return "\u2003" * node.depth

