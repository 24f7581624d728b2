from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Development only: the demo universities. Installed by the dev and test settings, never by production."""

    name = "demo"
