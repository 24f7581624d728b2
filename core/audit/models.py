from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.audit.actions import action_label


class AuditEntry(models.Model):
    """Who did what to which record, and when. Written by services, never edited."""

    at = models.DateTimeField(_("when"), auto_now_add=True)  # indexed with the id, in Meta
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text as well, so the entry still says who it was after the user is gone.
    actor_label = models.CharField(_("who"), max_length=255, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.CharField(_("record type"), max_length=64, blank=True)
    target_id = models.CharField(_("record id"), max_length=64, blank=True)
    # The record as the writer's language named it; target_labels names it in each language ({"ru": …}), so every
    # reader sees it in theirs. Empty when it reads the same in all, and in entries written before it was kept.
    target_label = models.CharField(_("record"), max_length=255, blank=True)
    target_labels = models.JSONField(_("record in each language"), default=dict, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["-at", "-id"], name="audit_newest_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"

    @property
    def action_label(self) -> str:
        return action_label(self.action)
