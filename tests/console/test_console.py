"""The platform console on the root domain: universities, onboarding form, progress, suspension, domains."""

from datetime import timedelta

from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from console.selectors import universities_with_activity
from console.services import university_onboard
from core.accounts.models import User
from core.audit.models import AuditEntry
from tenants.models import Domain, ProvisioningJob, University
from tests.conftest import host_of
from tests.console.conftest import onboarding_input

ONBOARD_FORM = {
    "name_tr": "Yeni Üniversite", "name_ky": "", "name_ru": "", "name_en": "New University", "short_name": "",
    "slug": "yeni-uni", "country": "TR", "city": "Bursa", "languages": ["tr", "en"], "default_language": "tr",
    "erasmus_code": "", "website": "", "admin_email": "iro@yeni.example",
}


def test_the_console_lists_universities_with_their_users_and_last_sign_in(console, admin_a, university_a):
    with schema_context(university_a.schema_name):
        User.objects.filter(pk=admin_a.pk).update(last_login=timezone.now() - timedelta(days=1))
        User.objects.create_user(username="gone", is_active=False)

    page = console.get("/").content.decode()

    assert page.index("Kastamonu Üniversitesi") < page.index("Ош мамлекеттик университети")
    kastamonu_row = page[page.index("Kastamonu Üniversitesi"):page.index("Ош мамлекеттик университети")]
    assert "<td>1</td>" in kastamonu_row  # the inactive user is not counted
    assert "never" not in kastamonu_row
    assert 'href="/universities/kastamonu/"' in page


def test_the_figures_of_every_university_come_from_one_query(db, admin_a, admin_b, django_assert_num_queries):
    University.objects.exists()  # the connection sets its search_path once, on its first query
    with django_assert_num_queries(2):  # the universities, then every schema's users at once
        universities = {university.slug: university for university in universities_with_activity()}

    assert universities["kastamonu"].active_users == 1
    assert universities["osh"].active_users == 1
    assert "public" not in universities


def test_only_platform_admins_reach_the_console(root_client, admin_a, university_a):
    assert root_client.get("/").status_code == 302  # to the sign-in page

    # an office admin's session from a university's host is nobody on the root domain
    office = Client(HTTP_HOST=host_of(university_a))
    office.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"})
    root_client.cookies = office.cookies
    assert root_client.get("/").status_code == 302

    public_user = User.objects.create_user(username="viewer", password="correct horse battery")
    root_client.force_login(public_user)
    assert root_client.get("/").status_code == 302


def test_the_console_does_not_exist_on_a_universitys_host(client_a):
    assert client_a.get("/universities/new/").status_code == 404
    assert client_a.get("/universities/osh/").status_code == 404


def test_the_onboarding_form_shows_each_error_next_to_its_field(console):
    form = {**ONBOARD_FORM, "slug": "-Yeni", "languages": ["en"], "name_en": ""}

    response = console.post("/universities/new/", form)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Use 3 to 40 characters" in page
    assert "The default language must be one of the university&#x27;s languages." in page
    assert not University.objects.filter(slug__in=["-yeni", "yeni"]).exists()
    assert not ProvisioningJob.objects.exists()


