"""The statutes API: statutes with their document control, revisions with their clause trees,
the draft's clauses, approval moves, the revision in force on a date and the diff of two revisions.

Thin calls into core.statutes.services and selectors, like the pages.
"""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from core.agreements.models import WorkflowStep
from core.office.models import Role
from core.office.permissions import Action, OfficePermission
from core.statutes import services
from core.statutes.diff import changes_only, revision_diff
from core.statutes.models import Clause, Revision, Statute
from core.statutes.selectors import (
    STATUTE_ORDERING,
    clause_get_for_user,
    clause_tree,
    revision_get,
    revision_in_force_on,
    statute_get_for_user,
    statute_rows,
    statute_values,
)
from core.statutes.services import CONTROL_FIELDS, JOB_FIELDS, SIGNER_TITLE_FIELDS
from kopru.api.fields import TextsField, TextsInput, TextsOutput, outdated_translations, translations_checked
from kopru.api.lists import RowListApi, ordering_field
from kopru.api.operations import ServiceApi
from kopru.api.parsers import JSONParser
from kopru.api.query import query_values
from kopru.translated import translations

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES


class RevisionRef(serializers.Serializer):
    number = serializers.IntegerField()
    status = serializers.CharField()
    in_force_from = serializers.DateField(allow_null=True)
    in_force_until = serializers.DateField(allow_null=True)


class StatuteOutput(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField(help_text="In the request's language, or the closest one available.")
    titles = TextsField("title")
    document_number = serializers.CharField()
    current_revision = RevisionRef(source="current", allow_null=True, help_text="The revision in force.")
    latest_revision = RevisionRef(source="latest", allow_null=True)



class ClauseNodeOutput(serializers.Serializer):
    id = serializers.IntegerField(source="clause.pk")
    parent = serializers.IntegerField(source="clause.parent_id", allow_null=True)
    depth = serializers.IntegerField()
    kind = serializers.CharField(source="clause.kind")
    number = serializers.CharField(source="clause.number")
    text = serializers.CharField(source="clause.text", help_text="In the request's language, or the closest one.")
    texts = TextsField("text", source="clause")
    roles = serializers.ListField(source="clause.roles", child=serializers.CharField())
    outdated_translations = outdated_translations(source="clause.outdated_translations")
    workflow_steps = serializers.SerializerMethodField(help_text="Ids of the workflow steps the clause mandates.")
    children = serializers.SerializerMethodField(help_text="Clauses under this one, in the same shape.")


    def get_workflow_steps(self, node) -> list[int]:
        return [step.pk for step in node.clause.workflow_steps.all()]

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_children(self, node) -> list:
        return ClauseNodeOutput(node.children, many=True).data


class RevisionOutput(serializers.Serializer):
    number = serializers.IntegerField()
    status = serializers.CharField()
    revised_on = serializers.DateField(allow_null=True)
    in_force_from = serializers.DateField(allow_null=True)
    in_force_until = serializers.DateField(allow_null=True)
    decision_number = serializers.CharField(help_text="The approving council's decision or minutes number.")
    decision_date = serializers.DateField(allow_null=True)
    page_count = serializers.IntegerField(allow_null=True)
    description = serializers.CharField(help_text="What changed, in the request's language or the closest one.")
    descriptions = TextsField("description")



class RevisionDetailOutput(RevisionOutput):
    clauses = serializers.SerializerMethodField()

    @extend_schema_field(ClauseNodeOutput(many=True))
    def get_clauses(self, revision) -> list:
        return ClauseNodeOutput(clause_tree(revision), many=True).data


class AgreedByInput(serializers.Serializer):
    name = serializers.CharField(max_length=255)
    title = TextsInput(required=False, help_text="The signer's title per language.")


class AgreedByOutput(serializers.Serializer):
    name = serializers.CharField()
    title = TextsField("title")



class StatuteDetailOutput(StatuteOutput):
    outdated_translations = outdated_translations()
    first_published_on = serializers.DateField(allow_null=True)
    prepared_by_name = serializers.CharField()
    prepared_by_title = TextsField("prepared_by_title")
    approved_by_name = serializers.CharField()
    approved_by_title = TextsField("approved_by_title")
    agreed_by = AgreedByOutput(many=True)
    job = serializers.SerializerMethodField(help_text="Where a job description's position sits, per language.")
    revisions = RevisionOutput(source="revision_list", many=True)
    shown_revision = serializers.SerializerMethodField(
        help_text="The revision in force with its clause tree, or the latest one when none is in force.")



    @extend_schema_field(serializers.DictField(child=TextsOutput()))
    def get_job(self, statute) -> dict:
        return {name: translations(statute, name) for name in JOB_FIELDS}

    @extend_schema_field(RevisionDetailOutput(allow_null=True))
    def get_shown_revision(self, statute):
        shown = statute.current or statute.latest
        return RevisionDetailOutput(shown).data if shown else None


class StatuteInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Statute.Kind.choices)
    titles = TextsInput()
    document_number = serializers.CharField(max_length=64, required=False, allow_blank=True)
    first_published_on = serializers.DateField(required=False, allow_null=True)
    prepared_by_name = serializers.CharField(max_length=255, required=False, allow_blank=True)
    prepared_by_title = TextsInput(required=False, help_text="The preparer's title per language.")
    approved_by_name = serializers.CharField(max_length=255, required=False, allow_blank=True)
    approved_by_title = TextsInput(required=False, help_text="The approver's title per language.")
    agreed_by = AgreedByInput(many=True, required=False)
    job = serializers.DictField(child=TextsInput(), required=False,
                                help_text=f"Per field ({', '.join(JOB_FIELDS)}): its texts per language.")
    translations_checked = translations_checked("title", *SIGNER_TITLE_FIELDS, *JOB_FIELDS)

    def validate_job(self, job):
        unknown = set(job) - set(JOB_FIELDS)
        if unknown:
            message = gettext("Unknown fields: %(fields)s.")
            raise serializers.ValidationError(message % {"fields": ", ".join(sorted(unknown))})
        return job


