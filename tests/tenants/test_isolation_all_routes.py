"""Every route of a university's host, tried as another university would try it.

The routes come from the resolver, not from a list: a route added later is tried as well,
and a route whose path arguments this module cannot fill fails until someone says here
which of Osh's rows fills them. Osh (university B) gets one row of each kind, every name
carrying MARKER; Kastamonu's host (university A) is then asked for each route
  - with no session,
  - with the session cookie of a user signed in on Osh's host,
  - with the API token of a user of Osh,
  - as Kastamonu's office admin, with Osh's ids in the path,
and must answer 401, 403, 404 or 405 (an HTML page may send a visitor to the sign-in page
instead), never a server error and never a body naming one of Osh's rows. The root domain
(console and platform API) is asked the same with Osh's session and token.

Osh's rows are written once for the module in a transaction that is rolled back at its end;
each test runs inside it, in a savepoint of its own, as Django's TestCase.setUpTestData does.
"""

import itertools
from datetime import date
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models.fields import AutoFieldMixin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.utils import schema_context, tenant_context

from core.agreements.models import (
    Agreement,
    AgreementDocument,
    AgreementRequest,
    DocumentVersion,
    Workflow,
    WorkflowStep,
)
from core.documents.models import DocumentJob, GeneratedDocument
from core.notifications.models import Notification
from core.office.models import AcademicUnit, Role
from core.office.services import invitation_create
from core.partners.models import Partner, PartnerContact, PartnerUnit, RankingEntry, RecognitionCheck
from core.statutes.models import Statute
from core.statutes.services import clause_add, revision_approve, revision_submit, statute_create
from tenants.models import ProvisioningJob, University
from tests.conftest import ROOT_HOST, host_of, make_office_user
from tests.factories.accounts import PASSWORD
from tests.transactions import module_transaction

MARKER = "Oshonly7Q2X"
# Osh's new rows get ids far above any Kastamonu has, so "Osh's id" never names a row of Kastamonu by chance.
FAR_ID = 7_000_000

# Anyone may open these; they must still show nothing of Osh, and refuse Osh's ids.
PUBLIC_ROUTES = {
    "accounts:login", "accounts:login_code", "accounts:logout", "accounts:password_reset",
    "accounts:password_reset_done", "accounts:password_reset_complete", "accounts:password_reset_confirm",
    "invitation_accept",
    "publishing:public_list", "publishing:public_embed", "publishing:public_json", "publishing:public_csv",
    "statutes:public_list", "statutes:public_detail", "statutes:public_export",
    "i18n:switch", "api-token", "api-schema", "api-docs",
}
# Django answers a reset link it does not know with a page that says so (200), not with 404.
REFUSED_WITH_A_PAGE = {"accounts:password_reset_confirm"}

# Path arguments that name one of Osh's rows: (the view's package, argument) -> that row's key.
# The package tells apart the same name in two places (a generated document and an agreement's).
ROW_ARGUMENTS = {
    "partner_id": "partner", "check_id": "check", "contact_id": "contact", "entry_id": "ranking",
    "agreement_id": "agreement", "pk": "agreement", "step_id": "step", "request_id": "request",
    "notification_id": "notification", "statute_id": "statute", "clause_id": "clause", "user_id": "user",
    "token_id": "token",
    "slug": "slug", ("core.documents", "job_id"): "job", ("console", "job_id"): "provisioning_job",
    ("core.agreements", "document_id"): "agreement_document", ("core.documents", "document_id"): "document",
    ("core.agreements", "number"): "version_number", ("core.statutes", "number"): "revision_number",
    ("core.office", "unit_id"): "unit", ("core.partners", "unit_id"): "partner_unit",
    ("core.office", "token"): "invitation_token", ("django.contrib.auth", "token"): "reset_token",
    "uidb64": "reset_uid",
}
# Path arguments that name no row: values every university has. A tuple tries each value.
VALUE_ARGUMENTS = {
    "kind": ("info_note",), "language": ("en",), "file_format": ("pdf",), "fmt": ("pdf",),
    "part": ("unit", "contact", "ranking"),
}
# `part_id` is the row of the kind `part` names.
PART_ROWS = {"unit": "partner_unit", "contact": "contact", "ranking": "ranking"}

# Function views say which methods they take only when called: each gets GET and POST
# (the only methods an HTML form sends); class-based views get the methods they define.
FUNCTION_VIEW_METHODS = ("get", "post")
CLASS_VIEW_METHODS = ("get", "post", "put", "patch", "delete")

