from modeltranslation.translator import TranslationOptions, register

from core.statutes.models import AgreedBy, Clause, Revision, Statute


@register(Statute)
class StatuteTranslation(TranslationOptions):
    fields = ("title", "prepared_by_title", "approved_by_title", "position", "place_in_organisation", "superior",
              "deputy", "requirements")


@register(AgreedBy)
class AgreedByTranslation(TranslationOptions):
    fields = ("title",)


@register(Revision)
class RevisionTranslation(TranslationOptions):
    fields = ("description",)


@register(Clause)
class ClauseTranslation(TranslationOptions):
    fields = ("text",)
