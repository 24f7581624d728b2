"""Reads of statutes: lists, one statute for a reader, revisions by date, clause trees and traceability.

Every reader of the office sees every statute: they are the office's own rules, not
records of an academic unit.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from core.agreements.models import WorkflowStep
from core.documents.models import GeneratedDocument
from core.office.permissions import Action, can
from core.statutes.models import Clause, Revision, Statute
from kopru.errors import NotFound
from kopru.lists import Ordering, translated, translated_value

EFFECTIVE = (Revision.Status.IN_FORCE, Revision.Status.SUPERSEDED)


class RevisionAction(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    LINK = "link"
    APPROVE = "approve"
    RETURN = "return"


# Each move on a revision: the statuses that allow it and the office right it takes. Those who manage
# statutes edit a draft and send it for approval, and link its clauses to roles and workflow steps on a
# draft or on the revision in force (links annotate the text rather than change it); approvers approve a
# revision in approval or return it to draft.
REVISION_MOVES = {
    RevisionAction.EDIT: ((Revision.Status.DRAFT,), Action.MANAGE_STATUTES),
    RevisionAction.SUBMIT: ((Revision.Status.DRAFT,), Action.MANAGE_STATUTES),
    RevisionAction.LINK: ((Revision.Status.DRAFT, Revision.Status.IN_FORCE), Action.MANAGE_STATUTES),
    RevisionAction.APPROVE: ((Revision.Status.IN_APPROVAL,), Action.APPROVE_STATUTES),
    RevisionAction.RETURN: ((Revision.Status.IN_APPROVAL,), Action.APPROVE_STATUTES),
}


def revision_actions_for_user(user, revision: Revision) -> list[RevisionAction]:
    """What the user may do with the revision now: the moves its status allows that the user's role may make."""
    return [action for action, (statuses, right) in REVISION_MOVES.items()
            if revision.status in statuses and can(user, right)]


def _is_id(value) -> bool:
    return str(value).isdigit()


STATUTE_ORDERING = Ordering(keys={
    "kind": ("kind", "document_number"), "document_number": ("document_number",), "title": (translated("title"),),
}, default="kind")
REVISION_REF_FIELDS = ("number", "status", "in_force_from", "in_force_until")


