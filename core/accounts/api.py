from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from core.accounts.forms import UniversityPasswordChangeForm
from core.accounts.selectors import api_token_get, api_tokens
from core.accounts.services import api_token_obtain, api_token_revoke
from kopru.api.operations import ServiceApi
from kopru.errors import invalid


class TokenOutput(serializers.Serializer):
    """An API token as its owner and office admins see it: never its value."""

    class Meta:
        ref_name = "ApiToken"

    id = serializers.IntegerField()
    name = serializers.CharField(help_text="The client's name for the token, given when it was obtained.")
    created = serializers.DateTimeField()
    expiry = serializers.DateTimeField(allow_null=True)


class TokenObtainApi(ServiceApi):
    """Exchange a username, password and (when two-factor is on) a code for an API token.

    Each client names its token; obtaining one under a name the user already holds
    replaces that token. The value is in this response only: Köprü keeps its hash.
    """

    authentication_classes = []
    permission_classes = [AllowAny]

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "TokenRequest"

        username = serializers.CharField(max_length=150)
        password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})
        otp = serializers.CharField(required=False, allow_blank=True, max_length=8,
                                    help_text="A code from the authenticator app, or a recovery code.")
        name = serializers.CharField(required=False, allow_blank=True, max_length=100,
                                     help_text='The client\'s name for its token; "default" when not given.')

    class OutputSerializer(TokenOutput):
        class Meta:
            ref_name = "Token"

        token = serializers.CharField(help_text="Send it as `Authorization: Token <token>`; it is shown only once.")

    @extend_schema(request=InputSerializer, responses=OutputSerializer, auth=[])
    def post(self, request):
        token, value = api_token_obtain(request=request, **self.input())
        output = {"token": value, "id": token.pk, "name": token.name, "created": token.created,
                  "expiry": token.expiry}
        return Response(self.OutputSerializer(output).data)


class TokenListApi(ListAPIView):
    """The caller's own API tokens that are still valid."""

    serializer_class = TokenOutput
    pagination_class = None

    def get_queryset(self):
        return api_tokens(user=self.request.user)


class TokenRevokeApi(GenericAPIView):
    """Revoke one of the caller's own API tokens (also the one sending the request)."""

    serializer_class = TokenOutput

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, token_id: int):
        api_token_revoke(token=api_token_get(user=request.user, token_id=token_id), acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeApi(ServiceApi):
    """Change the caller's password: every session and API token of theirs ends, the one sending this too."""

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "PasswordChange"

        old_password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})
        new_password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})

    @extend_schema(request=InputSerializer, responses={204: None})
    def post(self, request):
        data = self.input()
        new = data["new_password"]
        # Django's form checks the old password and the new one's strength, as on the page.
        form = UniversityPasswordChangeForm(request.user, {
            "old_password": data["old_password"], "new_password1": new, "new_password2": new})
        if not form.is_valid():
            names = {"new_password1": "new_password", "new_password2": "new_password"}
            raise invalid({names.get(field, field): errors for field, errors in form.errors.items()})
        form.save()
        return Response(status=status.HTTP_204_NO_CONTENT)
