"""The API's sign-in and the caller's own tokens, under /api/auth/ on every host."""

from django.urls import path

from core.accounts.api import TokenListApi, TokenObtainApi, TokenRevokeApi

urlpatterns = [
    path("token/", TokenObtainApi.as_view(), name="api-token"),
    path("tokens/", TokenListApi.as_view(), name="api-tokens"),
    path("tokens/<int:token_id>/", TokenRevokeApi.as_view(), name="api-token-revoke"),
]
