from modeltranslation.translator import TranslationOptions, register

from core.documents.models import Letterhead


@register(Letterhead)
class LetterheadTranslation(TranslationOptions):
    fields = ("unit_name", "address", "contact_title")