DENIED = {401, 403, 404, 405}


def walk(patterns, prefix: str = "", namespace: str = "", arguments: tuple = ()):
    """(name, pattern, path arguments, view) of every route under `patterns`, namespaces included."""
    for entry in patterns:
        own = arguments + tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner, own)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else None
            yield name, prefix + str(entry.pattern), sorted(own), entry.callback


def view_methods(callback) -> tuple[str, ...]:
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is None:
        return FUNCTION_VIEW_METHODS
    return tuple(method for method in CLASS_VIEW_METHODS if hasattr(view_class, method))


def view_package(callback) -> str:
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    return (view_class or callback).__module__.rpartition(".")[0]


def route_cases(urlconf: str) -> list:
    """One case per route and per choice of its value arguments, named by the route."""
    cases = []
    for name, pattern, arguments, callback in walk(get_resolver(urlconf).url_patterns):
        values = [[(argument, value) for value in VALUE_ARGUMENTS[argument]]
                  for argument in arguments if argument in VALUE_ARGUMENTS]
        for chosen in itertools.product(*values):
            route = SimpleNamespace(name=name, pattern=pattern, arguments=arguments, values=dict(chosen),
                                    methods=view_methods(callback), package=view_package(callback))
            label = pattern + "".join(f" [{value}]" for _argument, value in chosen)
            cases.append(pytest.param(route, id=label))
    return cases


def row_key(route, argument: str) -> str | None:
    if argument == "part_id":
        return PART_ROWS[route.values["part"]]
    return ROW_ARGUMENTS.get((route.package, argument)) or ROW_ARGUMENTS.get(argument)


def path_of(route, rows: dict, urlconf: str) -> str:
    """The route's path with Osh's rows in it; fails for an argument nobody has said how to fill."""
    assert route.name, f"{route.pattern} has no name: name it, so that this test can build its path"
    kwargs = dict(route.values)
    for argument in route.arguments:
        if argument in kwargs:
            continue
        key = row_key(route, argument)
        assert key, (f"{route.pattern} ({route.package}) takes `{argument}`, which this test cannot fill: "
                     "add it to ROW_ARGUMENTS or VALUE_ARGUMENTS, with one of Osh's rows")
        kwargs[argument] = rows[key]
    return reverse(route.name, kwargs=kwargs, urlconf=urlconf)


def takes_a_row(route) -> bool:
    return any(argument not in route.values for argument in route.arguments)


# Osh's rows.

def _far_ids() -> None:
    """Every table of Köprü's own apps in the current schema numbers its next rows from FAR_ID."""
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.app_config.name.startswith("core.") and isinstance(model._meta.pk, AutoFieldMixin):
                cursor.execute("SELECT setval(pg_get_serial_sequence(%s, %s), %s, false)",
                               [model._meta.db_table, model._meta.pk.column, FAR_ID])


