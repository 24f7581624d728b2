"""The test suite: fast hashing, mail in memory, Celery only eager where a test asks."""

import os

from kopru.settings.base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", **TENANT_CACHE_KEYS}}  # noqa: F405
CELERY_BROKER_URL = "memory://"
KOPRU_DEMO = False
# The demo app is installed so its own tests (tests/demo/) can run its command.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
# Tests register universities' own domains as they go; tests/test_settings.py checks the real list.
ALLOWED_HOSTS = ["*"]
# Parallel runs on one server (several checkouts, CI beside a developer) keep apart.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("KOPRU_TEST_DATABASE", "test_kopru")}  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".state" / "test-media"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The API's rates stay out of the way of the suite; tests/api/test_throttles.py lowers them.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/min", "user": "100000/min"}}  # noqa: F405
