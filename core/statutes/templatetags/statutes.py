"""Statute tags: the clauses in force that mandate workflow steps, and a clause's depth as indentation.

`{% mandating_clauses steps as mandated %}` + `{{ mandated|clauses_of:step }}` answer a whole
list of steps in one query; `{% step_clauses step as clauses %}` answers one step.
"""

from django import template

from core.statutes.selectors import clauses_by_step, clauses_for_step

register = template.Library()


@register.simple_tag
def mandating_clauses(steps) -> dict:
    return clauses_by_step(steps)


@register.filter
def clauses_of(mandated: dict, step) -> list:
    return mandated.get(step.pk, [])


@register.filter
def indent(node) -> str:
    return "\u2003" * node.depth


@register.simple_tag
def step_clauses(step) -> list:
    """`{% step_clauses step as clauses %}`: the clauses in force that mandate one step."""
    return clauses_for_step(step)
