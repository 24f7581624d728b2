from modeltranslation.translator import TranslationOptions, register

from core.statutes.models import Clause, Revision, Statute


@register(Statute)
class StatuteTranslation(TranslationOptions):
    fields = ("title", "position", "place_in_organisation", "superior", "deputy", "requirements")


@register(Revision)
class RevisionTranslation(TranslationOptions):
    fields = ("description",)


@register(Clause)
class ClauseTranslation(TranslationOptions):
    fields = ("text",)
