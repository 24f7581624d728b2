"""Production: every secret comes from the environment, and the process refuses to start without it.

Optional integrations (object storage, Sentry) switch on only when their variable is set.
"""

import os

from django.core.exceptions import ImproperlyConfigured

# Checked before base is imported, which would otherwise start the embedded development database.
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in production: the embedded database is for development.")

from kopru.settings.base import *  # noqa: E402,F403
from kopru.settings.base import env, env_bool  # noqa: E402

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if not env("CELERY_BROKER_URL"):
    raise ImproperlyConfigured("CELERY_BROKER_URL must be set in production (Redis or RabbitMQ).")
if KOPRU_DEMO:  # noqa: F405
    raise ImproperlyConfigured("KOPRU_DEMO must not be set in production: demo accounts have known passwords.")

# Cookies with the __Host- prefix: browsers take them only over HTTPS, for Path=/ and without
# a Domain, so no sibling host under the root domain (another university) can set or overwrite them.
SESSION_COOKIE_NAME = "__Host-kopru_session"
CSRF_COOKIE_NAME = "__Host-kopru_csrf"
LANGUAGE_COOKIE_NAME = "__Host-kopru_language"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Trusted proxies: the ingress terminates TLS and says so in X-Forwarded-Proto, which the
# ingress must set itself (overwriting whatever the client sent). X-Forwarded-Host is not
# trusted (USE_X_FORWARDED_HOST off): the Host header picks the university, and a header a
# client can forge must never pick another one.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("KOPRU_BEHIND_PROXY", True) else None
# Behind the ingress every request comes from the ingress's own address: the API's per-address
# counters read the one the ingress appended to X-Forwarded-For instead, or one client's requests
# would use up everyone's allowance.
REST_FRAMEWORK["NUM_PROXIES"] = int(env("KOPRU_PROXY_COUNT", "1" if env_bool("KOPRU_BEHIND_PROXY", True) else "0"))  # noqa: F405
USE_X_FORWARDED_HOST = False
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405

# Connections are kept between requests and checked before reuse. django-tenants sets
# search_path on a connection when the tenant changes and assumes it stays set until it
# changes it again (TENANT_LIMIT_SET_CALLS). That holds only with one server connection per
# client connection: behind PgBouncer use SESSION pooling. In transaction pooling the server
# connection changes hands between transactions, so a search_path one worker set would apply
# to another worker's queries, and a university would read or write another's schema.
DATABASES["default"]["CONN_MAX_AGE"] = int(env("DB_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Media on S3-compatible object storage, each university under its own prefix (kopru/storage.py).
# Files are private (signed URLs; Köprü streams them to signed-in users itself).
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "kopru.storage.TenantS3Storage"}  # noqa: F405
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None  # MinIO, Ceph, a cloud other than AWS
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
    AWS_S3_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID") or None  # unset: the pod's role or boto3's own chain
    AWS_S3_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY") or None
    AWS_LOCATION = env("AWS_LOCATION", "media")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    # Two uploads of the same name get two keys, as on disk.
    AWS_S3_FILE_OVERWRITE = False

# One JSON object per line on stderr, for the cluster's log collector; each names its university.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"tenant": {"()": "kopru.logging.TenantFilter"}},
    "formatters": {"json": {"()": "kopru.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["tenant"], "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": LOGGING["loggers"],  # noqa: F405
}

SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    from kopru.logging import sentry_tag_tenant

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        environment=env("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
        # Office data is personal data: no users, cookies or request bodies leave for Sentry.
        send_default_pii=False,
        before_send=sentry_tag_tenant,
    )
