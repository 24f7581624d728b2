"""The office's own regulations and job descriptions, under document control.

A statute is a series of revisions; each revision holds its own tree of sections and
clauses, so any revision can be shown, compared with another, or proven to have been
in force on a date.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.documents.models import DocumentJob, GeneratedDocument
from core.office.models import Role
from kopru.text import CleanText
from kopru.translated import TracksTranslations


class Statute(CleanText, TracksTranslations):
    class Kind(models.TextChoices):
        STATUTE = "statute", _("Statute or regulation")
        JOB_DESCRIPTION = "job_description", _("Job description")
        PROCEDURE = "procedure", _("Procedure")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)  # translated
    document_number = models.CharField(_("document number"), max_length=64, blank=True,
                                       help_text=_("As the quality system numbers it, e.g. KYS-GT-431."))
    first_published_on = models.DateField(_("first publication date"), null=True, blank=True)
    prepared_by_name = models.CharField(_("prepared by"), max_length=255, blank=True)
    prepared_by_title = models.CharField(_("title of the preparer"), max_length=255, blank=True)  # translated
    approved_by_name = models.CharField(_("approved by"), max_length=255, blank=True)
    approved_by_title = models.CharField(_("title of the approver"), max_length=255, blank=True)  # translated
    # A job description also says where the position sits (seed 000 and 002); translated.
    position = models.CharField(_("position"), max_length=255, blank=True)
    place_in_organisation = models.TextField(_("place in the organisation"), blank=True)
    superior = models.CharField(_("first-degree superior"), max_length=255, blank=True)
    deputy = models.CharField(_("deputy"), max_length=255, blank=True)
    requirements = models.TextField(_("requirements"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Its generated documents (core.documents): deleted with it.
    generated_documents = GenericRelation(GeneratedDocument, content_type_field="subject_type",
                                          object_id_field="subject_id")

    class Meta:
        verbose_name = _("statute")
        verbose_name_plural = _("statutes")
        ordering = ["kind", "document_number", "id"]

    def __str__(self):
        return self.title


class AgreedBy(CleanText, models.Model):
    """One of those who agreed the document before approval (seed 004: vice-rector, legal department)."""

    statute = models.ForeignKey(Statute, on_delete=models.CASCADE, related_name="agreed_by")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=255)
    title = models.CharField(_("title"), max_length=255, blank=True)  # translated

    class Meta:
        verbose_name = _("agreed by")
        verbose_name_plural = _("agreed by")
        ordering = ["statute", "position", "id"]

    def __str__(self):
        return self.name


class Revision(CleanText, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_APPROVAL = "in_approval", _("In approval")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    statute = models.ForeignKey(Statute, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("revision number"))
    revised_on = models.DateField(_("revision date"), null=True, blank=True)
    description = models.TextField(_("what changed"), blank=True)  # translated
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    # The council's decision that approved it, as Kyrgyz statutes cite it at their head ("… №1 протоколу менен").
    decision_number = models.CharField(_("decision or minutes number"), max_length=32, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    in_force_until = models.DateField(_("in force until"), null=True, blank=True,
                                      help_text=_("The day before the next revision came into force."))
    page_count = models.PositiveSmallIntegerField(_("pages in the exported form"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Its exports a worker is writing (core.documents): deleted with it.
    document_jobs = GenericRelation(DocumentJob, content_type_field="subject_type", object_id_field="subject_id")

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["statute", "number"]
        constraints = [
            models.UniqueConstraint(fields=["statute", "number"], name="revision_number_unique"),
            models.UniqueConstraint(fields=["statute"], condition=models.Q(status="in_force"),
                                    name="one_revision_in_force"),
        ]

    def __str__(self):
        return f"{self.statute} · {self.number:02d}"


class Clause(CleanText, TracksTranslations):
    """A section heading or a numbered clause of one revision, nested as the text nests."""

    class Kind(models.TextChoices):
        SECTION = "section", _("Section")
        CLAUSE = "clause", _("Clause")

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="clauses")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.CLAUSE)
    # The label as the text writes it: "7.1", "a)", "ç)", "1.", "I.", "•".
    number = models.CharField(_("number"), max_length=32, blank=True)
    text = models.TextField(_("text"), blank=True)  # translated
    # Traceability: the roles and workflow steps this clause mandates (seed 000 7.6 → legal opinion).
    roles = ArrayField(models.CharField(max_length=16, choices=Role.choices), default=list, blank=True,
                       verbose_name=_("roles it mandates"))
    workflow_steps = models.ManyToManyField("agreements.WorkflowStep", blank=True, related_name="clauses",
                                            verbose_name=_("workflow steps it mandates"))

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["revision", "position"]
        constraints = [models.UniqueConstraint(fields=["revision", "position"], name="clause_position_unique")]

    def __str__(self):
        return f"{self.number} {self.text[:60]}".strip()


class PublishedDocument(models.Model):
    """The copy the public pages serve of a revision visitors see, in one language (the document's own).

    Written when the revision is approved (or its statute's document control changes), so a
    visitor's download never renders anything. The document is one of the statute's generated
    documents; either going deletes this row.
    """

    revision = models.ForeignKey(Revision, verbose_name=_("revision"), on_delete=models.CASCADE,
                                 related_name="published_documents")
    document = models.OneToOneField(GeneratedDocument, verbose_name=_("document"), on_delete=models.CASCADE,
                                    related_name="publication")

    class Meta:
        verbose_name = _("published document")
        verbose_name_plural = _("published documents")

    def __str__(self):
        return f"{self.revision} ({self.document.language})"
