"""Trying a record's moves through the services, for tests that hold pages and services to one rule."""

from kopru.errors import ServiceError


def moves_made(model, pk, moves: dict, user) -> set[str]:
    """The names of `moves` the services make on the row for `user`; the row is put back after each.

    The services run as they do for a person (top-level ones in durable transactions), so each
    move is undone by writing the row's earlier values back, not by a rollback around it.
    """
    made = set()
    earlier = model.objects.filter(pk=pk).values().get()
    for name, make in moves.items():
        try:
            make(model.objects.get(pk=pk), user)
        except ServiceError:
            continue
        finally:
            model.objects.filter(pk=pk).update(**earlier)
        made.add(name)
    return made