def _osh_rows(university: University) -> dict:
    """One row of each kind that a path can name, each with MARKER in its names, in Osh's schema."""
    with tenant_context(university):
        _far_ids()
        admin = make_office_user(university, username="osh-admin", email=f"{MARKER.lower()}@osh.example",
                                 first_name=MARKER, last_name=MARKER)
        unit = AcademicUnit.objects.create(name_en=f"{MARKER} Faculty", name_ky=f"{MARKER} факультети")
        partner = Partner.objects.create(name_en=f"{MARKER} University", name_ky=f"{MARKER} университети",
                                         country="KZ", city=MARKER)
        partner_unit = PartnerUnit.objects.create(partner=partner, name_en=f"{MARKER} School")
        contact = PartnerContact.objects.create(partner=partner, name=f"{MARKER} Contact")
        ranking = RankingEntry.objects.create(partner=partner, system="QS", year=2026, band=MARKER)
        check = RecognitionCheck.objects.create(partner=partner, status="recognised", checked_on=date(2026, 1, 5),
                                                method="yok_letter", reference=MARKER,
                                                evidence=ContentFile(MARKER.encode(), name="evidence.pdf"))
        workflow = Workflow.objects.create(name_en=f"{MARKER} workflow")
        step = WorkflowStep.objects.create(workflow=workflow, position=1, code="legal", name_en=f"{MARKER} step",
                                           role=Role.OFFICER)
        agreement = Agreement.objects.create(kind=Agreement.Kind.BILATERAL, title_en=f"{MARKER} protocol",
                                             title_ky=f"{MARKER} протоколу", status=Agreement.Status.IN_APPROVAL,
                                             workflow=workflow, current_step=step, published=True)
        agreement.partners.add(partner)
        document = AgreementDocument.objects.create(agreement=agreement, kind="draft", title=f"{MARKER} draft")
        version = DocumentVersion.objects.create(document=document, number=1, content_type="application/pdf",
                                                 size=len(MARKER), file=ContentFile(MARKER.encode(), name="d.pdf"))
        request = AgreementRequest.objects.create(agreement=agreement, received_on=date(2026, 2, 1), sender=MARKER,
                                                  subject=f"{MARKER} request", unit=unit)
        notification = Notification.objects.create(recipient=admin, title=f"{MARKER} notice", text=MARKER)
        generated = GeneratedDocument.objects.create(kind="info_note", language="en", subject=partner, version=1,
                                                     title=f"{MARKER} note",
                                                     pdf=ContentFile(MARKER.encode(), name="note.pdf"))
        job = DocumentJob.objects.create(kind="info_note", language="en", file_format="pdf", document=generated,
                                         status=DocumentJob.Status.DONE, progress=100)
        statute = statute_create(kind=Statute.Kind.STATUTE, acting_user=admin, titles={"en": f"{MARKER} statute"})
        revision = statute.revisions.get()
        clause = clause_add(revision=revision, number="1.", texts={"en": f"{MARKER} clause"}, acting_user=admin)
        revision_submit(revision=revision, acting_user=admin)
        revision_approve(revision=revision, in_force_from=date(2024, 9, 1), acting_user=admin)
        _invitation, invitation_token = invitation_create(email=f"{MARKER.lower()}.new@osh.example",
                                                          role=Role.OFFICER, invited_by=admin)
        files = [check.evidence.name, version.file.name, generated.pdf.name]
    return {
        "files": files, "user": admin.pk, "unit": unit.pk, "partner": partner.pk,
        "partner_unit": partner_unit.pk, "contact": contact.pk, "ranking": ranking.pk, "check": check.pk,
        "step": step.pk, "agreement": agreement.pk, "agreement_document": document.pk,
        "version_number": version.number, "request": request.pk, "notification": notification.pk,
        "document": generated.pk, "job": job.pk, "statute": statute.pk, "revision_number": revision.number,
        "clause": clause.pk, "invitation_token": invitation_token,
        "reset_uid": urlsafe_base64_encode(force_bytes(admin.pk)),
        "reset_token": default_token_generator.make_token(admin),
        "slug": university.slug,
        "provisioning_job": ProvisioningJob.objects.create(university=university, slug=university.slug, error=MARKER,
                                                           admin_email=f"{MARKER.lower()}@osh.example").pk,
    }


def _session(host: str, username: str) -> str:
    """The session cookie of a user who signed in on `host` through the sign-in form."""
    client = Client(HTTP_HOST=host)
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, f"{username} could not sign in on {host}"
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _token(host: str, username: str) -> dict:
    """A token from the API's own endpoint, as a client gets one: its value and its id."""
    credentials = {"username": username, "password": PASSWORD, "name": f"{MARKER} client"}
    response = Client(HTTP_HOST=host).post("/api/auth/token/", credentials, content_type="application/json")
    assert response.status_code in (200, 201), response.content
    return response.json()


def token_header(token: str) -> str:
    return f"{settings.REST_KNOX['AUTH_HEADER_PREFIX']} {token}"


@pytest.fixture(scope="module")
def osh_access(django_db_setup, django_db_blocker):
    """Osh's rows, Osh's admin's session cookie and token, and a session of Kastamonu's admin."""
    with django_db_blocker.unblock(), module_transaction():
        kastamonu = University.objects.get(slug="kastamonu")
        university = University.objects.get(slug="osh")
        rows = _osh_rows(university)
        make_office_user(kastamonu, username="kastamonu-admin")
        connection.set_schema_to_public()
        token = _token(host_of(university), "osh-admin")
        rows["token"] = token["id"]
        yield SimpleNamespace(
            rows=rows, host=host_of(kastamonu),
            session=_session(host_of(university), "osh-admin"),
            token=token["token"],
            kastamonu_session=_session(host_of(kastamonu), "kastamonu-admin"),
        )
        connection.set_schema_to_public()
        transaction.set_rollback(True)
        with schema_context(university.schema_name):
            for name in rows["files"]:
                default_storage.delete(name)


