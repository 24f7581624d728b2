from django.db import connection
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.accounts.services import api_token_obtain, two_factor_device
from core.office.permissions import membership_of


class TokenObtainApi(APIView):
    """Exchange a username, password and (when two-factor is on) a code for an API token."""

    authentication_classes = []
    permission_classes = [AllowAny]

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "TokenRequest"

        username = serializers.CharField(max_length=150)
        password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})
        otp = serializers.CharField(required=False, allow_blank=True, max_length=8)

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "Token"

        token = serializers.CharField()

    @extend_schema(request=InputSerializer, responses=OutputSerializer, auth=[])
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        token = api_token_obtain(request=request, **data.validated_data)
        return Response(self.OutputSerializer({"token": token.key}).data)


class MeApi(APIView):
    """Who the token or session belongs to, and what they are in this office."""

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "Me"

        id = serializers.IntegerField()
        username = serializers.CharField()
        display_name = serializers.CharField()
        email = serializers.EmailField()
        language = serializers.CharField(help_text="The user's own choice, else the university's default.")
        role = serializers.CharField(allow_null=True)
        academic_unit = serializers.DictField(allow_null=True)
        two_factor_enabled = serializers.BooleanField()
        two_factor_required = serializers.BooleanField()

    @extend_schema(responses=OutputSerializer)
    def get(self, request):
        user = request.user
        membership = membership_of(user)
        unit = membership.academic_unit if membership else None
        return Response(self.OutputSerializer({
            "id": user.pk, "username": user.username, "display_name": user.display_name, "email": user.email,
            "language": user.language or connection.tenant.default_language,
            "role": membership.role if membership else None,
            "academic_unit": {"id": unit.pk, "name": unit.name} if unit else None,
            "two_factor_enabled": two_factor_device(user) is not None,
            "two_factor_required": bool(membership and membership.two_factor_required),
        }).data)
