"""Cooperation agreements, the conditions calls draw their quotas from, and their approval workflow."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.documents.models import GeneratedDocument
from core.office.models import AcademicUnit, Role
from core.partners.models import Partner
from kopru.text import CleanText
from kopru.translated import TracksTranslations


class IscedField(models.Model):
    """A field of education of ISCED-F 2013: broad (2 digits), narrow (3) or detailed (4)."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=255)  # translated

    class Meta:
        verbose_name = _("ISCED-F field")
        verbose_name_plural = _("ISCED-F fields")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class DocumentKind(models.TextChoices):
    AGREEMENT_TEXT = "agreement_text", _("Agreement text")
    SIGNED_AGREEMENT = "signed_agreement", _("Signed agreement")
    REQUEST_LETTER = "request_letter", _("Request letter")
    INFO_NOTE = "info_note", _("Information note")
    RECOGNITION_EVIDENCE = "recognition_evidence", _("Recognition evidence")
    LEGAL_OPINION = "legal_opinion", _("Legal Counsel's opinion")
    STUDENT_AFFAIRS_OPINION = "student_affairs_opinion", _("Student Affairs' opinion")
    SENATE_FILE = "senate_file", _("File for the Senate")
    SENATE_DECISION = "senate_decision", _("Senate decision")
    COVER_LETTER = "cover_letter", _("Cover letter")
    OTHER = "other", _("Other document")


class Workflow(CleanText, models.Model):
    """The approval path the university's agreements follow; the office edits it."""

    name = models.CharField(_("name"), max_length=255)  # translated
    is_default = models.BooleanField(_("default for new agreements"), default=False)

    class Meta:
        verbose_name = _("workflow")
        verbose_name_plural = _("workflows")
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=models.Q(is_default=True),
                                    name="one_default_workflow"),
        ]

    def __str__(self):
        return self.name


class SignatureSide(models.TextChoices):
    """Whose signature a signatory gives, and whose signature a workflow step records."""

    OURS = "ours", _("Our university")
    PARTNER = "partner", _("Partner")


