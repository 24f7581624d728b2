"""The import API: preview a text as rows and document control, save corrected rows, import parallel texts.

Thin calls into core.statutes.importing.services, like the import pages. Nothing is stored by a
preview: the client sends the (corrected) rows and control back to save them.
"""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.office.permissions import Action, OfficePermission
from core.statutes.importing.services import (
    Row,
    import_preview,
    statute_import,
    statute_import_parallel,
    text_from_upload,
)
from core.statutes.models import Clause, Statute
from core.statutes.parser import DocumentControl
from kopru.api.operations import ServiceApi
from kopru.api.parsers import JSONParser

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES


class PersonSerializer(serializers.Serializer):
    class Meta:
        ref_name = "StatuteImportPerson"

    name = serializers.CharField(allow_blank=True, default="")
    title = serializers.CharField(allow_blank=True, default="")


class RevisionEntrySerializer(serializers.Serializer):
    class Meta:
        ref_name = "StatuteImportRevisionEntry"

    number = serializers.IntegerField(min_value=0)
    revised_on = serializers.DateField(allow_null=True, required=False)
    description = serializers.CharField(allow_blank=True, default="")


class ControlSerializer(serializers.Serializer):
    """The document control found in the text (seed 002's table, seed 004's approval and agreement blocks)."""

    class Meta:
        ref_name = "StatuteImportControl"

    title = serializers.CharField(allow_blank=True, default="", help_text="The title line, if the text has one.")
    document_number = serializers.CharField(allow_blank=True, default="", max_length=64)
    first_published_on = serializers.DateField(allow_null=True, required=False)
    revised_on = serializers.DateField(allow_null=True, required=False)
    revision_number = serializers.IntegerField(allow_null=True, required=False)
    page_count = serializers.IntegerField(allow_null=True, required=False, min_value=0)
    approved_on = serializers.DateField(allow_null=True, required=False)
    prepared_by = PersonSerializer(allow_null=True, required=False)
    approved_by = PersonSerializer(allow_null=True, required=False)
    agreed_by = PersonSerializer(many=True, required=False)
    revisions = RevisionEntrySerializer(many=True, required=False,
                                        help_text="The revision table, for reference; the import saves revision 00.")


class RowSerializer(serializers.Serializer):
    class Meta:
        ref_name = "StatuteImportRow"

    level = serializers.IntegerField(min_value=0, help_text="0 is the top; at most one below the row above.")
    number = serializers.CharField(allow_blank=True, max_length=32, help_text="As written: 7.1., ç), II., ·")
    text = serializers.CharField(allow_blank=True)
    kind = serializers.ChoiceField(choices=Clause.Kind.choices)


class UnplacedSerializer(serializers.Serializer):
    class Meta:
        ref_name = "StatuteImportUnplaced"

    line = serializers.IntegerField(help_text="The line's number in the text, from 1.")
    text = serializers.CharField(help_text="A line placed nowhere: a letterhead, a page number, a running header.")


class JobSerializer(serializers.Serializer):
    class Meta:
        ref_name = "StatuteImportJob"

    position = serializers.CharField(required=False, allow_blank=True)
    place_in_organisation = serializers.CharField(required=False, allow_blank=True)
    superior = serializers.CharField(required=False, allow_blank=True)
    deputy = serializers.CharField(required=False, allow_blank=True)
    requirements = serializers.CharField(required=False, allow_blank=True)


class ImportedOutput(serializers.Serializer):
    class Meta:
        ref_name = "StatuteImported"

    id = serializers.IntegerField()
    title = serializers.CharField()
    revision = serializers.IntegerField(help_text="The draft's number: 0.")
    clauses = serializers.IntegerField()


def _control(data: dict | None) -> DocumentControl:
    return DocumentControl.from_dict(ControlSerializer(data or {}).data) if data else DocumentControl()


def _imported(statute: Statute) -> Response:
    revision = statute.revisions.get()
    return Response({"id": statute.pk, "title": statute.title, "revision": revision.number,
                     "clauses": revision.clauses.count()}, status=status.HTTP_201_CREATED)


class ImportPreviewApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_STATUTES
    parser_classes = [JSONParser, MultiPartParser]

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "StatuteImportPreviewInput"

        kind = serializers.ChoiceField(choices=Statute.Kind.choices, required=False,
                                       help_text="job_description also returns the parts it names.")
        text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
        file = serializers.FileField(required=False, help_text="A .txt file in UTF-8, instead of `text`.")

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "StatuteImportPreview"

        control = ControlSerializer()
        job = JobSerializer()
        rows = RowSerializer(many=True)
        unplaced = UnplacedSerializer(many=True, help_text="Lines of the text in no row, for the client to place.")

    serializer_class = InputSerializer

    @extend_schema(request={"application/json": InputSerializer, "multipart/form-data": InputSerializer},
                   responses={200: OutputSerializer})
    def post(self, request):
        data = self.input()
        text = text_from_upload(data["file"]) if data.get("file") else data.get("text", "")
        preview = import_preview(text=text, kind=data.get("kind", ""))
        return Response({
            "control": preview.control.as_dict(), "job": preview.job,
            "rows": [{"level": row.level, "number": row.number, "text": row.text, "kind": row.kind}
                     for row in preview.rows],
            "unplaced": [{"line": line.line, "text": line.text} for line in preview.unplaced],
        })


class ImportSaveApi(ServiceApi):
    """Save (corrected) rows as a new statute with revision 00 as a draft."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_STATUTES

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "StatuteImportInput"

        kind = serializers.ChoiceField(choices=Statute.Kind.choices)
        language = serializers.ChoiceField(choices=LANGUAGES)
        title = serializers.CharField(max_length=255)
        rows = RowSerializer(many=True)
        control = ControlSerializer(required=False)
        job = JobSerializer(required=False)

    serializer_class = InputSerializer

    @extend_schema(responses={201: ImportedOutput})
    def post(self, request):
        values = self.input()
        statute = statute_import(
            acting_user=request.user, kind=values["kind"], language=values["language"], title=values["title"],
            rows=[Row(level=row["level"], number=row["number"], text=row["text"], kind=row["kind"])
                  for row in values["rows"]],
            control=_control(values.get("control")), job=dict(values.get("job") or {}),
        )
        return _imported(statute)


class ImportParallelApi(ServiceApi):
    """The same document in several languages, numbered alike: one statute with every language filled."""

    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_STATUTES

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "StatuteImportParallelInput"

        kind = serializers.ChoiceField(choices=Statute.Kind.choices)
        texts = serializers.DictField(child=serializers.CharField(trim_whitespace=False),
                                      help_text="{language: text}; the first is the original.")
        titles = serializers.DictField(child=serializers.CharField(max_length=255), required=False,
                                       help_text="{language: title}; by default the title lines found.")

    serializer_class = InputSerializer

    @extend_schema(responses={201: ImportedOutput})
    def post(self, request):
        data = self.input()
        statute = statute_import_parallel(texts=data["texts"], kind=data["kind"], titles=data.get("titles"),
                                          acting_user=request.user)
        return _imported(statute)