def _statute_data(request, statute_id) -> dict:
    return StatuteDetailOutput(statute_get_for_user(request.user, statute_id)).data


class StatuteListApi(RowListApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_STATUTES, "POST": Action.MANAGE_STATUTES}
    serializer_class = StatuteOutput
    parser_classes = [JSONParser]  # its texts are objects by language, which a form cannot carry

    class QuerySerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=Statute.Kind.values, required=False, allow_blank=True, default="")
        ordering = ordering_field(STATUTE_ORDERING)

    def get_queryset(self):
        query = query_values(self.QuerySerializer, self.request)
        return statute_values(kind=query["kind"], ordering=query["ordering"])

    def rows(self, page) -> list[dict]:
        return statute_rows(page)

    @extend_schema(parameters=[QuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=StatuteInput, responses={201: StatuteDetailOutput})
    def post(self, request):
        arguments = dict(self.input(StatuteInput))
        arguments.pop("translations_checked", None)  # a new statute's texts are all new
        statute = services.statute_create(acting_user=request.user, **arguments)
        return Response(_statute_data(request, statute.pk), status=status.HTTP_201_CREATED)


class StatuteDetailApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_STATUTES, "PATCH": Action.MANAGE_STATUTES}
    serializer_class = StatuteDetailOutput
    parser_classes = [JSONParser]  # its texts are objects by language, which a form cannot carry

    def get(self, request, statute_id: int):
        return Response(_statute_data(request, statute_id))

    @extend_schema(request=StatuteInput, responses=StatuteDetailOutput)
    def patch(self, request, statute_id: int):
        statute = statute_get_for_user(request.user, statute_id)
        arguments = dict(self.input(StatuteInput, partial=True))
        services.statute_update(statute=statute, acting_user=request.user, kind=arguments.pop("kind", None),
                                titles=arguments.pop("titles", None), agreed_by=arguments.pop("agreed_by", None),
                                job=arguments.pop("job", None),
                                translations_checked=arguments.pop("translations_checked", []),
                                **{name: arguments[name] for name in CONTROL_FIELDS if name in arguments})
        return Response(_statute_data(request, statute_id))


class DescriptionInput(serializers.Serializer):
    descriptions = TextsInput(help_text="What changes in the revision; required in at least one language.")


class RevisionListApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_STATUTES, "POST": Action.MANAGE_STATUTES}
    serializer_class = RevisionOutput
    pagination_class = None  # a statute's revisions come whole

    @extend_schema(responses=RevisionOutput(many=True))
    def get(self, request, statute_id: int):
        statute = statute_get_for_user(request.user, statute_id)
        return Response(RevisionOutput(statute.revision_list, many=True).data)

    @extend_schema(request=DescriptionInput, responses={201: RevisionDetailOutput},
                   description="Start a new draft revision as a copy of the one in force.")
    def post(self, request, statute_id: int):
        statute = statute_get_for_user(request.user, statute_id)
        revision = services.revision_start(statute=statute, descriptions=self.input(DescriptionInput)["descriptions"],
                                           acting_user=request.user)
        return self.created(revision, RevisionDetailOutput)


