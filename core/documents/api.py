"""The document engine's API: read documents and the jobs writing them, keep templates."""

from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.documents.engine import DOCX_CONTENT_TYPE
from core.documents.errors import DocumentError
from core.documents.letterhead import (
    TRANSLATED,
    letterhead_get,
    letterhead_logo_remove,
    letterhead_logo_set,
    letterhead_update,
)
from core.documents.models import DocumentKind
from core.documents.responses import CONTENT_TYPES as FILE_CONTENT_TYPES
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
from core.documents.subjects import SUBJECTS, Subject, about, subject_of
from core.office.permissions import Action, OfficePermission
from kopru.api.fields import TextsField, TextsInput, outdated_translations, translations_checked
from kopru.api.operations import ServiceApi
from kopru.api.parsers import JSONParser
from kopru.api.query import query_values
from kopru.errors import NotFound, ServiceError
from kopru.uploads import CONTENT_TYPES as UPLOAD_CONTENT_TYPES
from kopru.uploads import JPEG, PNG, stored_file_response

FILE_FORMATS = tuple(FILE_CONTENT_TYPES)
FILE_RESPONSES = {(200, content_type): OpenApiResponse(OpenApiTypes.BINARY)
                  for content_type in FILE_CONTENT_TYPES.values()}


class SubjectIdField(serializers.IntegerField):
    """The id of the document's subject if it is a record of this subject's model, else null."""

    def __init__(self, subject: Subject, **kwargs):
        self.subject = subject
        super().__init__(source="*", allow_null=True, **kwargs)

    def to_representation(self, document):
        return document.subject_id if subject_of(document) == self.subject else None


class DocumentOutput(serializers.Serializer):
    """A generated document; after its version, one field per kind of subject (partner, agreement, statute)."""

    class Meta:
        ref_name = "GeneratedDocument"

    id = serializers.IntegerField()
    kind = serializers.CharField()
    language = serializers.CharField()
    title = serializers.CharField()
    number = serializers.CharField()
    version = serializers.IntegerField()
    created_by = serializers.CharField(source="created_by.username", allow_null=True, default=None)
    created_at = serializers.DateTimeField()
    links = serializers.SerializerMethodField()

    def get_fields(self):
        fields = list(super().get_fields().items())
        after_version = [name for name, _field in fields].index("version") + 1
        subjects = [(name, SubjectIdField(subject)) for name, subject in SUBJECTS.items()]
        return dict(fields[:after_version] + subjects + fields[after_version:])

    def get_links(self, document) -> dict[str, str]:
        files = {file_format: reverse("api-document-download", args=[document.pk, file_format])
                 for file_format in FILE_FORMATS if getattr(document, file_format)}
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


