"""The platform console on the root domain: thin callers of the console's services and selectors."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required, user_passes_test
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from console.deletion import (
    DEFAULT_GRACE_DAYS,
    deletion_confirmation_check,
    university_cancel_deletion,
    university_schedule_deletion,
)
from console.forms import DeletionForm, DomainForm, OnboardForm
from console.selectors import provisioning_job_for_console, universities_with_activity, university_for_console
from console.services import university_add_domain, university_onboard, university_reactivate, university_suspend
from kopru.web import run_service


def is_platform_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


platform_admin_required = user_passes_test(is_platform_admin, login_url="accounts:login")


def console_view(view):
    return login_required(platform_admin_required(view))


@console_view
def console(request):
    return render(request, "console/console.html", {"universities": universities_with_activity()})


@console_view
def onboard(request):
    form = OnboardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run = run_service(request, lambda: university_onboard(acting_user=request.user, **form.service_arguments()),
                          form=form)
        if run.ok:
            return redirect("console:progress", job_id=run.result.pk)
    return render(request, "console/onboard.html", {"form": form})


@console_view
def progress(request, job_id: int):
    job = provisioning_job_for_console(job_id)
    template = "console/_progress.html" if request.htmx else "console/progress.html"
    return render(request, template, {"job": job})


def _university_page(request, university, domain_form=None, deletion_form=None, status=200):
    context = {
        "managed": university, "domains": university.domains.order_by("-is_primary", "domain"),
        "jobs": university.provisioning_jobs.all()[:5], "domain_form": domain_form or DomainForm(),
        "deletion_form": deletion_form or DeletionForm(),
        "deleted_after": timezone.now() + timedelta(days=DEFAULT_GRACE_DAYS),
    }
    return render(request, "console/university.html", context, status=status)


@console_view
def university_detail(request, slug: str):
    return _university_page(request, university_for_console(slug))


def _change_status(request, slug: str, service, done_message: str):
    university = university_for_console(slug)
    run_service(request, lambda: service(university=university, acting_user=request.user),
                success_message=done_message % {"university": university.name})
    return redirect("console:university", slug=university.slug)


@console_view
@require_POST
def suspend(request, slug: str):
    return _change_status(request, slug, university_suspend, gettext("%(university)s is suspended."))


@console_view
@require_POST
def reactivate(request, slug: str):
    return _change_status(request, slug, university_reactivate, gettext("%(university)s is active again."))


@console_view
@require_POST
def add_domain(request, slug: str):
    university = university_for_console(slug)
    form = DomainForm(request.POST)
    if form.is_valid():
        run = run_service(request, lambda: university_add_domain(
            university=university, domain=form.cleaned_data["domain"], acting_user=request.user,
        ), form=form)
        if run.ok:
            messages.success(request, gettext("%(domain)s now leads to this university.")
                             % {"domain": run.result.domain})
            return redirect("console:university", slug=university.slug)
    return _university_page(request, university, domain_form=form, status=400)


@console_view
@require_POST
def schedule_deletion(request, slug: str):
    university = university_for_console(slug)
    form = DeletionForm(request.POST)
    if form.is_valid():
        def schedule():
            deletion_confirmation_check(university=university, typed=form.cleaned_data["confirmation"])
            university_schedule_deletion(university=university, acting_user=request.user)

        closed = gettext("%(university)s is closed and will be deleted when its grace period ends.")
        if run_service(request, schedule, form=form, success_message=closed % {"university": university.name}).ok:
            return redirect("console:university", slug=university.slug)
    return _university_page(request, university, deletion_form=form, status=400)


@console_view
@require_POST
def cancel_deletion(request, slug: str):
    return _change_status(request, slug, university_cancel_deletion,
                          gettext("The deletion of %(university)s is cancelled; it is open again."))
