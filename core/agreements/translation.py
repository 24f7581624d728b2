from modeltranslation.translator import TranslationOptions, register

from core.agreements.models import Agreement, AgreementDocument, IscedField, Signatory, Workflow, WorkflowStep


@register(IscedField)
class IscedFieldTranslation(TranslationOptions):
    fields = ("name",)


@register(Workflow)
class WorkflowTranslation(TranslationOptions):
    fields = ("name",)


@register(WorkflowStep)
class WorkflowStepTranslation(TranslationOptions):
    fields = ("name", "letter_subject", "signatory_title", "signs_for")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title",)


@register(Signatory)
class SignatoryTranslation(TranslationOptions):
    fields = ("title",)


@register(AgreementDocument)
class AgreementDocumentTranslation(TranslationOptions):
    fields = ("title",)
