"""Pages of the API's lists, with `page` and `page_size` (up to 200) checked like any other query parameter.

DRF reads `?page=` as the first page and `?page=x` as a page that does not exist (404), and
ignores a `page_size` it cannot read; the schema says positive integers, so anything else is
refused with 400 "invalid", naming the parameter.
"""

from rest_framework import pagination, serializers

from kopru.api.query import query_values

MAX_PAGE_SIZE = 200


class PageQuery(serializers.Serializer):
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_number(self, request, paginator):
        return query_values(PageQuery, request)["page"]

    def get_page_size(self, request):
        return query_values(PageQuery, request).get("page_size", self.page_size)