class WorkflowStep(CleanText, TracksTranslations):
    class Addressee(models.TextChoices):
        """Whom the cover letter of a step that sends one goes to."""

        SENATE = "senate", _("The Senate")
        OPINIONS = "opinions", _("Legal Counsel and Student Affairs, for their opinions")
        PARTNER = "partner", _("The partner")
        GENERIC = "generic", _("Whom it may concern")

    workflow = models.ForeignKey(Workflow, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    code = models.SlugField(_("code"), max_length=64)
    name = models.CharField(_("name"), max_length=255)  # translated
    # The seed clause that mandates the step, e.g. "7.6"; statutes link to it later.
    clause = models.CharField(_("clause"), max_length=32, blank=True)
    role = models.CharField(_("role that completes it"), max_length=16, choices=Role.choices)
    required_documents = ArrayField(
        models.CharField(max_length=32, choices=DocumentKind.choices), default=list, blank=True,
        verbose_name=_("documents it needs"),
    )
    produced_documents = ArrayField(
        models.CharField(max_length=32, choices=DocumentKind.choices), default=list, blank=True,
        verbose_name=_("documents it produces"),
    )
    skippable = models.BooleanField(_("may be skipped"), default=False)
    sends_letter = models.BooleanField(_("sends a cover letter"), default=False)
    # A letter "to the partner" of an agreement with no partner yet goes to whom it may concern.
    letter_addressee = models.CharField(_("cover letter goes to"), max_length=8, choices=Addressee.choices,
                                        default=Addressee.GENERIC)
    # The letter's own subject (translated; the addressee's usual one when empty), its language (the university's
    # when empty: a letter to a foreign partner is written in English or the partner's language) and who signs it.
    letter_subject = models.CharField(_("subject of the letter"), max_length=255, blank=True)
    letter_language = models.CharField(_("language of the letter"), max_length=8, blank=True,
                                       choices=settings.LANGUAGES)
    signatory_name = models.CharField(
        _("signed by"), max_length=255, blank=True,
        help_text=_("The person who signs the step's letter, e.g. Prof. Dr. Ayşe Yılmaz."))
    signatory_title = models.CharField(_("signatory's title"), max_length=255, blank=True)  # translated
    signs_for = models.CharField(  # translated
        _("signs on behalf of"), max_length=255, blank=True,
        help_text=_("The authority the signatory signs for, e.g. Rektör (printed “Rektör a.”)."))
    checks_recognition = models.BooleanField(_("needs every partner recognised"), default=False)
    puts_in_force = models.BooleanField(_("puts the agreement in force"), default=False)
    # Seed 000 7.9 "filed and published": completing the step shows the agreement on the public partner list.
    publishes = models.BooleanField(_("publishes on the public partner list"), default=False)
    # The rector's signature and the partner's countersignature (7.8): completing the step dates that side's
    # signatories.
    records_signature = models.CharField(_("records the signature of"), max_length=8, blank=True,
                                         choices=SignatureSide.choices)
    reminder_days = models.PositiveSmallIntegerField(
        _("remind after (days)"), null=True, blank=True,
        help_text=_("Remind the responsible people when an agreement waits here longer."),
    )

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["workflow", "position"]
        constraints = [
            models.UniqueConstraint(fields=["workflow", "position"], name="step_position_unique"),
            models.UniqueConstraint(fields=["workflow", "code"], name="step_code_unique"),
        ]

    def __str__(self):
        return f"{self.position}. {self.name}"


class Agreement(CleanText, TracksTranslations):
    class Kind(models.TextChoices):
        BILATERAL = "bilateral", _("Bilateral protocol / MoU")
        ERASMUS_KA131 = "erasmus_ka131", _("Erasmus+ inter-institutional agreement (KA131)")
        ERASMUS_KA171 = "erasmus_ka171", _("Erasmus+ international agreement (KA171)")
        FARABI = "farabi", _("Farabi")
        MEVLANA = "mevlana", _("Mevlana")
        ORHUN = "orhun", _("Orhun")
        DUAL_DEGREE = "dual_degree", _("Dual degree")
        OTHER = "other", _("Other")

    class Scope(models.TextChoices):
        STUDENT_EXCHANGE = "student_exchange", _("Student exchange")
        STAFF_EXCHANGE = "staff_exchange", _("Staff exchange")
        JOINT_PROGRAMMES = "joint_programmes", _("Joint programmes")
        RESEARCH = "research", _("Research")
        OTHER = "other", _("Other")

    class Renewal(models.TextChoices):
        AUTOMATIC = "automatic", _("Renewed automatically")
        BY_NOTICE = "by_notice", _("Renewed by notice")
        NONE = "none", _("Not renewed")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_APPROVAL = "in_approval", _("In approval")
        IN_FORCE = "in_force", _("In force")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")
        REJECTED = "rejected", _("Rejected")

    class Origin(models.TextChoices):
        PARTNER_LETTER = "partner_letter", _("Letter from the partner (7.1)")
        INTERNAL_UNIT = "internal_unit", _("Request of one of our units (7.2)")
        OFFICE = "office", _("The office's own initiative")

    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)  # translated
    reference = models.CharField(_("reference number"), max_length=64, blank=True)
    partners = models.ManyToManyField(Partner, verbose_name=_("partners"), related_name="agreements")
    units = models.ManyToManyField(AcademicUnit, verbose_name=_("our academic units"), blank=True,
                                   related_name="agreements")
    scopes = ArrayField(models.CharField(max_length=32, choices=Scope.choices), default=list,
                        verbose_name=_("scope"))
    origin = models.CharField(_("requested by"), max_length=16, choices=Origin.choices, default=Origin.OFFICE)
    starts_on = models.DateField(_("valid from"), null=True, blank=True)
    ends_on = models.DateField(_("valid until"), null=True, blank=True)
    first_academic_year = models.PositiveSmallIntegerField(
        _("first academic year"), null=True, blank=True, help_text=_("The year it starts in: 2025 for 2025/26."),
    )
    last_academic_year = models.PositiveSmallIntegerField(_("last academic year"), null=True, blank=True)
    renewal = models.CharField(_("renewal"), max_length=16, choices=Renewal.choices, default=Renewal.NONE)
    text_languages = ArrayField(models.CharField(max_length=8), default=list, blank=True,
                                verbose_name=_("languages of the text"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    workflow = models.ForeignKey(Workflow, verbose_name=_("workflow"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="agreements")
    current_step = models.ForeignKey(WorkflowStep, verbose_name=_("current step"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    step_since = models.DateTimeField(_("at this step since"), null=True, blank=True)
    # The office chooses which agreements its public partner list shows (seed 000 7.9).
    published = models.BooleanField(_("shown on the public partner list"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Its generated documents (core.documents): deleted with it.
    generated_documents = GenericRelation(GeneratedDocument, content_type_field="subject_type",
                                          object_id_field="subject_id")

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-created_at", "-id"]
        # The lists' default order: a page of the newest agreements reads the index, not every agreement.
        indexes = [models.Index(fields=["-created_at", "-id"], name="agreement_newest_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on=None) | models.Q(ends_on=None)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title


class Signatory(CleanText, models.Model):
    Side = SignatureSide

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="signatories")
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)
    name = models.CharField(_("name"), max_length=255)
    title = models.CharField(_("title"), max_length=255, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["side", "id"]

    def __str__(self):
        return self.name


class CooperationCondition(CleanText, models.Model):
    """One row of what the agreement allows; calls for mobility draw their quotas from these."""

    class Direction(models.TextChoices):
        OUTGOING = "outgoing", _("Outgoing")
        INCOMING = "incoming", _("Incoming")

    class MobilityType(models.TextChoices):
        SMS = "SMS", _("Student mobility for studies (SMS)")
        SMT = "SMT", _("Student mobility for traineeships (SMT)")
        STA = "STA", _("Staff mobility for teaching (STA)")
        STT = "STT", _("Staff mobility for training (STT)")
        OTHER = "other", _("Other")

    class Cefr(models.TextChoices):
        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"
        C1 = "C1", "C1"
        C2 = "C2", "C2"

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="conditions")
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    mobility_type = models.CharField(_("mobility type"), max_length=8, choices=MobilityType.choices)
    isced = models.ForeignKey(IscedField, verbose_name=_("ISCED-F field"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    eqf_level = models.PositiveSmallIntegerField(
        _("EQF level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(8)],
    )
    places_per_year = models.PositiveSmallIntegerField(_("places per year"))
    months_per_person = models.DecimalField(_("months per person"), max_digits=4, decimal_places=1, null=True,
                                            blank=True)
    days_per_person = models.PositiveSmallIntegerField(_("days per person"), null=True, blank=True)
    language = models.CharField(_("language of instruction"), max_length=8, blank=True,
                                help_text=_("ISO 639-1 code, such as en or tr."))
    cefr_level = models.CharField(_("language level (CEFR)"), max_length=2, choices=Cefr.choices, blank=True)

    class Meta:
        verbose_name = _("cooperation condition")
        verbose_name_plural = _("cooperation conditions")
        ordering = ["agreement", "direction", "mobility_type", "id"]

    def __str__(self):
        return f"{self.get_direction_display()} {self.mobility_type} × {self.places_per_year}"


class AgreementDocument(CleanText, models.Model):
    """A document of the agreement or of one of its steps; its file is kept in versions."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=255)
    step = models.ForeignKey(WorkflowStep, verbose_name=_("step"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["agreement", "kind", "id"]

    def __str__(self):
        return self.title


class DocumentVersion(models.Model):
    document = models.ForeignKey(AgreementDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to="agreements/documents/%Y/")
    content_type = models.CharField(_("file type"), max_length=128)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")]

    def __str__(self):
        return f"{self.document} v{self.number}"


class Transition(CleanText, models.Model):
    """One move of an agreement through its workflow: who, when, what, why, with which documents."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for approval")
        COMPLETED = "completed", _("Completed")
        SKIPPED = "skipped", _("Skipped")
        REJECTED = "rejected", _("Sent back")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="transitions")
    step = models.ForeignKey(WorkflowStep, verbose_name=_("step"), null=True, on_delete=models.PROTECT,
                             related_name="+")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    to_step = models.ForeignKey(WorkflowStep, verbose_name=_("next step"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True,
                              on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)
    documents = models.ManyToManyField(AgreementDocument, verbose_name=_("documents"), blank=True,
                                       related_name="transitions")

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["agreement", "at", "id"]

    def __str__(self):
        return f"{self.agreement}: {self.get_action_display()}"


class AgreementRequest(CleanText, models.Model):
    """A request received under a signed agreement (seed 000 7.10), forwarded to one of our units."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        FORWARDED = "forwarded", _("Forwarded to a unit")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="requests")
    received_on = models.DateField(_("received on"))
    sender = models.CharField(_("from"), max_length=255)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    letter = models.FileField(_("letter"), upload_to="agreements/requests/%Y/", blank=True)
    unit = models.ForeignKey(AcademicUnit, verbose_name=_("forwarded to"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="agreement_requests")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REGISTERED)
    answer = models.TextField(_("answer"), blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                      related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("request under an agreement")
        verbose_name_plural = _("requests under agreements")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["-received_on", "-id"], name="request_newest_idx")]

    def __str__(self):
        return self.subject


class ReminderLog(models.Model):
    """A reminder already sent, so that each one goes out exactly once however often the job runs."""

    class Kind(models.TextChoices):
        EXPIRY = "expiry", _("Agreement expiring")
        STEP_WAITING = "step_waiting", _("Workflow step waiting")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # Expiry: days before ends_on. Step waiting: the days the step was allowed to wait.
    threshold = models.PositiveSmallIntegerField(_("days"))
    # A renewed agreement (a new ends_on) or a step entered again is reminded anew.
    ends_on = models.DateField(_("valid until"), null=True, blank=True)
    step = models.ForeignKey(WorkflowStep, verbose_name=_("step"), null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    step_since = models.DateTimeField(_("at this step since"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "kind", "threshold", "ends_on"],
                                    condition=models.Q(kind="expiry"), name="reminder_once_per_expiry_threshold"),
            models.UniqueConstraint(fields=["agreement", "step", "step_since"],
                                    condition=models.Q(kind="step_waiting"), name="reminder_once_per_step_wait"),
        ]

    def __str__(self):
        return f"{self.agreement}: {self.get_kind_display()} ({self.threshold})"
