"""Notifications, each person's own; thin calls into services."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from core.notifications.selectors import (
    NOTIFICATION_ORDERING,
    notification_get_for_user,
    notification_values,
    notifications_for_user,
)
from core.notifications.services import notification_mark_read, notifications_mark_all_read
from core.office.permissions import Action, OfficePermission
from kopru.api.lists import RowListApi, datetime_text, ordering_field
from kopru.api.query import query_values


class NotificationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    text = serializers.CharField()
    link = serializers.CharField(help_text="A path on the university's host, or empty.")
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class NotificationListApi(RowListApi):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE
    serializer_class = NotificationOutput

    class QuerySerializer(serializers.Serializer):
        unread = serializers.BooleanField(default=False, help_text="Only notifications not read yet.")
        ordering = ordering_field(NOTIFICATION_ORDERING)

    def get_queryset(self):
        query = query_values(self.QuerySerializer, self.request)
        return notification_values(self.request.user, unread_only=query["unread"], ordering=query["ordering"])

    def rows(self, page) -> list[dict]:
        return [{**row, "created_at": datetime_text(row["created_at"]), "read_at": datetime_text(row["read_at"])}
                for row in page]

    @extend_schema(parameters=[QuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class NotificationReadApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE
    serializer_class = NotificationOutput

    def get_queryset(self):
        return notifications_for_user(self.request.user)

    @extend_schema(request=None, responses=NotificationOutput)
    def post(self, request, notification_id: int):
        notification = notification_get_for_user(request.user, notification_id)
        return Response(NotificationOutput(notification_mark_read(notification=notification,
                                                                  acting_user=request.user)).data)


class NotificationReadAllApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "NotificationsMarkedRead"

        marked = serializers.IntegerField(help_text="How many were unread until now.")

    serializer_class = OutputSerializer

    @extend_schema(request=None, responses=OutputSerializer)
    def post(self, request):
        return Response({"marked": notifications_mark_all_read(acting_user=request.user)})
