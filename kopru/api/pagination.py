"""Pages of the API's lists, with `page` checked like any other query parameter; `page_size` up to 200.

DRF reads `?page=` as the first page and `?page=x` as a page that does not exist (404); the
schema says a positive integer, so anything else is refused with 400 "invalid", naming it.
"""

from rest_framework import pagination, serializers

from kopru.api.query import query_values


class PageQuery(serializers.Serializer):
    page = serializers.IntegerField(required=False, min_value=1, default=1)


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_number(self, request, paginator):
        return query_values(PageQuery, request)["page"]
