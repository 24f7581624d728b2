"""The OpenAPI schema's AutoSchema: every operation documents the errors it can answer.

Each view documents its successes; the error shape (kopru/api/errors.py) and the statuses every
operation shares are added here rather than on each view: 400 (a malformed request or query),
404 (an id the caller cannot see, an unknown page) and 409 (a rule of a service), and where
they apply 401 and 403 (authenticated operations), 413 and 415 (operations with a body) and 429 (throttled ones).
A status a view documents itself keeps its description and gets the shape.
"""

from drf_spectacular import openapi
from rest_framework import serializers


class ErrorDetailOutput(serializers.Serializer):
    class Meta:
        ref_name = "ErrorDetail"

    code = serializers.CharField(help_text="Stable, for clients to branch on, e.g. not_found or invalid.")
    message = serializers.CharField(help_text="For people, in the request's language.")
    fields = serializers.DictField(required=False, help_text="Per field (or row), what is wrong with it.")


class ErrorOutput(serializers.Serializer):
    class Meta:
        ref_name = "Error"

    error = ErrorDetailOutput()


ALWAYS = {
    400: "The request, a parameter or a field is not valid.",
    404: "Nothing to be seen at this address, or an id the caller cannot see.",
    409: "A rule of the office refuses the action; the message says which.",
}
AUTHENTICATED = {
    401: "No token or session, or one that is not valid.",
    403: "The caller's role does not allow this.",
}
WITH_BODY = {
    413: "The body is larger than the server accepts.",
    415: "The body is in a format this operation does not read.",
}
THROTTLED = {429: "Too many requests; the Retry-After header says when to try again."}


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        errors = dict(ALWAYS)
        if operation.get("security") and {} not in operation["security"]:
            errors |= AUTHENTICATED
        if "requestBody" in operation:
            errors |= WITH_BODY
        if self.view.get_throttles():
            errors |= THROTTLED
        responses = operation["responses"]
        for status, description in sorted(errors.items()):
            documented = responses.get(str(status), {})
            shaped = self._get_response_for_code(ErrorOutput, str(status), media_types=["application/json"])
            responses[str(status)] = {**shaped, "description": documented.get("description") or description}
        return operation
