"""The office's reminder settings: when agreements about to expire and waiting workflow steps are recalled."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from core.agreements.reminders.services import reminder_settings_update
from core.office.permissions import Action, OfficePermission
from core.office.selectors import office_settings_get
from kopru.api.operations import ServiceApi


class ReminderSettingsApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_OFFICE, "PUT": Action.MANAGE_SETTINGS}

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "ReminderSettings"

        expiry_reminder_days = serializers.ListField(
            child=serializers.IntegerField(), help_text="Days before an agreement's end, largest first.")
        step_reminder_days = serializers.IntegerField(
            help_text="Days a workflow step may wait before a reminder, unless the step sets its own.")

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "ReminderSettingsInput"

        expiry_reminder_days = serializers.ListField(child=serializers.IntegerField(), allow_empty=True)
        step_reminder_days = serializers.IntegerField()

    serializer_class = OutputSerializer

    def get(self, request):
        return self.output(office_settings_get())

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def put(self, request):
        return self.output(reminder_settings_update(acting_user=request.user, **self.input()))
