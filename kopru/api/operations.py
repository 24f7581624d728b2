"""The base of an API operation (HackSoft style): validate the input, call one service, serialize the output.

An operation is one class with nested InputSerializer and OutputSerializer (or names shared ones): its
method reads `self.input()`, calls the service and answers `self.output(result)`. A refusal needs nothing
here: the service's ServiceError becomes its JSON answer in kopru/api/errors.py.
"""

from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response


class ServiceApi(GenericAPIView):
    InputSerializer: type[serializers.Serializer] | None = None
    OutputSerializer: type[serializers.Serializer] | None = None

    def input(self, serializer_class: type[serializers.Serializer] | None = None, *, partial: bool = False) -> dict:
        """The request's body checked by `serializer_class` (else InputSerializer); invalid answers 400."""
        serializer = (serializer_class or self.InputSerializer)(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def output(self, instance, serializer_class: type[serializers.Serializer] | None = None, *,
               status_code: int = status.HTTP_200_OK) -> Response:
        """`instance` serialized by `serializer_class` (else OutputSerializer)."""
        return Response((serializer_class or self.OutputSerializer)(instance).data, status=status_code)

    def created(self, instance, serializer_class: type[serializers.Serializer] | None = None) -> Response:
        return self.output(instance, serializer_class, status_code=status.HTTP_201_CREATED)
