"""List endpoints after the list pattern (kopru/lists.py): pages of plain rows, sorted by a whitelisted key.

A list endpoint subclasses RowListApi, returns the selector's filtered and sorted `values()` from
get_queryset, and turns one page of them into the output's dicts in `rows`, with one query per
relation. Its serializer_class still describes the rows for the schema; no serializer runs per row.
"""

from datetime import datetime

from django.utils import timezone
from rest_framework import serializers
from rest_framework.generics import ListAPIView

from kopru.api.operations import ServiceApi
from kopru.lists import Ordering


def datetime_text(value: datetime | None) -> str | None:
    """A moment as serializers.DateTimeField writes it: in the current time zone, ISO 8601, UTC as Z."""
    if value is None:
        return None
    text = value.astimezone(timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def ordering_field(ordering: Ordering) -> serializers.ChoiceField:
    """The `ordering` query parameter of a list: one of its keys, `-key` for the other way round."""
    return serializers.ChoiceField(
        choices=ordering.choices, required=False, allow_blank=True, default="",
        help_text=f"Sort key; `-` before it sorts the other way round. Default: `{ordering.default}`.")


class RowListApi(ServiceApi, ListAPIView):
    """A list (GET) with, where the list takes new rows, the ServiceApi operation that adds one (POST)."""

    def rows(self, page) -> list[dict]:
        raise NotImplementedError

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.rows(page))
