"""Institutions the office works with, as the office knows them (seed 000 7.3–7.5)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.documents.models import GeneratedDocument
from core.partners.validators import (
    validate_erasmus_code,
    validate_oid,
    validate_pic,
    validate_ror,
    validate_schac,
)
from kopru.text import CleanText
from kopru.translated import TracksTranslations


class Recognition(models.TextChoices):
    """The recognition of a foreign institution where the university's country asks for it (core.partners.recognition):
    in Türkiye YÖK's (okul tanıma), seed 000 7.5."""

    UNCHECKED = "unchecked", _("Not checked")
    RECOGNISED = "recognised", _("Recognised")
    NOT_RECOGNISED = "not_recognised", _("Not recognised")
    ASKED_YOK = "asked_yok", _("Asked YÖK")


class Partner(CleanText, TracksTranslations):
    # Translated with modeltranslation: name_tr, name_ky, name_ru, name_en; so are letter_addressee and city.
    name = models.CharField(_("name"), max_length=255)
    # How letters address the partner's head, in each language's own grammar: "Varşova Üniversitesi Rektörlüğüne",
    # "Варшава университетинин ректоруна", "Ректору Варшавского университета".
    letter_addressee = models.CharField(  # translated
        _("addressed in letters as"), max_length=255, blank=True,
        help_text=_("The head of the partner as a letter addresses them, e.g. “Ректору Варшавского университета”."))
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code"))
    city = models.CharField(_("city"), max_length=128, blank=True)  # translated: Viyana, Вена, Vienna
    website = models.URLField(_("website"), blank=True)
    erasmus_code = models.CharField(_("Erasmus code"), max_length=16, blank=True, validators=[validate_erasmus_code])
    pic = models.CharField(_("PIC"), max_length=9, blank=True, validators=[validate_pic])
    oid = models.CharField(_("OID"), max_length=9, blank=True, validators=[validate_oid])
    schac = models.CharField(_("SCHAC code"), max_length=253, blank=True, validators=[validate_schac])
    ror = models.CharField(_("ROR id"), max_length=9, blank=True, validators=[validate_ror])
    notes = models.TextField(_("notes"), blank=True)
    # The partner's own Köprü host, when it has one (the cross-tenant directory links them).
    kopru_slug = models.SlugField(_("Köprü address"), max_length=63, blank=True)
    # The latest recognition check, kept here so lists and workflow rules read it without a join.
    recognition = models.CharField(
        _("recognition"), max_length=16, choices=Recognition.choices, default=Recognition.UNCHECKED
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Its generated documents (core.documents): deleted with it.
    generated_documents = GenericRelation(GeneratedDocument, content_type_field="subject_type",
                                          object_id_field="subject_id")

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["erasmus_code"], condition=~models.Q(erasmus_code=""), name="partner_unique_erasmus_code"
            ),
            models.UniqueConstraint(fields=["pic"], condition=~models.Q(pic=""), name="partner_unique_pic"),
        ]

    def __str__(self):
        return self.name


class PartnerUnit(CleanText, models.Model):
    """A faculty, department or institute of the partner the office deals with."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("name"), max_length=255)  # translated

    class Meta:
        verbose_name = _("partner unit")
        verbose_name_plural = _("partner units")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PartnerContact(CleanText, models.Model):
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)  # translated
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-is_primary", "name"]

    def __str__(self):
        return self.name


class RankingEntry(CleanText, models.Model):
    class System(models.TextChoices):
        THE = "THE", _("Times Higher Education")
        QS = "QS", _("QS World University Rankings")
        ARWU = "ARWU", _("Academic Ranking of World Universities")

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="rankings")
    system = models.CharField(_("ranking"), max_length=8, choices=System.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    # Either an exact rank or a band such as "501–600", as the ranking publishes it.
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    band = models.CharField(_("band"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("ranking entry")
        verbose_name_plural = _("ranking entries")
        ordering = ["system", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "system", "year"], name="ranking_one_per_system_year"),
            models.CheckConstraint(condition=~models.Q(rank=None, band=""), name="ranking_has_rank_or_band"),
        ]

    def __str__(self):
        return f"{self.system} {self.year}: {self.rank or self.band}"


class RecognitionCheck(CleanText, models.Model):
    """One check of the partner against YÖK's list, with its evidence (seed 000 7.5)."""

    class Method(models.TextChoices):
        OKULTANIMA = "okultanima", _("okultanima.yok.gov.tr result")
        YOK_LETTER = "yok_letter", _("YÖK's letter")

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="recognition_checks")
    status = models.CharField(_("status"), max_length=16, choices=Recognition.choices)
    checked_on = models.DateField(_("checked on"))
    method = models.CharField(_("how"), max_length=16, choices=Method.choices)
    reference = models.CharField(_("reference"), max_length=255, blank=True,
                                 help_text=_("The letter's number, or the address of the result."))
    evidence = models.FileField(_("evidence"), upload_to="partners/recognition/", blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("recognition check")
        verbose_name_plural = _("recognition checks")
        ordering = ["-checked_on", "-id"]

    def __str__(self):
        return f"{self.partner}: {self.get_status_display()} ({self.checked_on})"
