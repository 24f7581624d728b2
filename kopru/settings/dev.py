"""Local development and the demo: mail to the console; DEBUG on unless the demo runs (KOPRU_DEMO)."""

from kopru.settings.base import *  # noqa: F403
from kopru.settings.base import env, env_bool

# The demo shows the error pages people see; DJANGO_DEBUG=1 brings back the tracebacks.
DEBUG = env_bool("DJANGO_DEBUG", default=not KOPRU_DEMO)  # noqa: F405
SECRET_KEY = env("DJANGO_SECRET_KEY", "insecure-development-key-never-used-in-production")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
KOPRU_URL_SCHEME = env("KOPRU_URL_SCHEME", "http")
KOPRU_URL_PORT = env("KOPRU_URL_PORT", "8000")
# The demo universities (`manage.py demo_data`, which `dev.py start` runs); never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
