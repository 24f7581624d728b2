import factory

from core.agreements.models import Agreement, Workflow, WorkflowStep
from core.office.models import Role
from tests.factories.partners import PartnerFactory
from tests.factories.translated import TranslatedFactory, in_four_languages


class AgreementFactory(TranslatedFactory):
    """A bilateral protocol in force (what most reading tests want) with a partner of its own unless given some."""

    _translated = {"titles": "title"}

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    kind = Agreement.Kind.BILATERAL
    titles = factory.Sequence(lambda number: in_four_languages(
        f"İşbirliği protokolü {number}", f"Кызматташуу келишими {number}", f"Протокол о сотрудничестве {number}",
        f"Cooperation protocol {number}"))
    status = Agreement.Status.IN_FORCE

    @factory.post_generation
    def partners(agreement, create, extracted, **kwargs):
        if create:
            agreement.partners.set(extracted if extracted is not None else [PartnerFactory()])


class WorkflowFactory(TranslatedFactory):
    _translated = {"names": "name"}

    class Meta:
        model = Workflow

    names = factory.Sequence(lambda number: in_four_languages(
        f"Onay {number}", f"Бекитүү {number}", f"Утверждение {number}", f"Approval {number}"))


class WorkflowStepFactory(TranslatedFactory):
    """A step at the end of its workflow (a new workflow unless given), with a code of its own."""

    _translated = {"names": "name"}

    class Meta:
        model = WorkflowStep

    workflow = factory.SubFactory(WorkflowFactory)
    position = factory.LazyAttribute(lambda step: step.workflow.steps.count() + 1)
    code = factory.Sequence(lambda number: f"step_{number}")
    names = factory.LazyAttribute(lambda step: in_four_languages(step.code, step.code, step.code, step.code))
    role = Role.OFFICER
