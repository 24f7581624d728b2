"""The platform API on the root domain: onboarding and the universities' state, for platform admins only.

Users, tokens and sessions of a university live in its own schema, so none of them exists
here: whatever a university's host issued is refused (401) on the root domain.
"""

from django.conf import settings
from django.db import connection
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from console.deletion import (
    DEFAULT_GRACE_DAYS,
    deletion_confirmation_check,
    university_cancel_deletion,
    university_schedule_deletion,
)
from console.selectors import provisioning_job_for_console, universities_with_activity, university_for_console
from console.services import university_add_domain, university_onboard, university_reactivate, university_suspend
from console.views import is_platform_admin
from kopru.api.operations import ServiceApi
from tenants.serializers import UniversityProfileOutput


class IsPlatformAdmin(BasePermission):
    def has_permission(self, request, view):
        return is_platform_admin(request.user) and connection.schema_name == settings.PUBLIC_SCHEMA_NAME


class PlatformApi(ServiceApi):
    permission_classes = [IsPlatformAdmin]
    pagination_class = None  # the platform's lists come whole


class NamesField(serializers.DictField):
    child = serializers.CharField(allow_blank=True, max_length=255)


class DomainOutput(serializers.Serializer):
    domain = serializers.CharField()
    is_primary = serializers.BooleanField()


class UniversityOutput(UniversityProfileOutput):
    class Meta:
        ref_name = "PlatformUniversity"

    status = serializers.CharField()
    domains = DomainOutput(many=True, source="domains.all")
    deletion_requested_at = serializers.DateTimeField(allow_null=True)
    deletion_due_at = serializers.DateTimeField(allow_null=True, help_text="Null unless a deletion is scheduled.")


class UniversityWithActivityOutput(UniversityOutput):
    class Meta:
        ref_name = "PlatformUniversityWithActivity"

    active_users = serializers.IntegerField()
    last_login = serializers.DateTimeField(allow_null=True)


class JobOutput(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    university = serializers.CharField(source="university.slug", allow_null=True, help_text="Null once deleted.")
    status = serializers.CharField()
    step = serializers.CharField()
    step_label = serializers.CharField(source="get_step_display")
    progress = serializers.IntegerField(help_text="Percent")
    error = serializers.CharField()
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, job) -> str:
        return reverse("api-provisioning-job", args=[job.pk])


class UniversityListApi(PlatformApi):
    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "UniversityOnboarding"

        names = NamesField(help_text="The name per language code (tr, ky, ru, en).")
        short_name = serializers.CharField(max_length=64, required=False, allow_blank=True)
        slug = serializers.CharField(max_length=40)
        country = serializers.CharField(max_length=2)
        city = serializers.CharField(max_length=128, required=False, allow_blank=True)
        default_language = serializers.CharField(max_length=8)
        languages = serializers.ListField(child=serializers.CharField(max_length=8))
        erasmus_code = serializers.CharField(max_length=32, required=False, allow_blank=True)
        website = serializers.URLField(required=False, allow_blank=True)
        admin_email = serializers.CharField(max_length=254)

    @extend_schema(responses=UniversityWithActivityOutput(many=True))
    def get(self, request):
        return Response(UniversityWithActivityOutput(universities_with_activity(), many=True).data)

    @extend_schema(request=InputSerializer, responses={202: JobOutput})
    def post(self, request):
        job = university_onboard(acting_user=request.user, **self.input())
        return Response(JobOutput(job).data, status=status.HTTP_202_ACCEPTED)


class UniversityDetailApi(PlatformApi):
    @extend_schema(responses=UniversityOutput)
    def get(self, request, slug: str):
        return Response(UniversityOutput(university_for_console(slug)).data)


class UniversityStatusApi(PlatformApi):
    service = None

    @extend_schema(request=None, responses=UniversityOutput)
    def post(self, request, slug: str):
        university = type(self).service(university=university_for_console(slug), acting_user=request.user)
        return Response(UniversityOutput(university).data)


class UniversitySuspendApi(UniversityStatusApi):
    service = university_suspend


class UniversityReactivateApi(UniversityStatusApi):
    service = university_reactivate


class UniversityDomainsApi(PlatformApi):
    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "DomainAddition"

        domain = serializers.CharField(max_length=253)

    @extend_schema(responses=DomainOutput(many=True))
    def get(self, request, slug: str):
        domains = university_for_console(slug).domains.order_by("-is_primary", "domain")
        return Response(DomainOutput(domains, many=True).data)

    @extend_schema(request=InputSerializer, responses={201: DomainOutput})
    def post(self, request, slug: str):
        domain = university_add_domain(university=university_for_console(slug), acting_user=request.user,
                                       **self.input())
        return Response(DomainOutput(domain).data, status=status.HTTP_201_CREATED)


class UniversityDeletionApi(PlatformApi):
    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "UniversityDeletion"

        confirmation = serializers.CharField(max_length=63, help_text="The university's slug, typed again.")
        grace_days = serializers.IntegerField(default=DEFAULT_GRACE_DAYS,
                                              help_text="Days the university stays closed before it is deleted.")

    @extend_schema(request=InputSerializer, responses=UniversityOutput)
    def post(self, request, slug: str):
        """Schedule the deletion: the university closes at once and is deleted when the grace period ends."""
        data = self.input()
        university = university_for_console(slug)
        deletion_confirmation_check(university=university, typed=data["confirmation"])
        university_schedule_deletion(university=university, acting_user=request.user, grace_days=data["grace_days"])
        return Response(UniversityOutput(university).data)

    @extend_schema(request=None, responses=UniversityOutput)
    def delete(self, request, slug: str):
        """Cancel a scheduled deletion: the university opens again."""
        university = university_cancel_deletion(university=university_for_console(slug), acting_user=request.user)
        return Response(UniversityOutput(university).data)


class ProvisioningJobApi(PlatformApi):
    @extend_schema(responses=JobOutput)
    def get(self, request, job_id: int):
        return Response(JobOutput(provisioning_job_for_console(job_id)).data)
