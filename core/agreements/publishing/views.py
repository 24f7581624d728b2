"""The public partner list on the university's host (no sign-in), its JSON, CSV and embeddable snippet,
and the office page that chooses what it shows."""

from functools import wraps

from csp.decorators import csp_replace
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from core.agreements.publishing.forms import PublicPartnerFilter
from core.agreements.publishing.selectors import (
    not_listed_because,
    public_list_choices,
    public_partners,
    publishable_agreement_get,
    publishable_agreements,
)
from core.agreements.publishing.services import agreement_set_published
from core.office.permissions import Action, permission_required
from i18n.middleware import enabled_languages
from kopru.api.errors import error_body
from kopru.spreadsheets import CONTENT_TYPES, write_table
from tenants.selectors import absolute_url


def visitor_language(view):
    """`?lang=xx` picks one of the university's languages: an embedding page has no cookie to say it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        language = request.GET.get("lang")
        if language not in enabled_languages(request):
            return view(request, *args, **kwargs)
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        return response

    return wrapped


def _filtered(request) -> tuple[PublicPartnerFilter, list]:
    form = PublicPartnerFilter(request.GET)
    return form, public_partners(**form.filters()) if form.is_valid() else []


def _page_context(request) -> dict:
    form, partners = _filtered(request)
    countries, programmes = public_list_choices()
    return {"form": form, "partners": partners, "countries": countries, "programmes": programmes}


@require_GET
@visitor_language
def public_list(request):
    return render(request, "public/partners.html", _page_context(request))


@require_GET
@visitor_language
@xframe_options_exempt
@csp_replace({"frame-ancestors": "*"})
def public_embed(request):
    """The list without the app around it, for an iframe on any site (the only page that may be framed)."""
    return render(request, "public/embed.html", _page_context(request))


def _invalid_filters(form: PublicPartnerFilter) -> JsonResponse:
    fields = {name: list(errors) for name, errors in form.errors.items()}
    return JsonResponse(error_body("invalid", gettext("Some filters are not valid."), fields=fields), status=400,
                        json_dumps_params={"ensure_ascii": False})


def _row(partner) -> dict:
    return {
        "name": partner.name, "country": partner.country, "country_name": partner.country_name,
        "website": partner.website, "erasmus_code": partner.erasmus_code,
        "programmes": [{"code": code, "label": label} for code, label in partner.programmes],
    }


@require_GET
@visitor_language
def public_json(request):
    form, partners = _filtered(request)
    if form.errors:
        return _invalid_filters(form)
    response = JsonResponse({"count": len(partners), "partners": [_row(partner) for partner in partners]},
                            json_dumps_params={"ensure_ascii": False})
    # Public facts: any website may read them from its own scripts (no cookies are involved).
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@visitor_language
def public_csv(request):
    form, partners = _filtered(request)
    if form.errors:
        return _invalid_filters(form)
    columns = [("name", gettext("Name")), ("country", gettext("Country code")), ("country_name", gettext("Country")),
               ("website", gettext("Website")), ("erasmus_code", gettext("Erasmus code")),
               ("programmes", gettext("Programmes"))]
    rows = ({**_row(partner), "programmes": "; ".join(label for _code, label in partner.programmes)}
            for partner in partners)
    response = HttpResponse(write_table(columns, rows, "csv"), content_type=CONTENT_TYPES["csv"])
    response.headers["Content-Disposition"] = 'attachment; filename="partners.csv"'
    return response


@permission_required(Action.PUBLISH_AGREEMENTS)
def office_page(request):
    """Choose the agreements on the public list, and copy the code that embeds it elsewhere.

    The addresses are on the university's primary domain as the platform records it, never the
    request's Host header: a forged header must not end up in code pasted into other sites.
    """
    site = absolute_url(request.tenant, "")
    agreements = list(publishable_agreements(request.user))
    for agreement in agreements:
        agreement.not_listed_because = not_listed_because(agreement)
    context = {
        "agreements": agreements,
        "embed_url": site + reverse("publishing:public_embed"),
        "list_url": site + reverse("publishing:public_list"),
        "json_url": site + reverse("publishing:public_json"),
        "csv_url": site + reverse("publishing:public_csv"),
        "languages": enabled_languages(request),
    }
    return render(request, "public/office_publishing.html", context)


@require_POST
@permission_required(Action.PUBLISH_AGREEMENTS)
def office_toggle(request, agreement_id):
    agreement = publishable_agreement_get(request.user, agreement_id)
    published = request.POST.get("published") == "1"
    agreement_set_published(agreement=agreement, published=published, acting_user=request.user)
    if published:
        messages.success(request, gettext("“%(title)s” is shown on the public list while it is in force.")
                         % {"title": agreement.title})
    else:
        messages.success(request, gettext("“%(title)s” is no longer shown on the public list.")
                         % {"title": agreement.title})
    return redirect("publishing:office")