def _revision(request, statute_id, number) -> Revision:
    return revision_get(statute_get_for_user(request.user, statute_id), number)


class RevisionDetailApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_STATUTES, "PATCH": Action.MANAGE_STATUTES}
    serializer_class = RevisionDetailOutput

    def get(self, request, statute_id: int, number: int):
        return Response(RevisionDetailOutput(_revision(request, statute_id, number)).data)

    @extend_schema(request=DescriptionInput, responses=RevisionDetailOutput)
    def patch(self, request, statute_id: int, number: int):
        revision = _revision(request, statute_id, number)
        services.revision_update(revision=revision, descriptions=self.input(DescriptionInput)["descriptions"],
                                 acting_user=request.user)
        return self.output(_revision(request, statute_id, number), RevisionDetailOutput)


class RevisionSubmitApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_STATUTES
    serializer_class = RevisionOutput

    @extend_schema(request=None, responses=RevisionOutput)
    def post(self, request, statute_id: int, number: int):
        revision = services.revision_submit(revision=_revision(request, statute_id, number), acting_user=request.user)
        return Response(RevisionOutput(revision).data)


class RevisionApproveApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.APPROVE_STATUTES

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "RevisionApproveInput"

        in_force_from = serializers.DateField()
        decision_number = serializers.CharField(max_length=32, required=False, allow_blank=True, default="",
                                                help_text="The approving council's decision or minutes number.")
        decision_date = serializers.DateField(required=False, allow_null=True, default=None)

    serializer_class = InputSerializer

    @extend_schema(request=InputSerializer, responses=RevisionOutput)
    def post(self, request, statute_id: int, number: int):
        revision = _revision(request, statute_id, number)
        revision = services.revision_approve(revision=revision, acting_user=request.user, **self.input())
        return self.output(revision, RevisionOutput)


class RevisionReturnApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.APPROVE_STATUTES

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "RevisionReturnInput"

        reason = serializers.CharField(required=False, allow_blank=True)

    serializer_class = InputSerializer

    @extend_schema(request=InputSerializer, responses=RevisionOutput)
    def post(self, request, statute_id: int, number: int):
        revision = _revision(request, statute_id, number)
        revision = services.revision_return(revision=revision, reason=self.input().get("reason", ""),
                                            acting_user=request.user)
        return self.output(revision, RevisionOutput)


class InForceOnApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_STATUTES
    serializer_class = RevisionDetailOutput

    class QuerySerializer(serializers.Serializer):
        date = serializers.DateField()

    @extend_schema(parameters=[QuerySerializer], responses=RevisionDetailOutput,
                   description="The revision in force on the date, with its clauses; 404 before the first one.")
    def get(self, request, statute_id: int):
        statute = statute_get_for_user(request.user, statute_id)
        revision = revision_in_force_on(statute, query_values(self.QuerySerializer, request)["date"])
        if revision is None:
            raise Http404
        return Response(RevisionDetailOutput(revision).data)


class DiffRowOutput(serializers.Serializer):
    status = serializers.ChoiceField(choices=["added", "removed", "changed", "unchanged"])
    number = serializers.CharField()
    depth = serializers.IntegerField()
    old_clause = serializers.IntegerField(source="old.pk", allow_null=True, default=None)
    new_clause = serializers.IntegerField(source="new.pk", allow_null=True, default=None)
    old_html = serializers.CharField(help_text="HTML-escaped text; removed words in <del>.")
    new_html = serializers.CharField(help_text="HTML-escaped text; added words in <ins>.")


class DiffApi(GenericAPIView):
    permission_classes = [OfficePermission]
    required_action = Action.VIEW_STATUTES
    serializer_class = DiffRowOutput
    pagination_class = None  # the diff of two revisions comes whole

    class QuerySerializer(serializers.Serializer):
        a = serializers.IntegerField(min_value=0, help_text="The earlier revision's number.")
        b = serializers.IntegerField(min_value=0, help_text="The later revision's number.")
        lang = serializers.ChoiceField(choices=LANGUAGES, required=False, help_text="Default: the request's language.")
        changes = serializers.BooleanField(required=False, default=False,
                                           help_text="True: only the clauses added, removed or changed.")

    @extend_schema(parameters=[QuerySerializer], responses=DiffRowOutput(many=True))
    def get(self, request, statute_id: int):
        statute = statute_get_for_user(request.user, statute_id)
        query = query_values(self.QuerySerializer, request)
        old, new = revision_get(statute, query["a"]), revision_get(statute, query["b"])
        rows = revision_diff(old, new, query.get("lang") or request.LANGUAGE_CODE)
        return Response(DiffRowOutput(changes_only(rows) if query["changes"] else rows, many=True).data)


class ClauseInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Clause.Kind.choices, required=False)
    number = serializers.CharField(max_length=32, required=False, allow_blank=True)
    texts = TextsInput(required=False)
    translations_checked = translations_checked("text")
    parent = serializers.IntegerField(required=False, allow_null=True,
                                      help_text="A clause of the same revision; null: the top level.")
    index = serializers.IntegerField(required=False, allow_null=True, min_value=0,
                                     help_text="Place among the parent's clauses, from 0; null: last.")


def _clause_of(revision: Revision, clause_id) -> Clause | None:
    if clause_id is None:
        return None
    parent = revision.clauses.filter(pk=clause_id).first()
    if parent is None:
        raise serializers.ValidationError({"parent": ["Not a clause of this revision."]})
    return parent


def _node_data(clause: Clause) -> dict:
    tree = clause_tree(clause.revision)
    stack = list(tree)
    while stack:
        node = stack.pop()
        if node.clause.pk == clause.pk:
            return ClauseNodeOutput(node).data
        stack.extend(node.children)
    raise Http404


class ClauseCreateApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_STATUTES
    serializer_class = ClauseNodeOutput

    @extend_schema(request=ClauseInput, responses={201: ClauseNodeOutput})
    def post(self, request, statute_id: int, number: int):
        revision = _revision(request, statute_id, number)
        values = self.input(ClauseInput)
        clause = services.clause_add(revision=revision, parent=_clause_of(revision, values.get("parent")),
                                     index=values.get("index"), kind=values.get("kind", Clause.Kind.CLAUSE),
                                     number=values.get("number", ""), texts=values.get("texts", {}),
                                     acting_user=request.user)
        return Response(_node_data(clause), status=status.HTTP_201_CREATED)


class ClauseDetailApi(ServiceApi):
    """One clause: read it, change its text, move it (parent and index), or delete it with its subtree."""

    permission_classes = [OfficePermission]
    required_actions = {"GET": Action.VIEW_STATUTES, "PATCH": Action.MANAGE_STATUTES,
                        "DELETE": Action.MANAGE_STATUTES}
    serializer_class = ClauseNodeOutput

    def get(self, request, clause_id: int):
        return Response(_node_data(clause_get_for_user(request.user, clause_id)))

    @extend_schema(request=ClauseInput, responses=ClauseNodeOutput)
    def patch(self, request, clause_id: int):
        clause = clause_get_for_user(request.user, clause_id)
        values = self.input(ClauseInput)
        if {"kind", "number", "texts", "translations_checked"} & set(values):
            services.clause_update(clause=clause, kind=values.get("kind"), number=values.get("number"),
                                   texts=values.get("texts"), acting_user=request.user,
                                   texts_checked="text" in values.get("translations_checked", []))
        if "parent" in values or "index" in values:
            parent = _clause_of(clause.revision, values.get("parent", clause.parent_id))
            services.clause_move(clause=clause, parent=parent, index=values.get("index"), acting_user=request.user)
        return Response(_node_data(clause_get_for_user(request.user, clause_id)))

    @extend_schema(responses={204: None})
    def delete(self, request, clause_id: int):
        services.clause_delete(clause=clause_get_for_user(request.user, clause_id), acting_user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ClauseLinksApi(ServiceApi):
    permission_classes = [OfficePermission]
    required_action = Action.MANAGE_STATUTES
    serializer_class = ClauseNodeOutput

    class InputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "ClauseLinksInput"

        roles = serializers.ListField(child=serializers.CharField(max_length=16),
                                      help_text=f"Role codes: {', '.join(Role.values)}.")
        workflow_steps = serializers.PrimaryKeyRelatedField(queryset=WorkflowStep.objects.all(), many=True)

    @extend_schema(request=InputSerializer, responses=ClauseNodeOutput,
                   description="Replace the roles and workflow steps the clause mandates.")
    def put(self, request, clause_id: int):
        clause = clause_get_for_user(request.user, clause_id)
        data = self.input()
        services.clause_set_links(clause=clause, roles=data["roles"], workflow_steps=data["workflow_steps"],
                                  acting_user=request.user)
        return Response(_node_data(clause_get_for_user(request.user, clause_id)))
