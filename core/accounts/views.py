import base64
import time

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from core.accounts.errors import AccountError
from core.accounts.forms import (
    CodeForm,
    LoginForm,
    SignInCodeForm,
    UniversityPasswordChangeForm,
)
from core.accounts.selectors import api_token_get, api_tokens
from core.accounts.services import (
    api_token_revoke,
    authenticate_user,
    recovery_codes_left,
    recovery_codes_renew,
    sign_in_success_record,
    two_factor_confirm,
    two_factor_device,
    two_factor_disable,
    two_factor_pending,
    two_factor_verify,
)
from core.accounts.two_factor_policy import two_factor_required
from kopru.errors import ServiceError
from kopru.statuses import status_of
from kopru.web import run_service

# Between the password step and the code step the session holds only who, where to and since when.
PENDING_KEY = "kopru_two_factor_pending"
PENDING_SECONDS = 300
BACKEND = "django.contrib.auth.backends.ModelBackend"
# While two-factor is being switched on, the session holds the key the setup page shows.
SETUP_KEY = "kopru_two_factor_setup_key"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return "/"  # the office's home on a university's host, the console on the root domain


def _refusal_status(error: ServiceError) -> int:
    """A sign-in held back answers 429 Too Many Requests; a wrong password or code is a form error."""
    return status_of(error) if error.code == AccountError.SIGN_IN_THROTTLED else 200


@sensitive_post_parameters("password")
@never_cache
def login_view(request):
    form = LoginForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: authenticate_user(request=request, **form.cleaned_data), form=form)
        user = run.result
        if run.ok and two_factor_device(user) is not None:
            request.session[PENDING_KEY] = {"user": user.pk, "next": _next_url(request), "since": time.time()}
            return redirect("accounts:login_code")
        if run.ok:
            sign_in_success_record(request=request, user=user)
            auth_login(request, user, backend=BACKEND)
            return redirect(_next_url(request))
        status = _refusal_status(run.error)
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)}, status=status)


@sensitive_post_parameters("otp")
@never_cache
def login_code_view(request):
    """The second step of a sign-in, for people with a confirmed authenticator."""
    pending = request.session.get(PENDING_KEY) or {}
    user = None
    if pending and time.time() - pending["since"] < PENDING_SECONDS:
        user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    device = two_factor_device(user) if user is not None else None
    if device is None:
        request.session.pop(PENDING_KEY, None)
        messages.error(request, gettext("Your sign-in took too long; please start again."))
        return redirect("accounts:login")
    form = SignInCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: two_factor_verify(request=request, user=user, device=device,
                                                             code=form.cleaned_data["otp"]), form=form)
        if not run.ok:
            status = _refusal_status(run.error)
        else:
            request.session.pop(PENDING_KEY, None)
            sign_in_success_record(request=request, user=user)
            user.otp_device = device  # django-otp marks the session verified on login
            auth_login(request, user, backend=BACKEND)
            return redirect(pending["next"])
    return render(request, "accounts/login_code.html", {"form": form}, status=status)


def _qr_svg(device) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1c2430")


@login_required
@never_cache
def two_factor_view(request):
    """Switch the second factor on (scan, then confirm with a code), or see that it is on."""
    user = request.user
    device = two_factor_device(user)
    form = CodeForm(request.POST or None)
    if device is None:
        if request.method == "POST" and form.is_valid():
            run = run_service(request, lambda: two_factor_confirm(
                user=user, code=form.cleaned_data["otp"], key=request.session.get(SETUP_KEY, ""),
                keep_session_key=request.session.session_key,
            ), form=form)
            if run.ok:
                confirmed, codes = run.result
                user.otp_device = confirmed
                auth_login(request, user, backend=BACKEND)  # rotates the session, now verified
                messages.success(request, gettext("Two-factor authentication is on."))
                return _show_recovery_codes(request, codes)
        pending = two_factor_pending(user=user, key=request.session.get(SETUP_KEY, ""))
        request.session[SETUP_KEY] = pending.key  # the same key until a code confirms it
        context = {
            "form": form, "qr_svg": _qr_svg(pending), "next": _next_url(request),
            "secret": base64.b32encode(pending.bin_key).decode(),
        }
        return render(request, "accounts/two_factor_setup.html", context)
    context = {"form": form, "required": two_factor_required(user), "recovery_codes_left": recovery_codes_left(user),
               "renew_form": CodeForm(prefix="renew")}
    return render(request, "accounts/two_factor_on.html", context)


def _show_recovery_codes(request, codes: list[str]):
    """The only time recovery codes are seen: the page answers the POST that made them, and is not kept."""
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})


@require_POST
@login_required
@never_cache
def recovery_codes_view(request):
    form = CodeForm(request.POST, prefix="renew")
    if form.is_valid():
        run = run_service(request, lambda: recovery_codes_renew(user=request.user, code=form.cleaned_data["otp"]))
        if run.ok:
            return _show_recovery_codes(request, run.result)
    else:
        messages.error(request, gettext("Enter the code from your authenticator app."))
    return redirect("accounts:two_factor")


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@login_required
def password_change_view(request):
    """A new password for the person signed in: this session stays, their other sessions and API tokens end."""
    form = UniversityPasswordChangeForm(request.user, request.POST or None,
                                        keep_session_key=request.session.session_key)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.success(request, gettext("Your password is changed. Your other sessions and API tokens have ended."))
        return redirect("accounts:password_change")
    return render(request, "accounts/password_change.html", {"form": form})


@login_required
def tokens_view(request):
    """The person's own API tokens, each with a button to revoke it."""
    return render(request, "accounts/tokens.html", {"tokens": api_tokens(user=request.user)})


@require_POST
@login_required
def token_revoke_view(request, token_id: int):
    token = api_token_get(user=request.user, token_id=token_id)
    api_token_revoke(token=token, acting_user=request.user)
    messages.success(request, gettext("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:tokens")


@require_POST
@login_required
def two_factor_disable_view(request):
    form = CodeForm(request.POST)
    if form.is_valid():
        run_service(request, lambda: two_factor_disable(user=request.user, code=form.cleaned_data["otp"]),
                    success_message=gettext("Two-factor authentication is off."))
    else:
        messages.error(request, gettext("Enter the code from your authenticator app."))
    return redirect("accounts:two_factor")