class DocumentListApi(ListAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_OFFICE
    serializer_class = DocumentOutput

    class QuerySerializer(serializers.Serializer):
        """One filter per kind of subject: ?partner=, ?agreement=, ?statute=."""

        def get_fields(self):
            return {name: serializers.IntegerField(required=False, min_value=1, help_text=subject.filter_help)
                    for name, subject in SUBJECTS.items()}

    @extend_schema(parameters=[QuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        documents = documents_for_user(self.request.user).order_by("-created_at", "-id")
        for name, pk in query_values(self.QuerySerializer, self.request).items():
            documents = documents.filter(**about(SUBJECTS[name].model), subject_id=pk)
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

    @extend_schema(responses=FILE_RESPONSES,
                   parameters=[OpenApiParameter("file_format", str, OpenApiParameter.PATH, enum=FILE_FORMATS)])
    def get(self, request, document_id: int, file_format: str):
        document = document_get_for_user(request.user, document_id)
        if file_format in FILE_FORMATS and not getattr(document, file_format):
            # A large statute's export is written as PDF or DOCX only, as it was asked for.
            message = gettext("This document was not made as %(format)s. Its links name the files it has.")
            raise ServiceError(DocumentError.FORMAT_NOT_MADE, message % {"format": file_format.upper()})
        return document_file_response(document, file_format)


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
    pagination_class = None  # every kind in every language of the university: a short list

    @extend_schema(responses=TemplateOutput(many=True))
    def get(self, request):
        return Response(TemplateOutput(template_rows(), many=True).data)


class TemplateDetailApi(ServiceApi):
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
        template = template_upload(kind=kind, language=language, upload=self.input()["file"],
                                   acting_user=request.user)
        row = {"kind": kind, "label": DocumentKind(kind).label, "language": language, "template": template}
        return self.created(row, TemplateOutput)

    @extend_schema(responses={204: None})
    def delete(self, request, kind: str, language: str):
        kind_and_language_or_404(kind, language)
        template_reset(kind=kind, language=language, acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TemplateDownloadApi(GenericAPIView):
    """The template in use (the office's or the default), or with ?preview=1 filled with sample data."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_TEMPLATES

    class QuerySerializer(serializers.Serializer):
        preview = serializers.BooleanField(default=False, help_text="Fill the template with sample data.")

    @extend_schema(
        parameters=[QuerySerializer],
        responses={(200, DOCX_CONTENT_TYPE): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request, kind: str, language: str):
        kind_and_language_or_404(kind, language)
        if query_values(self.QuerySerializer, request)["preview"]:
            return docx_response(template_preview(kind, language), f"{kind}_{language}_preview.docx")
        content, template = template_content(kind, language)
        return docx_response(content, f"{kind}_{language}_{f'v{template.version}' if template else 'default'}.docx")


class LetterheadOutput(serializers.Serializer):
    unit_name = TextsField("unit_name")
    detsis_number = serializers.CharField()
    file_plan_code = serializers.CharField()
    address = TextsField("address")
    phone = serializers.CharField()
    email = serializers.CharField()
    kep_address = serializers.CharField()
    contact_name = serializers.CharField()
    contact_title = TextsField("contact_title")
    logo = serializers.SerializerMethodField(
        help_text="Where to read the logo printed at the top left of the letters; null without one.")
    outdated_translations = outdated_translations()

    def get_logo(self, letterhead) -> str | None:
        return reverse("api-letterhead-logo") if letterhead.logo else None





class LetterheadInput(serializers.Serializer):
    """The fields to change; those left out keep their value."""

    unit_name = TextsInput(required=False)
    address = TextsInput(required=False)
    contact_title = TextsInput(required=False)
    detsis_number = serializers.CharField(required=False, allow_blank=True, max_length=8,
                                          help_text="The unit's eight-digit DETSİS number.")
    file_plan_code = serializers.CharField(required=False, allow_blank=True, max_length=32,
                                           help_text="The standard file-plan code, e.g. 010.06.02.")
    phone = serializers.CharField(required=False, allow_blank=True, max_length=64)
    email = serializers.CharField(required=False, allow_blank=True, max_length=254)
    kep_address = serializers.CharField(required=False, allow_blank=True, max_length=254)
    contact_name = serializers.CharField(required=False, allow_blank=True, max_length=255)
    translations_checked = translations_checked(*TRANSLATED)


class LetterheadApi(ServiceApi):
    """The office's letterhead: the unit under the institution's name, the codes of letter numbers (Sayı:
    E-<DETSİS>-<file-plan code>-<n>) and the contacts at the foot of its letters."""

    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.MANAGE_SETTINGS, "PATCH": Action.MANAGE_SETTINGS}
    serializer_class = LetterheadOutput
    parser_classes = [JSONParser]  # its texts are objects by language, which a form cannot carry

    def get(self, request):
        return self.output(letterhead_get(), LetterheadOutput)

    @extend_schema(request=LetterheadInput, responses=LetterheadOutput)
    def patch(self, request):
        data = self.input(LetterheadInput)
        texts = {field: data.pop(field) for field in TRANSLATED if field in data}
        checked = data.pop("translations_checked", [])
        return self.output(letterhead_update(acting_user=request.user, texts=texts, values=data, checked=checked),
                           LetterheadOutput)


LOGO_CONTENT_TYPES = {kind: UPLOAD_CONTENT_TYPES[kind] for kind in (PNG, JPEG)}


class LetterheadLogoApi(ServiceApi):
    """The logo at the top left of the office's letters: GET reads it, PUT a PNG or JPEG (at most 1 MB) as `logo`
    replaces it, DELETE takes it away."""

    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.MANAGE_SETTINGS, "PUT": Action.MANAGE_SETTINGS,
                        "DELETE": Action.MANAGE_SETTINGS}
    parser_classes = [MultiPartParser]

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "LetterheadLogoUpload"

        logo = serializers.FileField(help_text="A PNG or JPEG picture, at most 1 MB.")

    serializer_class = InputSerializer

    @extend_schema(responses={(200, content_type): OpenApiResponse(OpenApiTypes.BINARY)
                              for content_type in LOGO_CONTENT_TYPES.values()})
    def get(self, request):
        letterhead = letterhead_get()
        if not letterhead.logo:
            raise NotFound(gettext("The office has no logo."))
        extension = letterhead.logo.name.rsplit(".", 1)[-1]
        return stored_file_response(letterhead.logo, content_type=LOGO_CONTENT_TYPES[JPEG if extension == "jpg"
                                                                                    else PNG])

    @extend_schema(request=InputSerializer, responses=LetterheadOutput)
    def put(self, request):
        letterhead = letterhead_logo_set(acting_user=request.user, upload=self.input()["logo"])
        return self.output(letterhead, LetterheadOutput)

    @extend_schema(responses={200: LetterheadOutput})
    def delete(self, request):
        return self.output(letterhead_logo_remove(acting_user=request.user), LetterheadOutput)
