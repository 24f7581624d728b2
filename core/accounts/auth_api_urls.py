"""The API's sign-in, the caller's own tokens and password, under /api/auth/ on every host."""

from django.urls import path

from core.accounts.api import PasswordChangeApi, TokenListApi, TokenObtainApi, TokenRevokeApi

urlpatterns = [
    path("token/", TokenObtainApi.as_view(), name="api-token"),
    path("tokens/", TokenListApi.as_view(), name="api-tokens"),
    path("tokens/<int:token_id>/", TokenRevokeApi.as_view(), name="api-token-revoke"),
    path("password/", PasswordChangeApi.as_view(), name="api-password-change"),
]
