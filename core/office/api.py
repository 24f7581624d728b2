"""The office's API: the caller's place in it, people, invitations, units, the audit log; thin calls into services."""

from django.db import connection
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.accounts.api import TokenOutput
from core.accounts.selectors import api_token_get, api_tokens
from core.accounts.services import api_token_revoke, two_factor_device, two_factor_reset
from core.audit.models import AuditEntry
from core.audit.selectors import AUDIT_ORDERING, audit_list, audit_rows
from core.office.models import AcademicUnit, Role
from core.office.permissions import Action, OfficePermission, membership_of, two_factor_required
from core.office.selectors import (
    office_settings_get,
    unit_get_for_user,
    units_for_user,
    user_get_for_user,
    users_for_user,
)
from core.office.services import (
    UNSET,
    invitation_create,
    membership_change,
    membership_require_two_factor,
    office_require_two_factor,
    unit_create,
    unit_delete,
    unit_update,
    user_set_active,
)
from kopru.api.fields import NamesInput, RequiredBooleanField, outdated_translations, translations_checked
from kopru.api.lists import RowListApi, datetime_text, ordering_field
from kopru.api.operations import ServiceApi
from kopru.api.query import query_values
from kopru.translated import translations


class MeApi(APIView):
    """Who the token or session belongs to, and what they are in this office."""

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "Me"

        id = serializers.IntegerField()
        username = serializers.CharField()
        display_name = serializers.CharField()
        email = serializers.CharField(help_text="An e-mail address, or empty when the account has none.")
        language = serializers.CharField(help_text="The user's own choice, else the university's default.")
        role = serializers.CharField(allow_null=True)
        academic_unit = serializers.DictField(allow_null=True)
        two_factor_enabled = serializers.BooleanField()
        two_factor_required = serializers.BooleanField()

    @extend_schema(responses=OutputSerializer)
    def get(self, request):
        user = request.user
        membership = membership_of(user)
        unit = membership.academic_unit if membership else None
        return Response(self.OutputSerializer({
            "id": user.pk, "username": user.username, "display_name": user.display_name, "email": user.email,
            "language": user.language or connection.tenant.default_language,
            "role": membership.role if membership else None,
            "academic_unit": {"id": unit.pk, "name": unit.name} if unit else None,
            "two_factor_enabled": two_factor_device(user) is not None,
            "two_factor_required": two_factor_required(user),
        }).data)


class PersonOutput(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField()
    email = serializers.CharField(help_text="An e-mail address, or empty when the account has none.")
    is_active = serializers.BooleanField()
    last_login = serializers.DateTimeField(allow_null=True)
    role = serializers.CharField(source="membership.role")
    academic_unit = serializers.IntegerField(source="membership.academic_unit_id", allow_null=True)
    two_factor_required = serializers.BooleanField(source="membership.two_factor_required")
    two_factor_enabled = serializers.BooleanField()


class UserListApi(ListAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE
    serializer_class = PersonOutput

    def get_queryset(self):
        return users_for_user(self.request.user).order_by("username")


class UserDetailApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_OFFICE, "PATCH": Action.MANAGE_USERS}
    serializer_class = PersonOutput

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "PersonUpdateInput"

        role = serializers.ChoiceField(choices=Role.choices, required=False)
        academic_unit = serializers.PrimaryKeyRelatedField(
            queryset=AcademicUnit.objects.all(), allow_null=True, required=False
        )
        two_factor_required = serializers.BooleanField(required=False)

    def get_queryset(self):
        return users_for_user(self.request.user)

    def get(self, request, user_id: int):
        return Response(PersonOutput(user_get_for_user(request.user, user_id)).data)

    @extend_schema(request=InputSerializer, responses=PersonOutput)
    def patch(self, request, user_id: int):
        person = user_get_for_user(request.user, user_id)
        changes = self.input(partial=True)
        if "role" in changes or "academic_unit" in changes:
            membership_change(
                person=person, acting_user=request.user,
                role=changes.get("role", person.membership.role),
                academic_unit=changes.get("academic_unit", person.membership.academic_unit),
            )
        if "two_factor_required" in changes:
            membership_require_two_factor(person=person, required=changes["two_factor_required"],
                                          acting_user=request.user)
        return Response(PersonOutput(user_get_for_user(request.user, user_id)).data)


class PersonActionApi(GenericAPIView):
    """POST on one person of the office, by an office admin; answers the person as they are after it."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_USERS
    serializer_class = PersonOutput

    def get_queryset(self):
        return users_for_user(self.request.user)

    def perform(self, *, person, acting_user) -> None:
        raise NotImplementedError

    @extend_schema(request=None, responses=PersonOutput)
    def post(self, request, user_id: int):
        self.perform(person=user_get_for_user(request.user, user_id), acting_user=request.user)
        return Response(PersonOutput(user_get_for_user(request.user, user_id)).data)


class UserActiveApi(PersonActionApi):
    """POST …/deactivate/ or …/reactivate/: the view is mounted twice with `active` set."""

    active = False

    def perform(self, *, person, acting_user) -> None:
        user_set_active(person=person, active=self.active, acting_user=acting_user)


class PersonTwoFactorResetApi(PersonActionApi):
    """Take away a person's second factor (a lost phone); their sessions and API tokens end too."""

    def perform(self, *, person, acting_user) -> None:
        two_factor_reset(person=person, acting_user=acting_user)


class PersonTokenListApi(ListAPIView):
    """A person's valid API tokens, for office admins (a person holds a few at most)."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_USERS
    serializer_class = TokenOutput
    pagination_class = None

    def get_queryset(self):
        return api_tokens(user=user_get_for_user(self.request.user, self.kwargs["user_id"]))


class PersonTokenRevokeApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_USERS
    serializer_class = TokenOutput

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, user_id: int, token_id: int):
        person = user_get_for_user(request.user, user_id)
        api_token_revoke(token=api_token_get(user=person, token_id=token_id), acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SecuritySettingsApi(ServiceApi):
    """The office's security policy: whether everyone in it must use two-factor authentication."""

    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_OFFICE, "PUT": Action.MANAGE_SETTINGS}

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "SecuritySettings"

        two_factor_required = serializers.BooleanField(
            help_text="Everyone in the office must set up and use a second factor.")

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "SecuritySettingsInput"

        two_factor_required = RequiredBooleanField()

    serializer_class = OutputSerializer

    def get(self, request):
        return self.output(office_settings_get())

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def put(self, request):
        required = self.input()["two_factor_required"]
        return self.output(office_require_two_factor(required=required, acting_user=request.user))


class InvitationCreateApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_USERS

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "InvitationCreateInput"

        email = serializers.EmailField()
        role = serializers.ChoiceField(choices=Role.choices)
        academic_unit = serializers.PrimaryKeyRelatedField(
            queryset=AcademicUnit.objects.all(), allow_null=True, required=False
        )

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "Invitation"

        id = serializers.IntegerField()
        email = serializers.EmailField()
        role = serializers.CharField()
        academic_unit = serializers.IntegerField(source="academic_unit_id", allow_null=True)
        expires_at = serializers.DateTimeField()

    serializer_class = InputSerializer

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request):
        invitation, _token = invitation_create(invited_by=request.user, **self.input())
        return self.created(invitation)


class UnitOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="In the request's language, or the closest one available.")
    names = serializers.SerializerMethodField()
    kind = serializers.CharField()
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    outdated_translations = outdated_translations()

    def get_names(self, unit) -> dict[str, str | None]:
        return translations(unit, "name")


class UnitInput(NamesInput):
    kind = serializers.ChoiceField(choices=AcademicUnit.Kind.choices, required=False)
    parent = serializers.PrimaryKeyRelatedField(queryset=AcademicUnit.objects.all(), allow_null=True, required=False)
    translations_checked = translations_checked("name")


class UnitListApi(ServiceApi, ListAPIView):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_OFFICE, "POST": Action.MANAGE_SETTINGS}
    serializer_class = UnitOutput

    def get_queryset(self):
        return units_for_user(self.request.user).order_by("pk")

    @extend_schema(request=UnitInput, responses={201: UnitOutput})
    def post(self, request):
        data = self.input(UnitInput)
        unit = unit_create(names=UnitInput.names(data) or {}, kind=data.get("kind", "faculty"),
                           parent=data.get("parent"), acting_user=request.user)
        return self.created(unit, UnitOutput)


class UnitDetailApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_OFFICE, "PATCH": Action.MANAGE_SETTINGS,
                        "DELETE": Action.MANAGE_SETTINGS}
    serializer_class = UnitOutput

    def get_queryset(self):
        return units_for_user(self.request.user)

    def get(self, request, unit_id: int):
        return Response(UnitOutput(unit_get_for_user(request.user, unit_id)).data)

    @extend_schema(request=UnitInput, responses=UnitOutput)
    def patch(self, request, unit_id: int):
        unit = unit_get_for_user(request.user, unit_id)
        data = self.input(UnitInput, partial=True)
        unit = unit_update(unit=unit, acting_user=request.user, names=UnitInput.names(data), kind=data.get("kind"),
                           parent=data.get("parent", UNSET),
                           names_checked="name" in data.get("translations_checked", []))
        return self.output(unit, UnitOutput)

    @extend_schema(responses={204: None})
    def delete(self, request, unit_id: int):
        unit_delete(unit=unit_get_for_user(request.user, unit_id), acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AuditEntryOutput(serializers.ModelSerializer):
    class Meta:
        model = AuditEntry
        fields = ["id", "at", "actor", "actor_label", "action", "action_label", "target_type", "target_id",
                  "target_label", "details"]
        extra_kwargs = {"target_label": {"help_text": "The record's name in the reader's language; in entries written "
                                                      "before names were kept per language, as its writer named it."}}


class AuditListApi(RowListApi):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_AUDIT
    serializer_class = AuditEntryOutput

    class QuerySerializer(serializers.Serializer):
        action = serializers.CharField(required=False, allow_blank=True, default="", max_length=64,
                                       help_text="Only entries of this action, e.g. membership.changed.")
        actor = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                         help_text="Only entries by this user id.")
        ordering = ordering_field(AUDIT_ORDERING)

    def get_queryset(self):
        query = query_values(self.QuerySerializer, self.request)
        return audit_list(action=query["action"], actor_id=query["actor"], ordering=query["ordering"])

    def rows(self, page) -> list[dict]:
        # The actor's id is named "actor" in the output: popped before the row is copied, so it is not there twice.
        return [{"actor": row.pop("actor_id"), **row, "at": datetime_text(row["at"])} for row in audit_rows(page)]

    @extend_schema(parameters=[QuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
