"""The agreements API: agreements with their conditions, documents, import and export; thin calls into services."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.agreements.models import Agreement, CooperationCondition, DocumentKind, IscedField, Signatory
from core.agreements.selectors import (
    AGREEMENT_ORDERING,
    AgreementFilters,
    agreement_documents,
    agreement_get_for_user,
    agreement_list,
    agreement_rows,
    agreements_for_user,
    agreements_listed,
    document_get,
    has_unrecognised_partner,
    isced_fields,
    version_get,
)
from core.agreements.services import (
    DOCUMENT_KINDS,
    agreement_create,
    agreement_delete,
    agreement_update,
    document_add_version,
)
from core.agreements.transfer import agreements_export, agreements_import
from core.office.models import AcademicUnit
from core.office.permissions import Action, OfficePermission
from core.partners.models import Partner
from kopru import uploads
from kopru.api.fields import (
    TextsField,
    TextsInput,
    outdated_translations,
    selected_ids,
    translations_checked,
)
from kopru.api.lists import RowListApi, datetime_text, ordering_field
from kopru.api.operations import ServiceApi
from kopru.api.parsers import JSONParser
from kopru.api.query import query_values
from kopru.spreadsheets import CONTENT_TYPES
from kopru.uploads import stored_file_response

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
TITLE_FIELDS = [f"title_{code}" for code in LANGUAGES]


class IscedOutput(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text="In the request's language.")


class ConditionOutput(serializers.Serializer):
    id = serializers.IntegerField()
    direction = serializers.CharField()
    mobility_type = serializers.CharField()
    isced = IscedOutput(allow_null=True)
    eqf_level = serializers.IntegerField(allow_null=True)
    places_per_year = serializers.IntegerField()
    months_per_person = serializers.DecimalField(max_digits=4, decimal_places=1, allow_null=True)
    days_per_person = serializers.IntegerField(allow_null=True)
    language = serializers.CharField()
    cefr_level = serializers.CharField()


class PartnerRefOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    country = serializers.CharField()
    recognition = serializers.CharField()


class UnitRefOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class SignatoryOutput(serializers.Serializer):
    side = serializers.CharField()
    name = serializers.CharField()
    title = serializers.CharField(help_text="In the request's language, or the closest one available.")
    titles = TextsField("title")
    signed_on = serializers.DateField(allow_null=True)



class AgreementOutput(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField(help_text="In the request's language, or the closest one available.")
    titles = TextsField("title")
    reference = serializers.CharField()
    status = serializers.CharField(help_text="Changed by the approval workflow only.")
    partners = PartnerRefOutput(many=True)
    unrecognised_partner = serializers.SerializerMethodField(
        help_text="A partner is not recognised under the rule of the university's country (YÖK in Türkiye), "
                  "or not checked yet.")
    units = UnitRefOutput(many=True)
    scopes = serializers.ListField(child=serializers.CharField())
    origin = serializers.CharField()
    starts_on = serializers.DateField(allow_null=True)
    ends_on = serializers.DateField(allow_null=True)
    first_academic_year = serializers.IntegerField(allow_null=True)
    last_academic_year = serializers.IntegerField(allow_null=True)
    renewal = serializers.CharField()
    text_languages = serializers.ListField(child=serializers.CharField())
    conditions = ConditionOutput(many=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


    def get_unrecognised_partner(self, agreement) -> bool:
        return has_unrecognised_partner(agreement)


class AgreementDetailOutput(AgreementOutput):
    signatories = SignatoryOutput(many=True)
    outdated_translations = outdated_translations()


class ConditionInput(serializers.Serializer):
    id = serializers.IntegerField(required=False, help_text="One of the agreement's rows, to change it in place.")
    direction = serializers.ChoiceField(choices=CooperationCondition.Direction.choices)
    mobility_type = serializers.ChoiceField(choices=CooperationCondition.MobilityType.choices)
    isced = serializers.SlugRelatedField(slug_field="code", queryset=IscedField.objects.all(), required=False,
                                         allow_null=True, help_text="An ISCED-F 2013 code, such as 0421.")
    eqf_level = serializers.IntegerField(required=False, allow_null=True,
                                         help_text="1–8; levels 5–8 are the higher-education levels.")
    places_per_year = serializers.IntegerField()
    months_per_person = serializers.DecimalField(max_digits=4, decimal_places=1, required=False, allow_null=True,
                                                 help_text="Students (SMS, SMT) only.")
    days_per_person = serializers.IntegerField(required=False, allow_null=True, help_text="Staff (STA, STT) only.")
    language = serializers.CharField(required=False, allow_blank=True, max_length=8)
    cefr_level = serializers.ChoiceField(choices=CooperationCondition.Cefr.choices, required=False,
                                         allow_blank=True)


class SignatoryInput(serializers.Serializer):
    side = serializers.ChoiceField(choices=Signatory.Side.choices)
    name = serializers.CharField(max_length=255)
    titles = TextsInput(required=False, help_text="The signatory's title in each language.")
    signed_on = serializers.DateField(required=False, allow_null=True)


class AgreementInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Agreement.Kind.choices)
    title_tr = serializers.CharField(max_length=255, required=False, allow_blank=True, allow_null=True)
    title_ky = serializers.CharField(max_length=255, required=False, allow_blank=True, allow_null=True)
    title_ru = serializers.CharField(max_length=255, required=False, allow_blank=True, allow_null=True)
    title_en = serializers.CharField(max_length=255, required=False, allow_blank=True, allow_null=True)
    reference = serializers.CharField(max_length=64, required=False, allow_blank=True)
    partners = serializers.PrimaryKeyRelatedField(queryset=Partner.objects.all(), many=True)
    units = serializers.PrimaryKeyRelatedField(queryset=AcademicUnit.objects.all(), many=True, required=False)
    scopes = serializers.ListField(child=serializers.ChoiceField(choices=Agreement.Scope.choices))
    origin = serializers.ChoiceField(choices=Agreement.Origin.choices, required=False)
    starts_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)
    first_academic_year = serializers.IntegerField(required=False, allow_null=True, min_value=1900, max_value=2999)
    last_academic_year = serializers.IntegerField(required=False, allow_null=True, min_value=1900, max_value=2999)
    renewal = serializers.ChoiceField(choices=Agreement.Renewal.choices, required=False)
    text_languages = serializers.ListField(child=serializers.CharField(max_length=8), required=False)
    signatories = SignatoryInput(many=True, required=False)
    conditions = ConditionInput(many=True, required=False)
    translations_checked = translations_checked("title")

    @staticmethod
    def arguments(data: dict) -> dict:
        """The service's keyword arguments from validated data: titles gathered, the rest as given; "titles_checked"
        only agreement_update takes."""
        data = dict(data)
        titles = {field.removeprefix("title_"): data.pop(field) for field in TITLE_FIELDS if field in data}
        return {"titles": titles or None, "titles_checked": "title" in data.pop("translations_checked", []), **data}


class AgreementQuery(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Agreement.Kind.values, required=False, allow_blank=True, default="")
    status = serializers.ChoiceField(choices=Agreement.Status.values, required=False, allow_blank=True, default="")
    partner = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                       help_text="Agreements with this partner.")
    country = serializers.CharField(required=False, allow_blank=True, default="", max_length=2,
                                    help_text="Agreements with a partner in this country (ISO 3166 code).")
    unit = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                    help_text="Agreements of this academic unit or a unit below it.")
    # Bounded like the list page's filter: a date beyond the calendar's end cannot be computed.
    expiring_within = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=0,
                                               max_value=3650,
                                               help_text="Ending between today and this many days from now.")
    q = serializers.CharField(required=False, allow_blank=True, default="", max_length=200,
                              help_text="Words of the title or a partner's name, in any script.")
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=200, help_text="At most 200.")
    ordering = ordering_field(AGREEMENT_ORDERING)

    @staticmethod
    def filters(query: dict) -> AgreementFilters:
        return AgreementFilters(
            kind=query["kind"], status=query["status"], partner=query["partner"], country=query["country"],
            unit=query["unit"], expiring_within=query["expiring_within"], search=query["q"],
            ordering=query["ordering"],
        )


class AgreementListApi(RowListApi):
    permission_classes = [OfficePermission]
    parser_classes = [JSONParser]  # the body nests rows and texts by language
    required_actions = {"GET": Action.VIEW_AGREEMENTS, "POST": Action.MANAGE_AGREEMENTS}
    serializer_class = AgreementOutput

    def get_queryset(self):
        return agreement_list(self.request.user, AgreementQuery.filters(query_values(AgreementQuery, self.request)))

    def rows(self, page) -> list[dict]:
        rows = agreement_rows(page)
        for row in rows:
            row["created_at"], row["updated_at"] = datetime_text(row["created_at"]), datetime_text(row["updated_at"])
        return rows

    @extend_schema(parameters=[AgreementQuery])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=AgreementInput, responses={201: AgreementDetailOutput})
    def post(self, request):
        arguments = AgreementInput.arguments(self.input(AgreementInput))
        arguments["titles"] = arguments["titles"] or {}
        arguments.pop("titles_checked")  # a new agreement's titles are all new
        agreement = agreement_create(acting_user=request.user, **arguments)
        agreement = agreement_get_for_user(request.user, agreement.pk)
        return Response(AgreementDetailOutput(agreement).data, status=status.HTTP_201_CREATED)


class AgreementDetailApi(ServiceApi):
    permission_classes = [OfficePermission]
    parser_classes = [JSONParser]  # the body nests rows and texts by language
    required_actions = {"GET": Action.VIEW_AGREEMENTS, "PATCH": Action.MANAGE_AGREEMENTS,
                        "DELETE": Action.MANAGE_AGREEMENTS}
    serializer_class = AgreementDetailOutput

    def get_queryset(self):
        return agreements_for_user(self.request.user)

    def get(self, request, agreement_id: int):
        return Response(AgreementDetailOutput(agreement_get_for_user(request.user, agreement_id)).data)

    @extend_schema(request=AgreementInput, responses=AgreementDetailOutput)
    def patch(self, request, agreement_id: int):
        agreement = agreement_get_for_user(request.user, agreement_id)
        arguments = AgreementInput.arguments(self.input(AgreementInput, partial=True))
        agreement_update(agreement=agreement, acting_user=request.user, **arguments)
        return self.output(agreement_get_for_user(request.user, agreement_id), AgreementDetailOutput)

    @extend_schema(responses={204: None})
    def delete(self, request, agreement_id: int):
        agreement_delete(agreement=agreement_get_for_user(request.user, agreement_id), acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class VersionOutput(serializers.Serializer):
    number = serializers.IntegerField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    uploaded_by = serializers.CharField(source="uploaded_by.username", allow_null=True, default=None)
    uploaded_at = serializers.DateTimeField()
    download = serializers.SerializerMethodField()

    def get_download(self, version) -> str:
        document = version.document
        return (f"/api/agreements/{document.agreement_id}/documents/{document.pk}/versions/"
                f"{version.number}/file/")


class DocumentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField()
    step = serializers.IntegerField(source="step_id", allow_null=True)
    versions = VersionOutput(many=True)


class DocumentListApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_AGREEMENTS, "POST": Action.MANAGE_AGREEMENTS}
    serializer_class = DocumentOutput
    parser_classes = [MultiPartParser]
    pagination_class = None  # an agreement's documents come whole

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "AgreementDocumentInput"

        kind = serializers.ChoiceField(choices=DocumentKind.choices)
        title = serializers.CharField(max_length=255, required=False, allow_blank=True)
        file = serializers.FileField(help_text="PDF, DOCX, DOC, ODT, PNG or JPEG; at most KOPRU_MAX_UPLOAD_MB.")

    @extend_schema(responses=DocumentOutput(many=True))
    def get(self, request, agreement_id: int):
        agreement = agreement_get_for_user(request.user, agreement_id)
        return Response(DocumentOutput(agreement_documents(agreement), many=True).data)

    @extend_schema(request={"multipart/form-data": InputSerializer}, responses={201: DocumentOutput})
    def post(self, request, agreement_id: int):
        agreement = agreement_get_for_user(request.user, agreement_id)
        data = self.input()
        version = document_add_version(agreement=agreement, kind=data["kind"],
                                       titles={get_language(): data.get("title", "")}, uploaded_file=data["file"],
                                       acting_user=request.user)
        return self.created(agreement_documents(agreement).get(pk=version.document_id), DocumentOutput)


class DocumentVersionCreateApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_AGREEMENTS
    serializer_class = DocumentOutput
    parser_classes = [MultiPartParser]

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "AgreementDocumentVersionInput"

        file = serializers.FileField()

    @extend_schema(request={"multipart/form-data": InputSerializer}, responses={201: DocumentOutput})
    def post(self, request, agreement_id: int, document_id: int):
        agreement = agreement_get_for_user(request.user, agreement_id)
        document = document_get(agreement, document_id)
        document_add_version(agreement=agreement, kind=document.kind, titles={}, document=document,
                             uploaded_file=self.input()["file"], acting_user=request.user)
        return self.created(agreement_documents(agreement).get(pk=document.pk), DocumentOutput)


class DocumentFileApi(GenericAPIView):
    """The stored file of one version, after the same check as the agreement itself."""

    permission_classes = [OfficePermission]
    required_action = Action.VIEW_AGREEMENTS

    @extend_schema(responses={(200, uploads.CONTENT_TYPES[kind]): OpenApiTypes.BINARY
                              for kind in sorted(DOCUMENT_KINDS)})
    def get(self, request, agreement_id: int, document_id: int, number: int):
        version = version_get(agreement_get_for_user(request.user, agreement_id), document_id, number)
        return stored_file_response(version.file, content_type=version.content_type,
                                    title=version.document.title)


class IscedListApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_AGREEMENTS
    serializer_class = IscedOutput
    pagination_class = None  # the whole classification, a few hundred rows

    @extend_schema(responses=IscedOutput(many=True))
    def get(self, request):
        return Response(IscedOutput(isced_fields(), many=True).data)


class AgreementImportApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.IMPORT_DATA
    parser_classes = [MultiPartParser]

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "AgreementImportInput"

        file = serializers.FileField(help_text="CSV (agreements) or XLSX (sheets agreements and conditions).")

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "AgreementImportResult"

        created = serializers.IntegerField()

    serializer_class = InputSerializer

    @extend_schema(request={"multipart/form-data": InputSerializer}, responses={
        201: OutputSerializer,
        400: OpenApiResponse(description="error.fields.rows lists {sheet, line, column, message}; nothing imported."),
    })
    def post(self, request):
        result = agreements_import(upload=self.input()["file"], acting_user=request.user)
        return self.created(result)


class AgreementExportApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_AGREEMENTS

    class QuerySerializer(AgreementQuery):
        class Meta:
            ref_name = "AgreementExportQuery"

        file_format = serializers.ChoiceField(choices=["xlsx", "csv"], default="xlsx",
                                              help_text="csv holds the agreements only; xlsx their conditions too.")
        id = selected_ids("agreements")

    @extend_schema(
        parameters=[QuerySerializer],
        responses={(200, content_type): OpenApiTypes.BINARY for content_type in CONTENT_TYPES.values()},
    )
    def get(self, request):
        query = query_values(self.QuerySerializer, request)
        file_format = query["file_format"]
        agreements = agreements_listed(request.user, AgreementQuery.filters(query), query["id"])
        response = HttpResponse(agreements_export(agreements, file_format), content_type=CONTENT_TYPES[file_format])
        response["Content-Disposition"] = f'attachment; filename="agreements.{file_format}"'
        return response
