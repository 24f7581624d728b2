"""The documents Köprü writes for the office, and the office's own DOCX templates for them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kopru.translated import TracksTranslations


class DocumentKind(models.TextChoices):
    """The kinds the engine stores; the app that writes each registers what fills it (core/documents/kinds.py)."""

    INFO_NOTE = "info_note", _("Information note")
    COVER_LETTER = "cover_letter", _("Cover letter")
    INVITATION_LETTER = "invitation_letter", _("Invitation letter")
    ATTENDANCE_CERTIFICATE = "attendance_certificate", _("Certificate of attendance")
    RESIDENCE_PERMIT_LETTER = "residence_permit_letter", _("Residence permit cover letter")
    STATUTE = "statute", _("Statute")
    REPORT = "report", _("Report")


class Letterhead(TracksTranslations):
    """What the office's official letters carry besides their text, one row per university (its pk is always 1).

    The head (the institution and the office's unit in capitals), the reference number
    ("Sayı": E-<DETSİS number>-<file-plan code>-<sequence> once both are set) and the footer
    (address, telephone, e-mail, KEP address and whom to ask). Turkey's rules for official
    correspondence (Resmî Yazışmalarda Uygulanacak Usul ve Esaslar Hakkında Yönetmelik) ask for each.
    """

    SINGLETON_PK = 1

    unit_name = models.CharField(_("unit"), max_length=255, blank=True,  # translated
                                 help_text=_("The office as letters name it under the institution, e.g. "
                                             "“Uluslararası İlişkiler Koordinatörlüğü”."))
    detsis_number = models.CharField(
        _("DETSİS number"), max_length=8, blank=True, validators=[RegexValidator(r"^\d{8}$")],
        help_text=_("The unit's eight-digit number in the State Organisation Database (DETSİS)."))
    file_plan_code = models.CharField(
        _("file-plan code"), max_length=32, blank=True, validators=[RegexValidator(r"^\d{3}(\.\d{2}){0,3}$")],
        help_text=_("The standard file-plan code of the office's correspondence, e.g. 010.06.02."))
    address = models.CharField(_("address"), max_length=500, blank=True)  # translated
    phone = models.CharField(_("telephone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    kep_address = models.EmailField(_("KEP address"), blank=True,
                                    help_text=_("The registered electronic mail (KEP) address."))
    contact_name = models.CharField(_("for information: name"), max_length=255, blank=True)
    contact_title = models.CharField(_("for information: title"), max_length=255, blank=True)  # translated
    logo = models.FileField(_("logo"), upload_to="documents/letterhead/", blank=True,
                            help_text=_("PNG or JPEG, at most 1 MB, printed at the top left of the letters' head."))

    class Meta:
        verbose_name = _("letterhead")
        verbose_name_plural = _("letterheads")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="letterhead_singleton")]

    def __str__(self):
        return str(self._meta.verbose_name)


class DocumentTemplate(models.Model):
    """A DOCX template the office uploaded; the active one overrides the shipped default.

    Uploading a new one or resetting to the default deactivates the previous one but keeps
    it, so the office can see what its letters looked like before.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    version = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to="documents/templates/")
    is_active = models.BooleanField(_("in use"), default=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ["kind", "language", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "language", "version"], name="template_version_unique"),
            models.UniqueConstraint(fields=["kind", "language"], condition=models.Q(is_active=True),
                                    name="one_active_template"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language}) v{self.version}"


class GeneratedDocument(models.Model):
    """One generated document; regenerating one about the same record adds a version.

    A document is about a record of an app that registered it as a subject (a partner, an
    agreement, a statute: core/documents/subjects.py), or about no record at all (a letter
    written from plain data, such as an invitation to a visiting student): such a document
    stands alone as its own version 1. The subject's model holds a GenericRelation to its
    documents, so deleting the record deletes them.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject_type = models.ForeignKey(ContentType, verbose_name=_("subject type"), null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField(_("subject id"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=255)
    # The letter number ("KOPRU-2026-14"); documents that are not letters have none.
    number = models.CharField(_("number"), max_length=32, blank=True)
    template = models.ForeignKey(DocumentTemplate, verbose_name=_("template"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+",
                                 help_text=_("Empty: the shipped default template."))
    # A statute is exported in the one format asked for; other documents have both.
    docx = models.FileField(_("DOCX file"), upload_to="documents/generated/%Y/", blank=True)
    pdf = models.FileField(_("PDF file"), upload_to="documents/generated/%Y/", blank=True)
    page_count = models.PositiveSmallIntegerField(_("pages of the PDF"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(docx="", pdf=""), name="document_has_a_file"),
            models.CheckConstraint(condition=models.Q(subject_type=None, subject_id=None)
                                   | models.Q(subject_type__isnull=False, subject_id__isnull=False),
                                   name="generated_subject_whole"),
            models.UniqueConstraint(fields=["kind", "language", "subject_type", "subject_id", "version"],
                                    name="generated_version_unique", condition=models.Q(subject_type__isnull=False)),
            models.UniqueConstraint(fields=["number"], condition=~models.Q(number=""),
                                    name="generated_number_unique"),
        ]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="generated_subject")]

    def __str__(self):
        return f"{self.title} v{self.version}"


class DocumentJob(models.Model):
    """A document a worker is generating, with the progress the page polls until it is done."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    file_format = models.CharField(_("format"), max_length=8)
    # What the document is to be about (a statute's revision); its model's GenericRelation deletes the job with it.
    subject_type = models.ForeignKey(ContentType, verbose_name=_("subject type"), null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField(_("subject id"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    error = models.TextField(_("error"), blank=True)
    document = models.ForeignKey(GeneratedDocument, verbose_name=_("document"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document job")
        verbose_name_plural = _("document jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()}, {self.progress}%)"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
