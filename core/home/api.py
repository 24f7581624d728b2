"""GET /api/home/: the home page's work queue for the API's caller, from the same selector."""

from dataclasses import asdict

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from core.home.selectors import work_queue
from core.office.permissions import Action, OfficePermission


class WaitingStepOutput(serializers.Serializer):
    agreement_id = serializers.IntegerField()
    title = serializers.CharField()
    step_id = serializers.IntegerField()
    step = serializers.CharField()
    clause = serializers.CharField()
    since = serializers.DateTimeField(help_text="When the agreement reached the step.")
    waited_days = serializers.IntegerField()
    overdue = serializers.BooleanField(help_text="Waiting longer than the step's reminder period.")
    link = serializers.CharField()


class ExpiringOutput(serializers.Serializer):
    agreement_id = serializers.IntegerField()
    title = serializers.CharField()
    ends_on = serializers.DateField()
    days_left = serializers.IntegerField()
    partners = serializers.ListField(child=serializers.CharField())
    link = serializers.CharField()


class RequestToAnswerOutput(serializers.Serializer):
    id = serializers.IntegerField()
    subject = serializers.CharField()
    sender = serializers.CharField()
    received_on = serializers.DateField()
    waited_days = serializers.IntegerField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    agreement_id = serializers.IntegerField()
    agreement_title = serializers.CharField()
    unit = serializers.CharField(allow_null=True)
    link = serializers.CharField()


class UnreadNotificationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    created_at = serializers.DateTimeField()
    link = serializers.CharField()


class StatusCountOutput(serializers.Serializer):
    status = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    link = serializers.CharField(help_text="The agreement list filtered to this status.")


class ActivityOutput(serializers.Serializer):
    id = serializers.IntegerField()
    at = serializers.DateTimeField()
    actor_label = serializers.CharField()
    action = serializers.CharField()
    action_label = serializers.CharField()
    target_type = serializers.CharField()
    target_id = serializers.CharField()
    target_label = serializers.CharField()
    link = serializers.CharField()


def _section(item: type[serializers.Serializer], name: str) -> serializers.Serializer:
    class SectionOutput(serializers.Serializer):
        items = item(many=True)
        total = serializers.IntegerField(help_text="How many there are in all; `items` holds the first ones.")

    SectionOutput.__name__ = name
    return SectionOutput()


class HomeApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "WorkQueue"

        waiting_steps = _section(WaitingStepOutput, "WaitingStepsSection")
        expiring = _section(ExpiringOutput, "ExpiringSection")
        expiry_horizon_days = serializers.IntegerField(allow_null=True)
        requests = _section(RequestToAnswerOutput, "RequestsSection")
        unread_notifications = _section(UnreadNotificationOutput, "UnreadNotificationsSection")
        status_counts = StatusCountOutput(many=True)
        activity = ActivityOutput(many=True)
        may_create_agreement = serializers.BooleanField()

    serializer_class = OutputSerializer

    @extend_schema(responses=OutputSerializer)
    def get(self, request):
        return Response(self.OutputSerializer(asdict(work_queue(request.user))).data)
