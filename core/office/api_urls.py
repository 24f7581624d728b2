from django.urls import path

from core.office import api

urlpatterns = [
    path("users/", api.UserListApi.as_view(), name="api-users"),
    path("users/<int:user_id>/", api.UserDetailApi.as_view(), name="api-user"),
    path("users/<int:user_id>/deactivate/", api.UserActiveApi.as_view(active=False), name="api-user-deactivate"),
    path("users/<int:user_id>/reactivate/", api.UserActiveApi.as_view(active=True), name="api-user-reactivate"),
    path("invitations/", api.InvitationCreateApi.as_view(), name="api-invitations"),
    path("units/", api.UnitListApi.as_view(), name="api-units"),
    path("units/<int:unit_id>/", api.UnitDetailApi.as_view(), name="api-unit"),
    path("audit/", api.AuditListApi.as_view(), name="api-audit"),
]
