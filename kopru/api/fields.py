"""Serializer fields the API's bodies need beyond DRF's own."""

from rest_framework import serializers
from rest_framework.fields import empty


class RequiredBooleanField(serializers.BooleanField):
    """A yes/no a body must give: DRF reads one left out of a form body as false, so an empty
    form would switch the setting off where JSON without it is refused."""

    default_empty_html = empty
