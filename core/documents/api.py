"""The document engine's API: generate the information note, read documents, keep templates."""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.documents.engine import DOCX_CONTENT_TYPE
from core.documents.info_note import info_note_generate
from core.documents.models import DocumentKind
from core.documents.responses import document_file_response, docx_response
from core.documents.selectors import (
    document_get_for_user,
    documents_for_user,
    job_get_for_user,
    kind_and_language_or_404,
    template_content,
    template_preview,
    template_rows,
)
from core.documents.services import template_reset, template_upload
from core.office.permissions import Action, OfficePermission
from core.partners.selectors import partner_get_for_user

FILE_RESPONSES = {
    (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY),
    (200, DOCX_CONTENT_TYPE): OpenApiResponse(OpenApiTypes.BINARY),
}


class DocumentOutput(serializers.Serializer):
    class Meta:
        ref_name = "GeneratedDocument"

    id = serializers.IntegerField()
    kind = serializers.CharField()
    language = serializers.CharField()
    title = serializers.CharField()
    number = serializers.CharField()
    version = serializers.IntegerField()
    partner = serializers.IntegerField(source="partner_id", allow_null=True)
    agreement = serializers.IntegerField(source="agreement_id", allow_null=True)
    statute = serializers.IntegerField(source="statute_id", allow_null=True)
    created_by = serializers.CharField(source="created_by.username", allow_null=True, default=None)
    created_at = serializers.DateTimeField()
    links = serializers.SerializerMethodField()

    def get_links(self, document) -> dict[str, str]:
        files = {file_format: reverse("api-document-download", args=[document.pk, file_format])
                 for file_format in ("pdf", "docx") if getattr(document, file_format)}
        return {"self": reverse("api-document", args=[document.pk]), **files}


class DocumentJobOutput(serializers.Serializer):
    class Meta:
        ref_name = "DocumentJob"

    id = serializers.IntegerField()
    kind = serializers.CharField()
    language = serializers.CharField()
    format = serializers.CharField(source="file_format")
    status = serializers.CharField()
    progress = serializers.IntegerField(help_text="Percent done, 0–100.")
    error = serializers.CharField()
    document = DocumentOutput(allow_null=True)


class DocumentJobApi(GenericAPIView):
    """A document a worker is writing (a large statute's export): poll until status is done or failed."""

    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE
    serializer_class = DocumentJobOutput

    def get(self, request, job_id: int):
        return Response(DocumentJobOutput(job_get_for_user(request.user, job_id)).data)


class InfoNoteCreateApi(GenericAPIView):
    """Generate the partner's information note (seed 000 7.4), in the university's language or the one asked."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_PARTNERS

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "InfoNoteInput"

        language = serializers.ChoiceField(choices=settings.LANGUAGE_CODES, required=False)

    serializer_class = InputSerializer

    @extend_schema(request=InputSerializer, responses={201: DocumentOutput})
    def post(self, request, partner_id: int):
        partner = partner_get_for_user(request.user, partner_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = info_note_generate(partner=partner, language=data.validated_data.get("language"),
                                      acting_user=request.user)
        return Response(DocumentOutput(document).data, status=status.HTTP_201_CREATED)


class DocumentListApi(ListAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE
    serializer_class = DocumentOutput

    @extend_schema(parameters=[
        OpenApiParameter("partner", int, description="Only the documents about this partner."),
        OpenApiParameter("agreement", int, description="Only the documents about this agreement."),
        OpenApiParameter("statute", int, description="Only the exports of this statute."),
    ])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        documents = documents_for_user(self.request.user).order_by("-created_at", "-id")
        for target in ("partner", "agreement", "statute"):
            value = self.request.query_params.get(target, "")
            if value:
                documents = documents.filter(**{f"{target}_id": int(value) if value.isdigit() else 0})
        return documents


class DocumentDetailApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE
    serializer_class = DocumentOutput

    def get_queryset(self):
        return documents_for_user(self.request.user)

    def get(self, request, document_id: int):
        return Response(DocumentOutput(document_get_for_user(request.user, document_id)).data)


class DocumentDownloadApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE

    def get_queryset(self):
        return documents_for_user(self.request.user)

    @extend_schema(responses=FILE_RESPONSES)
    def get(self, request, document_id: int, file_format: str):
        return document_file_response(document_get_for_user(request.user, document_id), file_format)


class TemplateOutput(serializers.Serializer):
    class Meta:
        ref_name = "DocumentTemplate"

    kind = serializers.CharField()
    label = serializers.CharField()
    language = serializers.CharField()
    source = serializers.SerializerMethodField(help_text="office: the office's own template; default: the shipped one.")
    version = serializers.IntegerField(source="template.version", allow_null=True, default=None)
    uploaded_by = serializers.CharField(source="template.uploaded_by.username", allow_null=True, default=None)
    uploaded_at = serializers.DateTimeField(source="template.created_at", allow_null=True, default=None)

    def get_source(self, row) -> str:
        return "office" if row["template"] else "default"



class TemplateListApi(GenericAPIView):
    """Every kind of document in every language of the university, with the template in use."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_TEMPLATES
    serializer_class = TemplateOutput

    @extend_schema(responses=TemplateOutput(many=True))
    def get(self, request):
        return Response(TemplateOutput(template_rows(), many=True).data)


class TemplateDetailApi(GenericAPIView):
    """POST a DOCX to make it the office's template (checked with sample data first); DELETE: back to the default."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_TEMPLATES
    parser_classes = [MultiPartParser]

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "DocumentTemplateUpload"

        file = serializers.FileField()

    serializer_class = InputSerializer

    @extend_schema(request=InputSerializer, responses={201: TemplateOutput})
    def post(self, request, kind: str, language: str):
        kind_and_language_or_404(kind, language)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        template = template_upload(kind=kind, language=language, upload=data.validated_data["file"],
                                   acting_user=request.user)
        row = {"kind": kind, "label": DocumentKind(kind).label, "language": language, "template": template}
        return Response(TemplateOutput(row).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={204: None})
    def delete(self, request, kind: str, language: str):
        kind_and_language_or_404(kind, language)
        template_reset(kind=kind, language=language, acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TemplateDownloadApi(GenericAPIView):
    """The template in use (the office's or the default), or with ?preview=1 filled with sample data."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_TEMPLATES

    @extend_schema(
        parameters=[OpenApiParameter("preview", bool, description="Fill the template with sample data.")],
        responses={(200, DOCX_CONTENT_TYPE): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request, kind: str, language: str):
        kind_and_language_or_404(kind, language)
        if request.query_params.get("preview") in ("1", "true"):
            return docx_response(template_preview(kind, language), f"{kind}_{language}_preview.docx")
        content, template = template_content(kind, language)
        return docx_response(content, f"{kind}_{language}_{f'v{template.version}' if template else 'default'}.docx")
