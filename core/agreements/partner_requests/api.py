"""The API of requests under agreements (seed 000 7.10); unit staff see and answer their units' requests only."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from core.agreements.models import AgreementRequest
from core.agreements.partner_requests.selectors import (
    REQUEST_ORDERING,
    RequestAction,
    agreements_open_for_requests,
    request_actions_for_user,
    request_get_for_user,
    request_rows,
    request_values,
)
from core.agreements.partner_requests.services import request_answer, request_close, request_forward, request_register
from core.office.models import AcademicUnit
from core.office.permissions import Action, OfficePermission
from kopru.api.lists import RowListApi, datetime_text, ordering_field
from kopru.api.operations import ServiceApi
from kopru.api.parsers import JSONParser
from kopru.api.query import query_values


class RequestOutput(serializers.Serializer):
    class Meta:
        ref_name = "AgreementRequest"

    id = serializers.IntegerField()
    agreement = serializers.IntegerField(source="agreement_id")
    agreement_title = serializers.CharField(source="agreement.title")
    received_on = serializers.DateField()
    sender = serializers.CharField()
    subject = serializers.CharField()
    body = serializers.CharField()
    has_letter = serializers.SerializerMethodField()
    unit = serializers.IntegerField(source="unit_id", allow_null=True)
    status = serializers.ChoiceField(choices=AgreementRequest.Status.choices)
    answer = serializers.CharField()
    created_at = serializers.DateTimeField()
    unit_name = serializers.CharField(source="unit.name", allow_null=True, default=None,
                                      help_text="In the request's language.")
    status_label = serializers.CharField(source="get_status_display")

    def get_has_letter(self, agreement_request) -> bool:
        return bool(agreement_request.letter)


class RequestDetailOutput(RequestOutput):
    class Meta:
        ref_name = "AgreementRequestDetail"

    actions = serializers.SerializerMethodField(help_text="What the reader may do with the request now.")

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=list(RequestAction))))
    def get_actions(self, agreement_request) -> list[str]:
        return request_actions_for_user(self.context["user"], agreement_request)


class RequestRegisterInput(serializers.Serializer):
    agreement = serializers.PrimaryKeyRelatedField(queryset=agreements_open_for_requests(),
                                                   help_text="An agreement in force.")
    received_on = serializers.DateField()
    sender = serializers.CharField(max_length=255)
    subject = serializers.CharField(max_length=255)
    body = serializers.CharField(required=False, allow_blank=True, default="")
    letter = serializers.FileField(required=False, allow_null=True, default=None)


class RequestListApi(RowListApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.ANSWER_REQUESTS, "POST": Action.REGISTER_REQUESTS}
    serializer_class = RequestOutput
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    class QuerySerializer(serializers.Serializer):
        status = serializers.ChoiceField(choices=AgreementRequest.Status.choices, required=False, allow_blank=True,
                                         default="")
        ordering = ordering_field(REQUEST_ORDERING)

    def get_queryset(self):
        query = query_values(self.QuerySerializer, self.request)
        return request_values(self.request.user, status=query["status"], ordering=query["ordering"])

    def rows(self, page) -> list[dict]:
        return [{**row, "created_at": datetime_text(row["created_at"])} for row in request_rows(page)]

    @extend_schema(parameters=[QuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=RequestRegisterInput, responses={201: RequestOutput})
    def post(self, request):
        registered = request_register(acting_user=request.user, **self.input(RequestRegisterInput))
        return self.created(registered, RequestOutput)


class RequestDetailApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.ANSWER_REQUESTS
    serializer_class = RequestDetailOutput

    def get(self, request, request_id: int):
        found = request_get_for_user(request.user, request_id)
        return Response(RequestDetailOutput(found, context={"user": request.user}).data)


class RequestForwardInput(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=AcademicUnit.objects.all())


class RequestForwardApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.REGISTER_REQUESTS
    serializer_class = RequestOutput

    @extend_schema(request=RequestForwardInput, responses=RequestOutput)
    def post(self, request, request_id: int):
        found = request_get_for_user(request.user, request_id)
        unit = self.input(RequestForwardInput)["unit"]
        return self.output(request_forward(agreement_request=found, unit=unit, acting_user=request.user),
                           RequestOutput)


class RequestAnswerInput(serializers.Serializer):
    answer = serializers.CharField(allow_blank=True)


class RequestAnswerApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.ANSWER_REQUESTS
    serializer_class = RequestOutput

    @extend_schema(request=RequestAnswerInput, responses=RequestOutput)
    def post(self, request, request_id: int):
        found = request_get_for_user(request.user, request_id)
        answer = self.input(RequestAnswerInput)["answer"]
        return self.output(request_answer(agreement_request=found, answer=answer, acting_user=request.user),
                           RequestOutput)


class RequestCloseApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.REGISTER_REQUESTS
    serializer_class = RequestOutput

    @extend_schema(request=None, responses=RequestOutput)
    def post(self, request, request_id: int):
        found = request_get_for_user(request.user, request_id)
        return Response(RequestOutput(request_close(agreement_request=found, acting_user=request.user)).data)
