from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken


class User(AbstractUser):
    """A person who signs in: an office's staff in its schema, a platform admin in public."""

    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True,
        help_text=_("Empty: the university's default language."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class ApiToken(AbstractAuthToken):
    """An API token of one client of a user, named by the client; only its hash is stored (django-rest-knox).

    Tokens sit in the same schema as their user, so a university's host finds only its own.
    """

    # A number to list and revoke a token by: the digest stays out of URLs and responses.
    id = models.BigAutoField(primary_key=True)
    digest = models.CharField(max_length=128, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="api_token_one_per_client")]

    def __str__(self):
        return self.name
