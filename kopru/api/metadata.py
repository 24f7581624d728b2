"""What OPTIONS answers: the address's name, description and media types, never its objects.

DRF's SimpleMetadata also describes each writing method's serializer, fetching the object for
PUT through `get_object()`; Köprü's views fetch through scoped selectors and have no lookup
field, so that fails an assertion. The bodies are described by the OpenAPI schema instead.
"""

from rest_framework.metadata import SimpleMetadata


class Metadata(SimpleMetadata):
    def determine_actions(self, request, view):
        return {}
