from modeltranslation.translator import TranslationOptions, register

from core.partners.models import Partner, PartnerUnit


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name",)


@register(PartnerUnit)
class PartnerUnitTranslation(TranslationOptions):
    fields = ("name",)