# Asking and judging.

def content_of(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def ask(client: Client, method: str, path: str, **extra):
    # An empty JSON body: the view must refuse the path's ids before it looks at what was sent.
    body = {"data": "{}", "content_type": "application/json"} if method in {"put", "patch"} else {}
    return getattr(client, method)(path, **body, **extra)


def to_sign_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def judge(route, response, *, who: str, method: str, path: str, public: bool, row: bool) -> str | None:
    """Why the answer is wrong, or None."""
    status = response.status_code
    body = content_of(response)
    if status >= 500:
        return f"{who} {method.upper()} {path}: server error {status}"
    if MARKER.encode() in body or MARKER.lower().encode() in body:
        return f"{who} {method.upper()} {path}: {status} shows Osh's data"
    if public and (not row or route.name in REFUSED_WITH_A_PAGE):
        return None  # open to anyone, and nothing of Osh in it
    if status in DENIED or (to_sign_in(response) and not route.pattern.startswith("api/")):
        return None
    return f"{who} {method.upper()} {path}: {status} ({response.get('Location', '')})"


CASES = route_cases("kopru.urls_tenant")


@pytest.mark.django_db
@pytest.mark.parametrize("route", CASES)
def test_no_route_of_a_university_opens_to_another(route, osh_access):
    # given: Osh's ids in the path, and four ways of asking that are not Kastamonu's office
    path = path_of(route, osh_access.rows, "kopru.urls_tenant")
    public = route.name in PUBLIC_ROUTES
    row = takes_a_row(route)
    anonymous = Client(HTTP_HOST=osh_access.host)
    replayed = Client(HTTP_HOST=osh_access.host)
    replayed.cookies[settings.SESSION_COOKIE_NAME] = osh_access.session
    with_token = Client(HTTP_HOST=osh_access.host, HTTP_AUTHORIZATION=token_header(osh_access.token))
    kastamonu = Client(HTTP_HOST=osh_access.host)
    kastamonu.cookies[settings.SESSION_COOKIE_NAME] = osh_access.kastamonu_session
    askers = {"anonymous": anonymous, "Osh's session": replayed, "Osh's token": with_token}
    if row:
        askers["Kastamonu's admin"] = kastamonu

    # when / then
    problems = []
    for who, client in askers.items():
        for method in route.methods:
            response = ask(client, method, path)
            problems.append(judge(route, response, who=who, method=method, path=path, public=public, row=row))
    if not row:  # Kastamonu's own page: it may open, but shows nothing of Osh
        response = kastamonu.get(path)
        assert response.status_code < 500, f"GET {path}: {response.status_code}"
        assert MARKER.encode() not in content_of(response), f"GET {path} shows Osh's data to Kastamonu"
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)


PLATFORM_CASES = route_cases("kopru.urls_public")


@pytest.mark.django_db
@pytest.mark.parametrize("route", PLATFORM_CASES)
def test_no_route_of_the_platform_opens_to_a_university(route, osh_access):
    # given: the console and the platform API on the root domain, Osh's session and token replayed there
    path = path_of(route, osh_access.rows, "kopru.urls_public")
    replayed = Client(HTTP_HOST=ROOT_HOST)
    replayed.cookies[settings.SESSION_COOKIE_NAME] = osh_access.session
    askers = {"anonymous": Client(HTTP_HOST=ROOT_HOST), "Osh's session": replayed,
              "Osh's token": Client(HTTP_HOST=ROOT_HOST, HTTP_AUTHORIZATION=token_header(osh_access.token))}

    # when
    problems = [judge(route, ask(client, method, path), who=who, method=method, path=path,
                      public=route.name in PUBLIC_ROUTES, row=takes_a_row(route))
                for who, client in askers.items() for method in route.methods]

    # then
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)
    assert University.objects.get(slug="osh").status == University.Status.ACTIVE


def test_every_route_is_tried():
    """The resolver's routes are all here, the APIs' among them, so none is left out by a list."""
    tenant = {case.values[0].pattern for case in CASES}
    platform = {case.values[0].pattern for case in PLATFORM_CASES}
    assert {"partners/<int:partner_id>/", "api/partners/<int:partner_id>/", "api/auth/token/"} <= tenant
    assert {"universities/<slug:slug>/suspend/", "api/universities/<slug:slug>/"} <= platform
    assert len(tenant) > 150 and len(platform) > 25
