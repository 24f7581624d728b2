"""The production settings refuse to start without their secrets, and never as a demo."""

import json
import os
import re
import subprocess
import sys

from django.conf import settings

REQUIRED = {
    "DJANGO_SECRET_KEY": "a-long-production-secret",
    "DATABASE_URL": "postgres://kopru:secret@db.internal:5432/kopru",
    "CELERY_BROKER_URL": "redis://redis.internal:6379/0",
}
OPTIONAL = {"SENTRY_DSN", "AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "LOG_LEVEL", "KOPRU_ROOT_DOMAIN", "KOPRU_CUSTOM_DOMAINS", "KOPRU_BEHIND_PROXY",
            "KOPRU_PROXY_COUNT"}
# Names that must never leak in from the developer's shell into these imports.
SCRUBBED = {*REQUIRED, *OPTIONAL, "KOPRU_DEMO", "DJANGO_SETTINGS_MODULE"}


def import_production(code: str = "", **variables: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in SCRUBBED}
    env.update(variables)
    code = code or "import kopru.settings.production as s; print('imported', s.DEBUG, s.SESSION_COOKIE_SECURE)"
    return subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=60)


def without(name: str) -> dict[str, str]:
    return {key: value for key, value in REQUIRED.items() if key != name}


def test_production_imports_with_every_required_variable():
    result = import_production(**REQUIRED)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "imported False True"


def test_production_refuses_to_start_without_a_secret_key():
    result = import_production(**without("DJANGO_SECRET_KEY"))

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_embedded_database_and_broker():
    for name in ("DATABASE_URL", "CELERY_BROKER_URL"):
        result = import_production(**without(name))

        assert result.returncode != 0
        assert f"ImproperlyConfigured: {name} must be set" in result.stderr


def test_production_refuses_demo_mode():
    result = import_production(**REQUIRED, KOPRU_DEMO="1")

    assert result.returncode != 0
    assert "ImproperlyConfigured: KOPRU_DEMO must not be set" in result.stderr


def test_production_logs_one_json_object_per_line_with_the_tenant():
    code = ("import logging, django; django.setup(); "
            "logging.getLogger('kopru').warning('started %s', 'web')")

    result = import_production(code, DJANGO_SETTINGS_MODULE="kopru.settings.production", **REQUIRED)

    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["message"], line["level"], line["tenant"]) == ("started web", "WARNING", "public")


def test_production_switches_sentry_and_object_storage_on_only_when_configured():
    code = ("import kopru.settings.production as s, sentry_sdk; "
            "client = sentry_sdk.get_client(); "
            "print(client.is_active(), client.options['send_default_pii'], s.STORAGES['default']['BACKEND'], "
            "s.USE_X_FORWARDED_HOST, s.DATABASES['default']['CONN_HEALTH_CHECKS'])")

    plain = import_production(code, **REQUIRED)
    configured = import_production(code, **REQUIRED, SENTRY_DSN="https://key@sentry.example/1",
                                   AWS_STORAGE_BUCKET_NAME="kopru-media")

    assert plain.returncode == 0 and configured.returncode == 0, plain.stderr + configured.stderr
    assert plain.stdout.split() == ["False", "None", "django_tenants.files.storage.TenantFileSystemStorage",
                                    "False", "True"]
    assert configured.stdout.split() == ["True", "False", "kopru.storage.TenantS3Storage", "False", "True"]


def test_every_page_carries_a_content_security_policy_without_inline_code(client_a, root_client):
    for response in (client_a.get("/accounts/login/"), root_client.get("/accounts/login/")):
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


INLINE_CODE = re.compile(r"""\son[a-z]+\s*=|\sstyle\s*=|<style[\s>]|<script(?![^>]*\ssrc=)[^>]*>|javascript:""",
                         re.IGNORECASE)


def test_no_template_has_inline_scripts_or_styles_the_policy_would_block():
    offending = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0).strip()}"
        for path in sorted((settings.BASE_DIR / "templates").rglob("*.html"))
        for match in INLINE_CODE.finditer(path.read_text())
        # text the office copies, shown escaped: never markup of the page itself
        if "&lt;" not in path.read_text()[max(0, match.start() - 200):match.start()]
    ]

    assert offending == []


def test_production_answers_only_on_the_root_domain_its_subdomains_and_the_listed_own_domains():
    code = "import json, kopru.settings.production as s; print(json.dumps(s.ALLOWED_HOSTS))"

    plain = import_production(code, **REQUIRED, KOPRU_ROOT_DOMAIN="kopru.example.org")
    custom = import_production(code, **REQUIRED, KOPRU_ROOT_DOMAIN="kopru.example.org",
                               KOPRU_CUSTOM_DOMAINS="IRO.kastamonu.edu.tr, international.oshsu.kg,")

    assert plain.returncode == 0 and custom.returncode == 0, plain.stderr + custom.stderr
    assert json.loads(plain.stdout) == [".kopru.example.org"]
    assert json.loads(custom.stdout) == [".kopru.example.org", "iro.kastamonu.edu.tr", "international.oshsu.kg"]


COOKIE_SETTINGS = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "LANGUAGE_COOKIE_NAME", "SESSION_COOKIE_SECURE",
                   "CSRF_COOKIE_SECURE", "LANGUAGE_COOKIE_SECURE", "SESSION_COOKIE_DOMAIN", "CSRF_COOKIE_DOMAIN",
                   "LANGUAGE_COOKIE_DOMAIN", "SESSION_COOKIE_PATH", "CSRF_COOKIE_PATH", "LANGUAGE_COOKIE_PATH")


def test_production_cookies_carry_the_host_prefix_and_what_it_requires(client_a, admin_a, settings):
    code = ("import json, kopru.settings.production as s; from django.conf import global_settings as g; "
            f"print(json.dumps({{name: getattr(s, name, getattr(g, name)) for name in {COOKIE_SETTINGS!r}}}))")
    result = import_production(code, **REQUIRED)
    assert result.returncode == 0, result.stderr
    production = json.loads(result.stdout)
    for name, value in production.items():
        setattr(settings, name, value)

    # every cookie Köprü sets, as a browser receives it over plain HTTP in front of the TLS proxy
    csrf = client_a.get("/accounts/login/").cookies
    session = client_a.post("/accounts/login/", {"username": "ayse", "password": "correct horse battery"}).cookies
    language = client_a.post("/i18n/language/", {"language": "en", "next": "/"}).cookies

    received = [csrf[production["CSRF_COOKIE_NAME"]], session[production["SESSION_COOKIE_NAME"]],
                language[production["LANGUAGE_COOKIE_NAME"]]]
    assert [cookie.key for cookie in received] == ["__Host-kopru_csrf", "__Host-kopru_session",
                                                   "__Host-kopru_language"]
    for cookie in received:
        assert (cookie["secure"], cookie["path"], cookie["domain"]) == (True, "/", ""), cookie.key


def test_production_counts_api_requests_by_the_address_the_ingress_saw():
    code = "import kopru.settings.production as s; print(s.REST_FRAMEWORK['NUM_PROXIES'])"

    behind_the_ingress = import_production(code, **REQUIRED)
    exposed = import_production(code, **REQUIRED, KOPRU_BEHIND_PROXY="0")

    assert (behind_the_ingress.stdout.strip(), exposed.stdout.strip()) == ("1", "0"), behind_the_ingress.stderr
