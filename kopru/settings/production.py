"""Production: every secret comes from the environment, and the process refuses to start without it."""

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

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("KOPRU_BEHIND_PROXY", True) else None
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405
