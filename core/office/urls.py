from django.urls import path

from core.office import views

app_name = "office"
urlpatterns = [
    path("users/", views.users, name="users"),
    path("users/invite/", views.user_invite, name="user_invite"),
    path("users/<int:user_id>/membership/", views.user_membership, name="user_membership"),
    path("users/<int:user_id>/active/", views.user_active, name="user_active"),
    path("users/<int:user_id>/two-factor/", views.user_two_factor, name="user_two_factor"),
    path("users/<int:user_id>/two-factor/reset/", views.user_two_factor_reset, name="user_two_factor_reset"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("security/", views.security, name="security"),
    path("units/", views.units, name="units"),
    path("units/<int:unit_id>/", views.unit_edit, name="unit_edit"),
    path("units/<int:unit_id>/delete/", views.unit_delete, name="unit_delete"),
    path("audit/", views.audit, name="audit"),
]
