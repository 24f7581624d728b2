from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from core.accounts.services import api_token_revoke, two_factor_reset
from core.accounts.views import BACKEND
from core.audit.selectors import AUDIT_ORDERING, audit_actions, audit_list, audit_rows
from core.office import services
from core.office.forms import (
    AuditFilterForm,
    InvitationAcceptForm,
    InviteForm,
    MembershipForm,
    SecuritySettingsForm,
    UnitForm,
)
from core.office.permissions import Action, permission_required
from core.office.selectors import (
    USER_ORDERING,
    office_settings_get,
    staff_api_token_get,
    staff_api_tokens,
    unit_get_for_user,
    unit_tree,
    units_for_user,
    user_get_for_user,
    users_for_user,
)
from kopru.errors import ServiceError
from kopru.lists import sort_columns
from kopru.statuses import status_of
from kopru.translated import NAME_FIELDS
from kopru.web import run_service

PAGE_SIZE = 50


@permission_required(Action.MANAGE_USERS)
def users(request):
    people = USER_ORDERING.apply(users_for_user(request.user), request.GET.get("ordering"))
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(person, MembershipForm(initial=_membership_initial(person), prefix=f"m{person.pk}")) for person in page]
    columns = sort_columns(request.GET, USER_ORDERING, [
        ("username", gettext("Person")), ("role", gettext("Role and academic unit")), ("is_active", gettext("Status")),
        ("last_login", gettext("Last sign-in")), (None, gettext("Two-factor")),
    ])
    return render(request, "office/users.html", {"rows": rows, "page": page, "columns": columns})


def _membership_initial(person) -> dict:
    return {"role": person.membership.role, "academic_unit": person.membership.academic_unit_id}


@permission_required(Action.MANAGE_USERS)
def user_invite(request):
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: services.invitation_create(invited_by=request.user, **form.cleaned_data),
                          form=form)
        if run.ok:
            invitation, _token = run.result
            message = gettext("An invitation is on its way to %(email)s.") % {"email": invitation.email}
            messages.success(request, message)
            return redirect("office:users")
    return render(request, "office/invite.html", {"form": form})


@require_POST
@permission_required(Action.MANAGE_USERS)
def user_membership(request, user_id):
    """Change a person's role and unit; with htmx only their row is sent back."""
    person = user_get_for_user(request.user, user_id)
    form = MembershipForm(request.POST, prefix=f"m{person.pk}")
    if form.is_valid():
        run_service(request, lambda: services.membership_change(person=person, acting_user=request.user,
                                                                **form.cleaned_data),
                    form=form)
    if request.htmx:
        person = user_get_for_user(request.user, user_id)
        if not form.errors:
            form = MembershipForm(initial=_membership_initial(person), prefix=f"m{person.pk}")
        return render(request, "office/_user_row.html", {"person": person, "form": form, "saved": not form.errors})
    _flash_outcome(request, form)
    return redirect("office:users")


def _flash_outcome(request, form) -> None:
    if form.errors:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        messages.success(request, gettext("Saved."))


@require_POST
@permission_required(Action.MANAGE_USERS)
def user_active(request, user_id):
    person = user_get_for_user(request.user, user_id)
    run_service(request, lambda: services.user_set_active(person=person, active=request.POST.get("active") == "1",
                                                          acting_user=request.user),
                success_message=gettext("Saved."))
    return redirect("office:users")


@require_POST
@permission_required(Action.MANAGE_USERS)
def user_two_factor(request, user_id):
    person = user_get_for_user(request.user, user_id)
    services.membership_require_two_factor(person=person, required=request.POST.get("required") == "1",
                                           acting_user=request.user)
    messages.success(request, gettext("Saved."))
    return redirect("office:users")


@require_POST
@permission_required(Action.MANAGE_USERS)
def user_two_factor_reset(request, user_id):
    person = user_get_for_user(request.user, user_id)
    run_service(request, lambda: two_factor_reset(person=person, acting_user=request.user),
                success_message=gettext("%(name)s sets up two-factor authentication anew at the next sign-in.")
                % {"name": person.display_name})
    return redirect("office:users")


