"""The workflow API: the office's steps, an agreement's timeline and its moves; thin calls into services."""

from django.conf import settings
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from core.agreements.models import DocumentKind, SignatureSide, Transition, WorkflowStep
from core.agreements.selectors import agreement_get_for_user
from core.agreements.workflow.selectors import agreement_step, agreement_timeline, workflow_default, workflow_step_get
from core.agreements.workflow.services import (
    LETTER_TEXTS,
    STEP_SETTINGS,
    agreement_complete_step,
    agreement_reject,
    agreement_skip_step,
    agreement_submit,
    workflow_step_add,
    workflow_step_move,
    workflow_step_remove,
    workflow_step_update,
)
from core.office.models import Role
from core.office.permissions import Action, OfficePermission
from kopru.api.fields import (
    NamesInput,
    TextsField,
    TextsInput,
    outdated_translations,
    translations_checked,
)
from kopru.api.operations import ServiceApi
from kopru.api.parsers import JSONParser
from kopru.errors import NotFound
from kopru.translated import translations

UPLOAD_KINDS = [kind for kind in DocumentKind.values if kind != DocumentKind.COVER_LETTER]


class StepOutput(serializers.Serializer):
    class Meta:
        ref_name = "WorkflowStep"

    id = serializers.IntegerField()
    position = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField(help_text="In the request's language, or the closest one available.")
    names = serializers.SerializerMethodField()
    clause = serializers.CharField()
    role = serializers.CharField()
    required_documents = serializers.ListField(child=serializers.CharField())
    produced_documents = serializers.ListField(child=serializers.CharField())
    skippable = serializers.BooleanField()
    sends_letter = serializers.BooleanField()
    letter_addressee = serializers.CharField()
    letter_language = serializers.CharField(help_text="Empty: the university's language.")
    letter_subject = TextsField("letter_subject")
    signatory_name = serializers.CharField()
    signatory_title = TextsField("signatory_title")
    signs_for = TextsField("signs_for")
    checks_recognition = serializers.BooleanField()
    puts_in_force = serializers.BooleanField()
    publishes = serializers.BooleanField(help_text="Completing the step shows the agreement on the public list.")
    records_signature = serializers.CharField(help_text="ours, partner, or empty: whose signature it dates.")
    reminder_days = serializers.IntegerField(allow_null=True)
    outdated_translations = outdated_translations()

    def get_names(self, step) -> dict[str, str | None]:
        return translations(step, "name")





class StepRef(serializers.Serializer):
    class Meta:
        ref_name = "WorkflowStepRef"

    id = serializers.IntegerField()
    name = serializers.CharField()


class VersionOutput(serializers.Serializer):
    class Meta:
        ref_name = "TransitionDocumentVersion"

    number = serializers.IntegerField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()


class DocumentOutput(serializers.Serializer):
    class Meta:
        ref_name = "TransitionDocument"

    id = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField()
    versions = VersionOutput(many=True)


class TransitionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    action = serializers.ChoiceField(choices=Transition.Action.choices)
    action_label = serializers.CharField(source="get_action_display")
    step = StepRef(allow_null=True)
    to_step = StepRef(allow_null=True)
    actor = serializers.IntegerField(source="actor_id", allow_null=True)
    actor_name = serializers.SerializerMethodField()
    at = serializers.DateTimeField()
    comment = serializers.CharField()
    documents = DocumentOutput(many=True)

    def get_actor_name(self, transition) -> str:
        return transition.actor.display_name if transition.actor else ""


class TimelineOutput(serializers.Serializer):
    agreement = serializers.IntegerField(source="agreement.pk")
    status = serializers.CharField(source="agreement.status")
    current_step = StepOutput(allow_null=True)
    step_since = serializers.DateTimeField(source="agreement.step_since", allow_null=True)
    missing_documents = serializers.ListField(child=serializers.CharField(),
                                              help_text="Document kinds the current step still needs.")
    recognition_blocks = serializers.ListField(child=serializers.CharField(),
                                               help_text="Why the recognition step cannot be completed yet.")
    may_submit = serializers.BooleanField()
    may_act = serializers.BooleanField(help_text="Whether the caller may complete, skip or reject the current step.")
    transitions = TransitionOutput(many=True)


class WorkflowOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    steps = StepOutput(many=True, source="steps.all")


class _AgreementMove(ServiceApi):
    """A move of one agreement, answered with its timeline; the agreement is fetched for the caller (404)."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_AGREEMENTS
    serializer_class = TimelineOutput

    def timeline(self, request, agreement_id: int) -> Response:
        agreement = agreement_get_for_user(request.user, agreement_id)
        return Response(TimelineOutput(agreement_timeline(agreement, request.user)).data)


class TimelineApi(_AgreementMove):
    required_action = Action.VIEW_AGREEMENTS

    def get(self, request, agreement_id: int):
        return self.timeline(request, agreement_id)


class CommentInput(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class SubmitApi(_AgreementMove):
    @extend_schema(request=CommentInput, responses=TimelineOutput)
    def post(self, request, agreement_id: int):
        agreement = agreement_get_for_user(request.user, agreement_id)
        agreement_submit(agreement=agreement, acting_user=request.user, comment=self.input(CommentInput)["comment"])
        return self.timeline(request, agreement_id)


class StepCommentInput(CommentInput):
    step = serializers.IntegerField(help_text="The current step: a move made on a page that is out of date fails.")


# One optional upload per document kind, named by the kind: `legal_opinion=@opinion.pdf`.
StepCompleteInput = type("StepCompleteInput", (StepCommentInput,), {
    "signed_on": serializers.DateField(
        required=False, allow_null=True,
        help_text="On a step that records a signature: the date of signature (today when left out)."),
    **{kind: serializers.FileField(required=False, help_text=str(DocumentKind(kind).label)) for kind in UPLOAD_KINDS},
})


class CompleteApi(_AgreementMove):
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(request=StepCompleteInput, responses=TimelineOutput)
    def post(self, request, agreement_id: int):
        agreement = agreement_get_for_user(request.user, agreement_id)
        data = self.input(StepCompleteInput)
        uploads = {kind: data[kind] for kind in UPLOAD_KINDS if data.get(kind)}
        agreement_complete_step(agreement=agreement, step=agreement_step(agreement, data["step"]),
                                acting_user=request.user, comment=data["comment"], uploads=uploads,
                                signed_on=data.get("signed_on"))
        return self.timeline(request, agreement_id)


class SkipApi(_AgreementMove):
    @extend_schema(request=StepCommentInput, responses=TimelineOutput)
    def post(self, request, agreement_id: int):
        agreement = agreement_get_for_user(request.user, agreement_id)
        data = self.input(StepCommentInput)
        agreement_skip_step(agreement=agreement, step=agreement_step(agreement, data["step"]),
                            acting_user=request.user, comment=data["comment"])
        return self.timeline(request, agreement_id)


class RejectInput(serializers.Serializer):
    step = serializers.IntegerField(help_text="The current step.")
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    to_step = serializers.IntegerField(required=False, allow_null=True, default=None,
                                       help_text="An earlier step to go back to; the previous one when left out.")


class RejectApi(_AgreementMove):
    @extend_schema(request=RejectInput, responses=TimelineOutput)
    def post(self, request, agreement_id: int):
        agreement = agreement_get_for_user(request.user, agreement_id)
        data = self.input(RejectInput)
        to_step = data["to_step"]
        agreement_reject(
            agreement=agreement, step=agreement_step(agreement, data["step"]), acting_user=request.user,
            reason=data["reason"],
            to_step=agreement_step(agreement, to_step, field_name="to_step") if to_step is not None else None,
        )
        return self.timeline(request, agreement_id)


# The office's workflow ---------------------------------------------------------------------------

class StepInput(NamesInput):
    class Meta:
        ref_name = "WorkflowStepInput"

    clause = serializers.CharField(max_length=32, required=False, allow_blank=True)
    role = serializers.ChoiceField(choices=Role.choices, required=False,
                                   help_text="An office admin, a coordinator or an officer.")
    required_documents = serializers.ListField(child=serializers.ChoiceField(choices=DocumentKind.choices),
                                               required=False)
    produced_documents = serializers.ListField(child=serializers.ChoiceField(choices=DocumentKind.choices),
                                               required=False)
    skippable = serializers.BooleanField(required=False)
    sends_letter = serializers.BooleanField(required=False)
    letter_addressee = serializers.ChoiceField(choices=WorkflowStep.Addressee.choices, required=False,
                                               help_text="Whom the step's cover letter goes to.")
    letter_language = serializers.ChoiceField(choices=["", *(code for code, _name in settings.LANGUAGES)],
                                              required=False, help_text="Empty: the university's language.")
    letter_subject = TextsInput(required=False, help_text="The letter's subject; empty: the usual one.")
    signatory_name = serializers.CharField(max_length=255, required=False, allow_blank=True,
                                           help_text="Who signs the letter; empty: whoever completes the step.")
    signatory_title = TextsInput(required=False)
    signs_for = TextsInput(required=False, help_text="The authority signed for, printed e.g. “Rektör a.”.")
    checks_recognition = serializers.BooleanField(required=False)
    puts_in_force = serializers.BooleanField(required=False)
    publishes = serializers.BooleanField(required=False)
    records_signature = serializers.ChoiceField(choices=["", *SignatureSide.values], required=False,
                                                help_text="Whose signatories completing the step dates; empty: none.")
    reminder_days = serializers.IntegerField(min_value=1, max_value=365, required=False, allow_null=True)
    position = serializers.IntegerField(min_value=1, required=False, help_text="1 = first; the end when left out.")
    translations_checked = translations_checked("name", *LETTER_TEXTS)

    @staticmethod
    def split(data: dict) -> tuple[dict[str, str] | None, dict, dict[str, dict[str, str]]]:
        """The names, the settings and the letter's texts the body gave."""
        return (NamesInput.names(data), {name: data[name] for name in STEP_SETTINGS if name in data},
                {name: data[name] for name in LETTER_TEXTS if name in data})


