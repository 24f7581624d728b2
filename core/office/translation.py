from modeltranslation.translator import TranslationOptions, register

from core.office.models import AcademicUnit


@register(AcademicUnit)
class AcademicUnitTranslation(TranslationOptions):
    fields = ("name",)
