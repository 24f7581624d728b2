from django.urls import path

from core.office import api

urlpatterns = [
    path("me/", api.MeApi.as_view(), name="api-me"),
    path("users/", api.UserListApi.as_view(), name="api-users"),
    path("users/<int:user_id>/", api.UserDetailApi.as_view(), name="api-user"),
    path("users/<int:user_id>/deactivate/", api.UserActiveApi.as_view(active=False), name="api-user-deactivate"),
    path("users/<int:user_id>/reactivate/", api.UserActiveApi.as_view(active=True), name="api-user-reactivate"),
    path("users/<int:user_id>/two-factor/reset/", api.PersonTwoFactorResetApi.as_view(),
         name="api-user-two-factor-reset"),
    path("users/<int:user_id>/tokens/", api.PersonTokenListApi.as_view(), name="api-user-tokens"),
    path("users/<int:user_id>/tokens/<int:token_id>/", api.PersonTokenRevokeApi.as_view(),
         name="api-user-token-revoke"),
    path("invitations/", api.InvitationCreateApi.as_view(), name="api-invitations"),
    path("security-settings/", api.SecuritySettingsApi.as_view(), name="api-security-settings"),
    path("units/", api.UnitListApi.as_view(), name="api-units"),
    path("units/<int:unit_id>/", api.UnitDetailApi.as_view(), name="api-unit"),
    path("audit/", api.AuditListApi.as_view(), name="api-audit"),
]
