from modeltranslation.translator import TranslationOptions, register

from core.partners.models import Partner, PartnerContact, PartnerUnit


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "letter_addressee", "city")


@register(PartnerUnit)
class PartnerUnitTranslation(TranslationOptions):
    fields = ("name",)


@register(PartnerContact)
class PartnerContactTranslation(TranslationOptions):
    fields = ("position",)
