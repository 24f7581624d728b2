from django.contrib.auth.decorators import login_required, user_passes_test
from django.shortcuts import render

from tenants.models import University


def is_platform_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


platform_admin_required = user_passes_test(is_platform_admin, login_url="accounts:login")


@login_required
@platform_admin_required
def console(request):
    universities = University.objects.exclude(schema_name="public").order_by("slug")
    return render(request, "tenants/console.html", {"universities": universities})
