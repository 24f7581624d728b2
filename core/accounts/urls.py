from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from core.accounts import views
from core.accounts.forms import UniversityPasswordResetForm, UniversitySetPasswordForm

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("login/code/", views.login_code_view, name="login_code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views.two_factor_view, name="two_factor"),
    path("two-factor/disable/", views.two_factor_disable_view, name="two_factor_disable"),
    path("two-factor/recovery-codes/", views.recovery_codes_view, name="recovery_codes"),
    path("password/", views.password_change_view, name="password_change"),
    path("tokens/", views.tokens_view, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke_view, name="token_revoke"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=UniversityPasswordResetForm,
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=UniversitySetPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
