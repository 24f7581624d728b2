from modeltranslation.translator import TranslationOptions, register

from core.partners.models import Partner, PartnerUnit


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "letter_addressee")


@register(PartnerUnit)
class PartnerUnitTranslation(TranslationOptions):
    fields = ("name",)
