"""Query parameters are checked like bodies: one serializer declares them for the schema and the view.

`@extend_schema(parameters=[SomeQuery])` documents each field as a typed query parameter (enum,
bounds, default), and `query_values(SomeQuery, request)` refuses a value that breaks them with
400 "invalid", naming the parameter, where reading `request.query_params` by hand would ignore
it or fail later (a number of days too large for a date).
"""

from rest_framework import serializers


def query_values(serializer_class: type[serializers.Serializer], request) -> dict:
    # As a plain dict, so an empty value (`?unit=`) is checked like any other, not taken for "not given"; a list
    # parameter takes every value given (`?id=3&id=7`).
    fields = serializer_class().fields
    params = request.query_params
    query = serializer_class(data={
        name: params.getlist(name) if isinstance(fields.get(name), serializers.ListField) else params[name]
        for name in params})
    query.is_valid(raise_exception=True)
    return query.validated_data