@permission_required(Action.MANAGE_USERS)
def tokens(request):
    """Every API token of the office's people, each with a button to revoke it."""
    return render(request, "office/tokens.html", {"tokens": staff_api_tokens(request.user)})


@require_POST
@permission_required(Action.MANAGE_USERS)
def token_revoke(request, token_id):
    token = staff_api_token_get(request.user, token_id)
    api_token_revoke(token=token, acting_user=request.user)
    messages.success(request, gettext("The token “%(name)s” of %(person)s is revoked.")
                     % {"name": token.name, "person": token.user.display_name})
    return redirect("office:tokens")


@permission_required(Action.MANAGE_SETTINGS)
def security(request):
    office = office_settings_get()
    form = SecuritySettingsForm(request.POST or None, initial={"two_factor_required": office.two_factor_required})
    if request.method == "POST" and form.is_valid():
        services.office_require_two_factor(required=form.cleaned_data["two_factor_required"], acting_user=request.user)
        messages.success(request, gettext("Saved."))
        return redirect("office:security")
    return render(request, "office/security.html", {"form": form})


@permission_required(Action.MANAGE_SETTINGS)
def units(request):
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: services.unit_create(names=form.names(), kind=form.cleaned_data["kind"],
                                                                parent=form.cleaned_data["parent"],
                                                                acting_user=request.user),
                          form=form, success_message=gettext("Saved."))
        if run.ok:
            return redirect("office:units")
    tree = unit_tree(units_for_user(request.user))
    return render(request, "office/units.html", {"tree": tree, "form": form})


@permission_required(Action.MANAGE_SETTINGS)
def unit_edit(request, unit_id):
    unit = unit_get_for_user(request.user, unit_id)
    initial = {field: getattr(unit, field) for field in NAME_FIELDS}
    form = UnitForm(request.POST or None, initial={**initial, "kind": unit.kind, "parent": unit.parent_id},
                    unit=unit)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: services.unit_update(unit=unit, names=form.names(),
                                                                names_checked=form.names_checked(),
                                                                kind=form.cleaned_data["kind"],
                                                                parent=form.cleaned_data["parent"],
                                                                acting_user=request.user),
                          form=form, success_message=gettext("Saved."))
        if run.ok:
            return redirect("office:units")
    return render(request, "office/unit_edit.html", {"unit": unit, "form": form})


@require_POST
@permission_required(Action.MANAGE_SETTINGS)
def unit_delete(request, unit_id):
    unit = unit_get_for_user(request.user, unit_id)
    run_service(request, lambda: services.unit_delete(unit=unit, acting_user=request.user),
                success_message=gettext("The unit is deleted."))
    return redirect("office:units")


@permission_required(Action.VIEW_AUDIT)
def audit(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    ordering = AUDIT_ORDERING.key(request.GET.get("ordering"))
    entries = audit_list(action=filters.get("action") or "", actor_id=filters.get("actor"), ordering=ordering)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    columns = sort_columns(request.GET, AUDIT_ORDERING, [
        ("at", gettext("When")), ("actor_label", gettext("Who")), ("action", gettext("Action")),
        ("target_label", gettext("Record")),
    ])
    context = {
        "page": page, "rows": audit_rows(page), "columns": columns, "newest_first": ordering == "-at",
        "form": form, "actions": audit_actions(),
        "people": users_for_user(request.user).order_by("username"),
    }
    return render(request, "office/audit.html", context)


@sensitive_post_parameters("password", "password_again")
@never_cache
def invitation_accept(request, token: str):
    """Accept an invitation: choose a username and password, and join the office with its role.

    Routed on a university's host only (kopru/urls_tenant.py): invitations live in its schema.
    """
    try:
        invitation = services.invitation_for_token(token)
    except ServiceError as error:
        return render(request, "office/invitation_invalid.html", {"message": error.message},
                      status=status_of(error))
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: services.invitation_accept(token=token,
                                                                      username=form.cleaned_data["username"],
                                                                      password=form.cleaned_data["password"]),
                          form=form, success_message=gettext("Welcome! Your account is ready."))
        if run.ok:
            auth_login(request, run.result, backend=BACKEND)
            return redirect("/")
    return render(request, "office/invitation_accept.html", {"form": form, "invitation": invitation})
