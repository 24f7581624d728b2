"""The API's side of the public list: the office shows or hides an agreement."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from core.agreements.publishing.selectors import publishable_agreement_get, publishable_agreements
from core.agreements.publishing.services import agreement_set_published
from core.office.permissions import Action, OfficePermission
from kopru.api.fields import RequiredBooleanField
from kopru.api.operations import ServiceApi


class AgreementPublicationApi(ServiceApi):
    """PUT {"published": true|false}: in-force agreements marked published appear on /partners/public/."""

    permission_classes = [OfficePermission]
    required_action = Action.PUBLISH_AGREEMENTS

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "AgreementPublicationInput"

        published = RequiredBooleanField()

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "AgreementPublication"

        id = serializers.IntegerField()
        status = serializers.CharField()
        published = serializers.BooleanField()

    serializer_class = OutputSerializer

    def get_queryset(self):
        return publishable_agreements(self.request.user)

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def put(self, request, agreement_id: int):
        agreement = publishable_agreement_get(request.user, agreement_id)
        agreement = agreement_set_published(agreement=agreement, published=self.input()["published"],
                                            acting_user=request.user)
        return self.output(agreement)
