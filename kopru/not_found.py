from django.http import Http404

from kopru.errors import NotFound


class NotFoundMiddleware:
    """A domain NotFound that reaches a page answers the 404 page, as a missing address does.

    Selectors raise NotFound so that commands and tasks need no HTTP; the API answers it in its
    own error shape before it gets here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NotFound):
            raise Http404(exception.message) from exception
        return None