def test_the_country_is_chosen_from_iso_3166_names_in_the_readers_language(console):
    form_page = console.get("/universities/new/", HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    assert '<option value="KG">Kırgızistan</option>' in form_page

    response = console.post("/universities/new/", {**ONBOARD_FORM, "country": "XX"})

    assert "Select a valid choice. XX is not one of the available choices." in response.content.decode()
    assert not ProvisioningJob.objects.exists()


def test_onboarding_from_the_console_leads_to_its_progress(console, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        response = console.post("/universities/new/", ONBOARD_FORM)

    job = ProvisioningJob.objects.get(slug="yeni-uni")
    assert response.status_code == 302
    assert response["Location"] == f"/provisioning/{job.pk}/"
    assert len(queued) == 1
    assert AuditEntry.objects.filter(action="university.onboarded", actor__username="operator").exists()
    page = console.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert "Queued" in page


def test_the_progress_fragment_shows_the_step_and_stops_polling_when_done(console, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        job = university_onboard(acting_user=None, **onboarding_input("prog-uni"))
    ProvisioningJob.objects.filter(pk=job.pk).update(status="running", step="defaults", progress=40)

    running = console.get(f"/provisioning/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in running
    assert "Creating the office&#x27;s default data" in running
    assert "40% done" in running
    assert 'hx-trigger="every 1s"' in running

    ProvisioningJob.objects.filter(pk=job.pk).update(status="failed", university=None, error="disk full")
    failed = console.get(f"/provisioning/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in failed
    assert "disk full" in failed


def test_an_unknown_job_or_university_is_404(console):
    assert console.get("/provisioning/999999/").status_code == 404
    assert console.get("/universities/nowhere/").status_code == 404
    assert console.get("/universities/public/").status_code == 404


def test_suspending_closes_the_host_at_once_and_reactivating_opens_it(
        console, university_a, django_capture_on_commit_callbacks):
    tenant_host = Client(HTTP_HOST=host_of(university_a))
    assert tenant_host.get("/accounts/login/").status_code == 200  # the host is now cached

    with django_capture_on_commit_callbacks(execute=True):
        response = console.post("/universities/kastamonu/suspend/")
    assert response.status_code == 302
    assert tenant_host.get("/accounts/login/").status_code == 503
    with schema_context("public"):  # the tenant's request left the connection on its schema
        assert AuditEntry.objects.filter(action="university.suspended", target_id=str(university_a.pk)).exists()

    with django_capture_on_commit_callbacks(execute=True):
        console.post("/universities/kastamonu/reactivate/")
    assert tenant_host.get("/accounts/login/").status_code == 200
    with schema_context("public"):
        assert AuditEntry.objects.filter(action="university.reactivated", target_id=str(university_a.pk)).exists()


def test_suspending_twice_is_refused_with_a_message(console, university_a):
    console.post("/universities/kastamonu/suspend/")

    page = console.post("/universities/kastamonu/suspend/", follow=True).content.decode()

    assert "Only an active university can be suspended." in page


def test_a_custom_domain_answers_at_once(console, university_a):
    stranger = Client(HTTP_HOST="international.kastamonu.edu.tr")
    assert stranger.get("/accounts/login/").status_code == 404

    response = console.post("/universities/kastamonu/domains/", {"domain": "International.Kastamonu.edu.tr."})

    assert response.status_code == 302
    assert Domain.objects.get(domain="international.kastamonu.edu.tr").tenant == university_a
    assert stranger.get("/accounts/login/").status_code == 200
    connection.set_schema_to_public()
    assert "international.kastamonu.edu.tr" in console.get("/universities/kastamonu/").content.decode()


def test_a_bad_or_taken_domain_is_refused_and_nothing_changes(console, university_a, university_b):
    Domain.objects.create(domain="iro.oshsu.kg", tenant=university_b, is_primary=False)
    domains = Domain.objects.count()

    bad = console.post("/universities/kastamonu/domains/", {"domain": "not a host"})
    under_root = console.post("/universities/kastamonu/domains/", {"domain": "extra.localhost"})
    taken = console.post("/universities/kastamonu/domains/", {"domain": "IRO.oshsu.kg"})

    assert bad.status_code == under_root.status_code == taken.status_code == 400
    assert "Enter a host name such as international.example.edu.tr." in bad.content.decode()
    assert "come from the university&#x27;s slug" in under_root.content.decode()
    assert "This domain is already in use." in taken.content.decode()
    assert Domain.objects.count() == domains


def test_the_university_page_names_its_country_and_languages_in_the_readers_language(console):
    page = console.get("/universities/osh/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "Киргизия" in page
    assert "кыргызский (по умолчанию)" in page.lower()
    assert "английский" in page.lower()
