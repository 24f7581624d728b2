from django.db import transaction


def module_transaction() -> transaction.Atomic:
    """The transaction a module-scoped fixture keeps its shared rows in, rolled back when the module ends.

    It is marked as a test case's own transaction, as Django's TestCase marks its own, so that the
    services that run durably for a person (atomic(durable=True)) run inside it as inside any test.
    """
    atomic = transaction.atomic()
    atomic._from_testcase = True
    return atomic
