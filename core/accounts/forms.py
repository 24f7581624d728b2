from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.accounts.services import user_set_password


class LoginForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150,
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))
    password = forms.CharField(label=_("Password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class CodeForm(forms.Form):
    otp = forms.CharField(
        label=_("Code from your authenticator app"), max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


class SignInCodeForm(forms.Form):
    """The code step of a sign-in, which takes a recovery code as well as the app's code."""

    otp = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"), max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class UniversityPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the e-mail written in the university's language."""

    def send_mail(self, *args, **kwargs):
        with translation.override(connection.tenant.default_language):
            super().send_mail(*args, **kwargs)


class UniversitySetPasswordForm(SetPasswordForm):
    """Django's new-password form, saved through the service that also ends sessions and revokes tokens."""

    def save(self, commit=True):
        return user_set_password(user=self.user, password=self.cleaned_data["new_password1"])


class UniversityPasswordChangeForm(PasswordChangeForm):
    """Django's change-password form (old password, new one twice), saved through the same service.

    `keep_session_key` is the session the change is made in: it stays, every other one ends.
    """

    def __init__(self, user, *args, keep_session_key: str | None = None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.keep_session_key = keep_session_key

    def save(self, commit=True):
        return user_set_password(user=self.user, password=self.cleaned_data["new_password1"],
                                 keep_session_key=self.keep_session_key)
