"""The public schema's records: universities (the tenants) and the domains they answer on."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

from kopru.text import CleanText


class University(CleanText, TenantMixin):
    class Status(models.TextChoices):
        PROVISIONING = "provisioning", _("Provisioning")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")

    # Translated with modeltranslation (tenants/translation.py): name_tr, name_ky, name_ru, name_en.
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    slug = models.SlugField(_("slug"), max_length=63, unique=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code"))
    city = models.CharField(_("city"), max_length=128, blank=True)
    default_language = models.CharField(_("default language"), max_length=8, choices=settings.LANGUAGES)
    languages = ArrayField(models.CharField(max_length=8, choices=settings.LANGUAGES), verbose_name=_("languages"))
    erasmus_code = models.CharField(_("Erasmus code"), max_length=32, blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROVISIONING)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Set while a deletion is scheduled (console/deletion.py): the university is closed until then.
    deletion_requested_at = models.DateTimeField(_("deletion requested at"), null=True, blank=True)
    deletion_due_at = models.DateTimeField(_("deleted after"), null=True, blank=True, db_index=True)

    # Schemas are created by the onboarding task, step by step, not as a side effect of save().
    auto_create_schema = False
    auto_drop_schema = False

    class Meta:
        verbose_name = _("university")
        verbose_name_plural = _("universities")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    @property
    def is_public(self) -> bool:
        return self.schema_name == settings.PUBLIC_SCHEMA_NAME


class Domain(DomainMixin):
    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self):
        return self.domain


class ProvisioningJob(models.Model):
    """One onboarding run: what the console and the API show while a university is being set up.

    It outlives a failed university (the row is deleted, the job keeps the slug and the error).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Step(models.TextChoices):
        SCHEMA = "schema", _("Creating the database schema")
        DOMAIN = "domain", _("Adding the primary domain")
        DEFAULTS = "defaults", _("Creating the office's default data")
        INVITATION = "invitation", _("Inviting the first office admin")
        ACTIVATE = "activate", _("Opening the university")

    university = models.ForeignKey(
        University, verbose_name=_("university"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="provisioning_jobs",
    )
    slug = models.SlugField(_("slug"), max_length=63)
    admin_email = models.EmailField(_("first office admin's e-mail"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    step = models.CharField(_("step"), max_length=16, choices=Step.choices, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("provisioning job")
        verbose_name_plural = _("provisioning jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.slug} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
