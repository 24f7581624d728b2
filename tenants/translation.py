from modeltranslation.translator import TranslationOptions, register

from tenants.models import University


@register(University)
class UniversityTranslation(TranslationOptions):
    fields = ("name",)
