"""A university's office: its academic units, its people's roles, invitations and settings."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kopru.text import CleanText
from kopru.translated import TracksTranslations


class Role(models.TextChoices):
    OFFICE_ADMIN = "office_admin", _("Office admin")
    COORDINATOR = "coordinator", _("Coordinator")
    OFFICER = "officer", _("Officer")
    UNIT_STAFF = "unit_staff", _("Academic unit staff")
    VIEWER = "viewer", _("Viewer")


class AcademicUnit(CleanText, TracksTranslations):
    class Kind(models.TextChoices):
        FACULTY = "faculty", _("Faculty")
        SCHOOL = "school", _("School")
        INSTITUTE = "institute", _("Institute")
        DEPARTMENT = "department", _("Department")
        OTHER = "other", _("Other")

    # Translated with modeltranslation: name_tr, name_ky, name_ru, name_en.
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.FACULTY)
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = _("academic unit")
        verbose_name_plural = _("academic units")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """What a user may do in this university's office."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    academic_unit = models.ForeignKey(
        AcademicUnit, verbose_name=_("academic unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="members",
    )
    two_factor_required = models.BooleanField(_("two-factor authentication required"), default=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class Invitation(models.Model):
    """A one-time link that lets a person set their password and join the office."""

    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    academic_unit = models.ForeignKey(
        AcademicUnit, verbose_name=_("academic unit"), null=True, blank=True, on_delete=models.PROTECT
    )
    # Only a hash is stored: the token itself travels in the e-mail and nowhere else.
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email


def default_expiry_reminder_days() -> list[int]:
    return [180, 90, 30]


class OfficeSettings(models.Model):
    """The office's own policy, one row per university schema (its pk is always 1)."""

    SINGLETON_PK = 1
    MAX_EXPIRY_REMINDERS = 5

    expiry_reminder_days = ArrayField(
        models.PositiveSmallIntegerField(validators=[MinValueValidator(1)]), size=MAX_EXPIRY_REMINDERS,
        default=default_expiry_reminder_days, blank=True,
        verbose_name=_("remind before an agreement expires (days)"),
    )
    step_reminder_days = models.PositiveSmallIntegerField(
        _("remind when a workflow step waits longer than (days)"), default=14, validators=[MinValueValidator(1)],
        help_text=_("Applies to steps without a reminder period of their own."),
    )
    two_factor_required = models.BooleanField(
        _("require two-factor authentication from everyone in the office"), default=False,
        help_text=_("Nobody reaches the office's pages or API until they have set up a second factor."),
    )

    class Meta:
        verbose_name = _("office settings")
        verbose_name_plural = _("office settings")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="office_settings_singleton")]

    def __str__(self):
        return str(self._meta.verbose_name)