def _default_workflow():
    workflow = workflow_default()
    if workflow is None:
        raise NotFound(gettext("The office has no approval workflow with steps yet."))
    return workflow


class WorkflowApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_AGREEMENTS
    serializer_class = WorkflowOutput

    def get(self, request):
        return Response(WorkflowOutput(_default_workflow()).data)


class StepListApi(ServiceApi):
    parser_classes = [JSONParser]  # the letter's texts are objects by language, which a form cannot carry
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_WORKFLOWS
    serializer_class = StepOutput

    @extend_schema(request=StepInput, responses={201: StepOutput})
    def post(self, request):
        data = self.input(StepInput)
        names, step_settings, letter_texts = StepInput.split(data)
        step = workflow_step_add(workflow=_default_workflow(), names=names or {}, acting_user=request.user,
                                 position=data.get("position"), letter_texts=letter_texts, **step_settings)
        return self.created(step, StepOutput)


class StepDetailApi(ServiceApi):
    parser_classes = [JSONParser]  # the letter's texts are objects by language, which a form cannot carry
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_WORKFLOWS
    serializer_class = StepOutput

    @extend_schema(request=StepInput, responses=StepOutput)
    def patch(self, request, step_id: int):
        step = workflow_step_get(step_id)
        data = self.input(StepInput, partial=True)
        names, step_settings, letter_texts = StepInput.split(data)
        checked = data.get("translations_checked", [])
        if names or step_settings or letter_texts or checked:
            step = workflow_step_update(step=step, names=names, letter_texts=letter_texts, acting_user=request.user,
                                        translations_checked=checked, **step_settings)
        if "position" in data:
            step = workflow_step_move(step=step, position=data["position"], acting_user=request.user)
        return self.output(step, StepOutput)

    @extend_schema(responses={204: None})
    def delete(self, request, step_id: int):
        workflow_step_remove(step=workflow_step_get(step_id), acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