TITLE_FIELDS = tuple(f"title_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)


def statute_values(*, kind: str = "", ordering: str = "") -> QuerySet:
    """The statutes of a kind (or all), sorted, as `values()`; statute_rows completes a page of them."""
    statutes = Statute.objects.all()
    if kind:
        statutes = statutes.filter(kind=kind)
    return STATUTE_ORDERING.apply(statutes, ordering).values("id", "kind", *TITLE_FIELDS, "document_number")


def statute_rows(page) -> list[dict]:
    """A page of statute_values as plain dicts, each with its revision in force and its latest one ({number,
    status, in_force_from, in_force_until} or None): one query more whatever the page's size."""
    statutes = list(page)
    current, latest = {}, {}
    for revision in Revision.objects.filter(statute_id__in=[row["id"] for row in statutes]).order_by(
            "statute_id", "number").values("statute_id", *REVISION_REF_FIELDS):
        statute_id = revision.pop("statute_id")
        latest[statute_id] = revision
        if revision["status"] == Revision.Status.IN_FORCE:
            current[statute_id] = revision
    title = translated_value(Statute, "title")
    return [{
        "id": row["id"], "kind": row["kind"], "title": title(row),
        "titles": {field.removeprefix("title_"): row[field] for field in TITLE_FIELDS},
        "document_number": row["document_number"], "current_revision": current.get(row["id"]),
        "latest_revision": latest.get(row["id"]),
    } for row in statutes]


def statute_list(*, kind: str = "") -> list[Statute]:
    """Statutes with their revisions in two queries, each with the attributes `_attach_revisions` sets."""
    statutes = Statute.objects.prefetch_related(
        Prefetch("revisions", queryset=Revision.objects.order_by("number"), to_attr="revision_list"))
    if kind:
        statutes = statutes.filter(kind=kind)
    statutes = list(statutes)
    for statute in statutes:
        _attach_revisions(statute)
    return statutes


def _in_force(revision: Revision, on: date) -> bool:
    return (revision.status in EFFECTIVE and revision.in_force_from is not None and revision.in_force_from <= on
            and (revision.in_force_until is None or revision.in_force_until >= on))


def _attach_revisions(statute: Statute) -> Statute:
    """`.current`: the approved revision (status in force, perhaps from a later date); `.in_force_today`: the
    one in force today by the dates; `.latest`; `.open_revision`: a draft or one in approval."""
    revisions = statute.revision_list
    today = timezone.localdate()
    statute.current = next((each for each in revisions if each.status == Revision.Status.IN_FORCE), None)
    statute.in_force_today = next((each for each in revisions if _in_force(each, today)), None)
    statute.latest = revisions[-1] if revisions else None
    statute.open_revision = next((each for each in revisions if each.status in (
        Revision.Status.DRAFT, Revision.Status.IN_APPROVAL)), None)
    return statute


def statute_get_for_user(user, statute_id) -> Statute:
    """One statute with its agreed-by list and revisions; a missing id answers 404."""
    statute = None
    if _is_id(statute_id):
        statute = (Statute.objects.prefetch_related(
            "agreed_by", Prefetch("revisions", queryset=Revision.objects.order_by("number"),
                                  to_attr="revision_list"))
            .filter(pk=statute_id).first())
    if statute is None:
        raise NotFound()
    return _attach_revisions(statute)


def revision_get(statute: Statute, number) -> Revision:
    revision = next((each for each in statute.revision_list if str(each.number) == str(number)), None) \
        if _is_id(number) else None
    if revision is None:
        raise NotFound()
    revision.statute = statute
    return revision


def clause_get_for_user(user, clause_id) -> Clause:
    """One clause with its revision and statute, and the workflow steps it mandates; missing answers 404."""
    clause = None
    if _is_id(clause_id):
        clause = (Clause.objects.select_related("revision__statute", "parent")
                  .prefetch_related(Prefetch("workflow_steps", queryset=WorkflowStep.objects.select_related(
                      "workflow")))
                  .filter(pk=clause_id).first())
    if clause is None:
        raise NotFound()
    return clause


def revision_in_force_on(statute: Statute, on: date) -> Revision | None:
    """The revision that was (or is, or will be) in force on the day, by its dates; None before the first."""
    return (Revision.objects.filter(statute=statute, status__in=EFFECTIVE, in_force_from__lte=on)
            .filter(Q(in_force_until__isnull=True) | Q(in_force_until__gte=on))
            .order_by("-in_force_from").first())


@dataclass(frozen=True)
class RevisionRow:
    number: int
    date: date | None
    description: str
    revision: Revision


def revision_table(statute: Statute) -> list[RevisionRow]:
    """The document's revision table (seed 000's "Doküman Revizyon Tablosu"): the revisions that came into force."""
    revisions = getattr(statute, "revision_list", None)
    if revisions is None:
        revisions = list(statute.revisions.order_by("number"))
    return [RevisionRow(number=each.number, date=each.revised_on or each.in_force_from,
                        description=each.description or "", revision=each)
            for each in revisions if each.status in EFFECTIVE]


@dataclass
class ClauseNode:
    clause: Clause
    depth: int
    children: list["ClauseNode"] = field(default_factory=list)
    index: int = 0  # place among its siblings, from 0
    last: bool = True  # the last of its siblings


def clause_tree(revision: Revision) -> list[ClauseNode]:
    """The revision's sections and clauses as nested nodes, in document order, each knowing its depth.

    Two queries whatever the size: the clauses, and the workflow steps they link to.
    """
    clauses = list(revision.clauses.order_by("position").prefetch_related("workflow_steps"))
    nodes = {clause.pk: ClauseNode(clause=clause, depth=0) for clause in clauses}
    roots: list[ClauseNode] = []
    for clause in clauses:
        node = nodes[clause.pk]
        parent = nodes.get(clause.parent_id)
        (parent.children if parent else roots).append(node)
    _set_depths(roots, 0)
    return roots


def _set_depths(nodes: list[ClauseNode], depth: int) -> None:
    for index, node in enumerate(nodes):
        node.depth, node.index, node.last = depth, index, index == len(nodes) - 1
        _set_depths(node.children, depth + 1)


def flatten(nodes: list[ClauseNode]) -> list[ClauseNode]:
    """The nodes in document order, for templates that draw the tree as indented rows."""
    ordered: list[ClauseNode] = []
    for node in nodes:
        ordered.append(node)
        ordered.extend(flatten(node.children))
    return ordered


def clause_choices(revision: Revision) -> list[tuple[int, str]]:
    """The revision's clauses as (id, indented label) for a "parent" select."""
    return [(node.clause.pk, f"{'— ' * node.depth}{node.clause.number} {node.clause.text[:60]}".strip())
            for node in flatten(clause_tree(revision))]


def clauses_by_step(steps) -> dict[int, list[Clause]]:
    """The clauses of revisions in force that mandate each workflow step (seed 000 7.6 → the opinions step),
    in one query, keyed by the step's id."""
    links = (Clause.workflow_steps.through.objects
             .filter(workflowstep__in=list(steps), clause__revision__status=Revision.Status.IN_FORCE)
             .select_related("clause__revision__statute")
             .order_by("clause__revision__statute_id", "clause__position"))
    found: dict[int, list[Clause]] = {}
    for link in links:
        found.setdefault(link.workflowstep_id, []).append(link.clause)
    return found


def public_statutes() -> list[Statute]:
    """The statutes with a revision in force today: the only ones a visitor may see."""
    return [statute for statute in statute_list() if statute.in_force_today is not None]


def publishable_revisions(statute: Statute) -> list[Revision]:
    """The revisions visitors see now or will see: the one in force today and an approved one due later."""
    statute = statute_get_for_user(None, statute.pk)
    return [each for each in statute.revision_list
            if each.status == Revision.Status.IN_FORCE or each is statute.in_force_today]


def public_statute_get(statute_id) -> Statute:
    """A statute in force today for a visitor; any other answers 404, like a missing id."""
    statute = statute_get_for_user(None, statute_id)
    if statute.in_force_today is None:
        raise NotFound()
    return statute


def published_document(revision: Revision, language: str) -> GeneratedDocument | None:
    """The newest copy of a revision made for the public pages in `language`, or None before it is made."""
    return (GeneratedDocument.objects.filter(publication__revision=revision, language=language)
            .order_by("-version").first())
