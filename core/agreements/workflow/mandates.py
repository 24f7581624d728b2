"""The rules that mandate each workflow step, as the apps that keep such rules report them.

The workflow editor shows beside each step the statute clauses in force that require it. Statutes
sit above agreements, so they register their reader here (from their AppConfig.ready()) instead of
the workflow importing them.
"""

from collections.abc import Callable

from core.agreements.models import WorkflowStep

# Each reader answers a list of steps with {step id: the rules mandating it}, in a constant number of queries.
_readers: list[Callable[[list[WorkflowStep]], dict[int, list]]] = []


def register_mandates(reader: Callable[[list[WorkflowStep]], dict[int, list]]) -> None:
    if reader not in _readers:
        _readers.append(reader)


def mandates_by_step(steps: list[WorkflowStep]) -> dict[int, list]:
    mandates: dict[int, list] = {}
    for reader in _readers:
        for step_id, rules in reader(steps).items():
            mandates.setdefault(step_id, []).extend(rules)
    return mandates
