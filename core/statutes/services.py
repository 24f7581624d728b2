"""Writes of statutes: document control, the draft's clause tree, revisions and their approval.

A revision's text changes only while it is a draft. Approving one puts it in force and
supersedes the one before it, so at most one revision of a statute is ever in force
(the database holds that too) and the dates say which one was in force on any day.
"""

from collections.abc import Collection
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext

from core.agreements.models import WorkflowStep
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.office.models import Role
from core.statutes.errors import StatuteError
from core.statutes.models import AgreedBy, Clause, Revision, Statute
from core.statutes.selectors import REVISION_MOVES, RevisionAction, publishable_revisions
from core.statutes.tasks import publish_statute_revision
from kopru.celery import enqueue_on_commit
from kopru.errors import ServiceError, full_clean_or_refuse
from kopru.translated import LANGUAGES, set_translations

JOB_FIELDS = ("position", "place_in_organisation", "superior", "deputy", "requirements")
# The signers' titles are written in each language ({language: text}), as the head of a document in that language
# names them; their names are not.
SIGNER_TITLE_FIELDS = ("prepared_by_title", "approved_by_title")
UNTRANSLATED_CONTROL_FIELDS = ("document_number", "first_published_on", "prepared_by_name", "approved_by_name")
CONTROL_FIELDS = (*UNTRANSLATED_CONTROL_FIELDS, *SIGNER_TITLE_FIELDS)
# Renumbering moves every row out of the way first: (revision, position) is unique at every moment.
_SHIFT = 1_000_000


def _refuse(code: StatuteError, message: str, field: str | None = None):
    raise ServiceError(code, message, fields={field: [message]} if field else None)


# Statutes and their document control -------------------------------------------------------------

def _set_control(statute: Statute, *, kind, titles, control: dict, job: dict | None,
                 checked: Collection[str] = ()) -> None:
    if kind is not None:
        if kind not in Statute.Kind.values:
            _refuse(StatuteError.INVALID_KIND, gettext("Choose a valid kind of document."), "kind")
        statute.kind = kind
    if titles is not None and not set_translations(statute, "title", titles, checked="title" in checked):
        _refuse(StatuteError.TITLE_REQUIRED, gettext("Give the document a title in at least one language."), "title")
    for name, value in control.items():
        if name in SIGNER_TITLE_FIELDS:
            set_translations(statute, name, value, checked=name in checked)
        else:
            setattr(statute, name, value.strip() if isinstance(value, str) else value)
    for name, texts in (job or {}).items():
        set_translations(statute, name, texts, checked=name in checked)
    for name in checked:  # checked without new texts
        set_translations(statute, name, {}, checked=True)
    full_clean_or_refuse(statute)


def _set_agreed_by(statute: Statute, agreed_by) -> None:
    rows = []
    for index, row in enumerate(each for each in agreed_by if (each.get("name") or "").strip()):
        signer = AgreedBy(statute=statute, position=index, name=row["name"].strip())
        set_translations(signer, "title", row.get("title") or {})
        full_clean_or_refuse(signer, exclude=["statute"])
        rows.append(signer)
    statute.agreed_by.all().delete()
    AgreedBy.objects.bulk_create(rows)


def _check_fields(control: dict, job: dict | None) -> None:
    unknown = set(control) - set(CONTROL_FIELDS) | set(job or {}) - set(JOB_FIELDS)
    if unknown:
        raise TypeError(f"unknown statute fields: {sorted(unknown)}")


@transaction.atomic
def statute_create(*, kind: str, titles: dict[str, str], acting_user, agreed_by=(), job: dict | None = None,
                   description: dict[str, str] | None = None, **control) -> Statute:
    """A new statute with revision 00 as its draft.

    `control` holds the document-control fields (CONTROL_FIELDS), the signers' titles each as
    {language: text}; `job` the job-description fields (JOB_FIELDS), each as {language: text};
    `agreed_by` a list of {"name", "title": {language: text}}.
    """
    _check_fields(control, job)
    statute = Statute(created_by=acting_user if acting_user and acting_user.is_authenticated else None)
    _set_control(statute, kind=kind, titles=titles, control=control, job=job)
    statute.save()
    _set_agreed_by(statute, agreed_by)
    revision = Revision(statute=statute, number=0, status=Revision.Status.DRAFT, created_by=statute.created_by)
    set_translations(revision, "description", description or {})
    revision.full_clean()
    revision.save()
    audit_record(actor=acting_user, action=AuditAction.STATUTE_CREATED, target=statute, details={"kind": statute.kind})
    return statute


@transaction.atomic(durable=True)
def statute_update(*, statute: Statute, acting_user, kind: str | None = None, titles: dict | None = None,
                   agreed_by=None, job: dict | None = None, translations_checked: Collection[str] = (),
                   **control) -> Statute:
    """Change the document control: only the arguments given change. `translations_checked` names the translated
    fields whose other languages still say the same after one was reworded."""
    _check_fields(control, job)
    _set_control(statute, kind=kind, titles=titles, control=control, job=job, checked=translations_checked)
    statute.save()
    if agreed_by is not None:
        _set_agreed_by(statute, agreed_by)
    audit_record(actor=acting_user, action=AuditAction.STATUTE_UPDATED, target=statute,
                 details={"fields": sorted([*control, *(job or {})])})
    # The public copies print the document control: write them again with the new one.
    for revision in publishable_revisions(statute):
        enqueue_on_commit(publish_statute_revision, revision.pk)
    return statute


# The draft's clause tree -------------------------------------------------------------------------

def _locked_draft(revision: Revision) -> Revision:
    """The revision locked for the edit, refused unless it is a draft (in approval it waits for a decision)."""
    locked = Revision.objects.select_for_update().get(pk=revision.pk)
    if locked.status != Revision.Status.DRAFT:
        _refuse(StatuteError.NOT_A_DRAFT, gettext("Only a draft revision can be edited."))
    return locked


def _children(revision: Revision) -> dict[int | None, list[Clause]]:
    children: dict[int | None, list[Clause]] = {}
    for clause in Clause.objects.filter(revision=revision).order_by("position"):
        children.setdefault(clause.parent_id, []).append(clause)
    return children


def _document_order(children: dict[int | None, list[Clause]]) -> list[Clause]:
    ordered: list[Clause] = []

    def walk(parent_id):
        for clause in children.get(parent_id, []):
            ordered.append(clause)
            walk(clause.pk)

    walk(None)
    return ordered


def _renumber(revision: Revision, children: dict[int | None, list[Clause]]) -> None:
    """Positions 1…n in document order: a parent before its children, siblings in their order."""
    ordered = _document_order(children)
    changed = [clause for index, clause in enumerate(ordered, start=1) if clause.position != index]
    if not changed:
        return
    Clause.objects.filter(pk__in=[clause.pk for clause in changed]).update(position=F("position") + _SHIFT)
    for index, clause in enumerate(ordered, start=1):
        clause.position = index
    Clause.objects.bulk_update(changed, ["position"])


def _check_parent(revision: Revision, parent: Clause | None, clause: Clause | None = None) -> None:
    if parent is None:
        return
    if parent.revision_id != revision.pk:
        _refuse(StatuteError.INVALID_PARENT, gettext("The parent must be a clause of the same revision."), "parent")
    ancestor = parent
    while clause is not None and ancestor is not None:
        if ancestor.pk == clause.pk:
            _refuse(StatuteError.INVALID_PARENT, gettext("A clause cannot be placed inside itself."), "parent")
        ancestor = ancestor.parent


def _place(siblings: list[Clause], clause: Clause, index: int | None) -> None:
    index = len(siblings) if index is None else max(0, min(index, len(siblings)))
    siblings.insert(index, clause)


def _set_text(clause: Clause, *, kind, number, texts, checked: bool = False) -> None:
    if kind is not None:
        if kind not in Clause.Kind.values:
            _refuse(StatuteError.INVALID_KIND, gettext("Choose section or clause."), "kind")
        clause.kind = kind
    if number is not None:
        clause.number = number.strip()
    if texts is not None and not set_translations(clause, "text", texts, checked=checked):
        _refuse(StatuteError.TEXT_REQUIRED, gettext("Write the clause's text in at least one language."), "text")


@transaction.atomic(durable=True)
def clause_add(*, revision: Revision, texts: dict[str, str], acting_user, kind: str = Clause.Kind.CLAUSE,
               number: str = "", parent: Clause | None = None, index: int | None = None) -> Clause:
    """Add a section or clause under `parent` (None: at the top), as its `index`-th child (0-based; None: last)."""
    revision = _locked_draft(revision)
    _check_parent(revision, parent)
    clause = Clause(revision=revision, parent=parent)
    _set_text(clause, kind=kind, number=number, texts=texts)
    clause.position = (Clause.objects.filter(revision=revision).aggregate(last=Max("position"))["last"] or 0) + 1
    full_clean_or_refuse(clause, exclude=["position"])
    clause.save()
    children = _children(revision)
    siblings = children.setdefault(parent.pk if parent else None, [])
    siblings.remove(next(each for each in siblings if each.pk == clause.pk))
    _place(siblings, clause, index)
    _renumber(revision, children)
    audit_record(actor=acting_user, action=AuditAction.STATUTE_CLAUSE_ADDED, target=revision,
                 details={"clause": clause.pk, "number": clause.number})
    return clause


@transaction.atomic(durable=True)
def clause_update(*, clause: Clause, acting_user, kind: str | None = None, number: str | None = None,
                  texts: dict[str, str] | None = None, texts_checked: bool = False) -> Clause:
    """Change a clause's kind, number or texts (only the languages given); rewording an up-to-date text marks the
    other languages out of date unless `texts_checked`."""
    _locked_draft(clause.revision)
    _set_text(clause, kind=kind, number=number, texts={} if texts is None and texts_checked else texts,
              checked=texts_checked)
    full_clean_or_refuse(clause, exclude=["position"])
    clause.save()
    audit_record(actor=acting_user, action=AuditAction.STATUTE_CLAUSE_UPDATED, target=clause.revision,
                 details={"clause": clause.pk, "number": clause.number})
    return clause


@transaction.atomic(durable=True)
def clause_move(*, clause: Clause, parent: Clause | None, index: int | None, acting_user) -> Clause:
    """Put a clause (with everything under it) under another parent, or elsewhere among its siblings."""
    revision = _locked_draft(clause.revision)
    _check_parent(revision, parent, clause)
    children = _children(revision)
    old_siblings = children[clause.parent_id]
    old_siblings.remove(next(each for each in old_siblings if each.pk == clause.pk))
    clause.parent = parent
    clause.save(update_fields=["parent"])
    _place(children.setdefault(parent.pk if parent else None, []), clause, index)
    _renumber(revision, children)
    audit_record(actor=acting_user, action=AuditAction.STATUTE_CLAUSE_MOVED, target=revision,
                 details={"clause": clause.pk, "parent": parent.pk if parent else None, "index": index})
    return clause


@transaction.atomic(durable=True)
def clause_delete(*, clause: Clause, acting_user) -> None:
    """Remove a clause and everything under it."""
    revision = _locked_draft(clause.revision)
    details = {"clause": clause.pk, "number": clause.number}
    clause.delete()
    _renumber(revision, _children(revision))
    audit_record(actor=acting_user, action=AuditAction.STATUTE_CLAUSE_REMOVED, target=revision, details=details)


@transaction.atomic(durable=True)
def clause_set_links(*, clause: Clause, roles: list[str], workflow_steps: list[WorkflowStep], acting_user) -> Clause:
    """The roles and workflow steps a clause mandates.

    Links annotate the text rather than change it, so they may be set on the revision in
    force as well as on a draft; the history (superseded, in approval) stays as it was.
    """
    revision = Revision.objects.select_for_update().get(pk=clause.revision_id)
    if revision.status not in REVISION_MOVES[RevisionAction.LINK][0]:  # the rule the clause page follows
        _refuse(StatuteError.NOT_LINKABLE, gettext("Links can be changed on a draft or on the revision in force only."))
    unknown = [role for role in roles if role not in Role.values]
    if unknown:
        _refuse(StatuteError.INVALID_ROLE, gettext("Choose valid roles."), "roles")
    clause.roles = list(dict.fromkeys(roles))
    clause.save(update_fields=["roles"])
    clause.workflow_steps.set(workflow_steps)
    audit_record(actor=acting_user, action=AuditAction.STATUTE_CLAUSE_LINKED, target=revision, details={
        "clause": clause.pk, "roles": clause.roles, "workflow_steps": sorted(step.pk for step in workflow_steps)})
    return clause


# Revisions ------------------------------------------------------------------------------------

def _copy_tree(source: Revision, target: Revision) -> None:
    """Copy the clauses (texts, roles, step links) level by level, so each level knows its parents' new ids."""
    new_ids: dict[int, int] = {}
    level = list(Clause.objects.filter(revision=source, parent=None).order_by("position"))
    text_fields = [f"text_{code}" for code in LANGUAGES]
    while level:
        copies = Clause.objects.bulk_create([
            Clause(revision=target, parent_id=new_ids.get(clause.parent_id), position=clause.position,
                   kind=clause.kind, number=clause.number, roles=list(clause.roles),
                   outdated_translations=clause.outdated_translations,
                   **{name: getattr(clause, name) for name in text_fields})
            for clause in level
        ])
        new_ids.update({clause.pk: copy.pk for clause, copy in zip(level, copies, strict=True)})
        level = list(Clause.objects.filter(parent__in=[clause.pk for clause in level]).order_by("position"))
    links = Clause.workflow_steps.through
    links.objects.bulk_create([
        links(clause_id=new_ids[link.clause_id], workflowstep_id=link.workflowstep_id)
        for link in links.objects.filter(clause__revision=source)
    ])


@transaction.atomic
def revision_start(*, statute: Statute, descriptions: dict[str, str], acting_user) -> Revision:
    """A new draft revision from the one in force: the same tree, texts and links, numbered one higher."""
    statute = Statute.objects.select_for_update().get(pk=statute.pk)
    revisions = list(statute.revisions.all())
    if any(each.status in (Revision.Status.DRAFT, Revision.Status.IN_APPROVAL) for each in revisions):
        _refuse(StatuteError.REVISION_OPEN,
                gettext("This document already has a revision being prepared; finish it first."))
    in_force = next((each for each in revisions if each.status == Revision.Status.IN_FORCE), None)
    if in_force is None:
        _refuse(StatuteError.NOTHING_IN_FORCE, gettext("A new revision starts from the one in force, and none is."))
    revision = Revision(statute=statute, number=max(each.number for each in revisions) + 1,
                        status=Revision.Status.DRAFT,
                        created_by=acting_user if acting_user and acting_user.is_authenticated else None)
    if not set_translations(revision, "description", descriptions):
        _refuse(StatuteError.DESCRIPTION_REQUIRED,
                gettext("Say what changes in this revision, in at least one language."),
                "description")
    revision.full_clean()
    revision.save()
    _copy_tree(in_force, revision)
    audit_record(actor=acting_user, action=AuditAction.STATUTE_REVISION_STARTED, target=revision,
                 details={"number": revision.number, "from": in_force.number})
    return revision


@transaction.atomic(durable=True)
def revision_update(*, revision: Revision, descriptions: dict[str, str], acting_user) -> Revision:
    """Change what a draft revision says it changes (revision 00 may say nothing)."""
    revision = _locked_draft(revision)
    if not set_translations(revision, "description", descriptions) and revision.number > 0:
        _refuse(StatuteError.DESCRIPTION_REQUIRED,
                gettext("Say what changes in this revision, in at least one language."),
                "description")
    revision.save()
    audit_record(actor=acting_user, action=AuditAction.STATUTE_REVISION_UPDATED, target=revision)
    return revision


def _locked(revision: Revision, status: str, message: str) -> Revision:
    locked = Revision.objects.select_for_update().select_related("statute").get(pk=revision.pk)
    if locked.status != status:
        _refuse(StatuteError.WRONG_STATUS, message)
    return locked


@transaction.atomic
def revision_submit(*, revision: Revision, acting_user) -> Revision:
    revision = _locked(revision, Revision.Status.DRAFT, gettext("Only a draft can be sent for approval."))
    if not revision.clauses.exists():
        _refuse(StatuteError.EMPTY_REVISION,
                gettext("Add at least one clause before sending the revision for approval."))
    revision.status = Revision.Status.IN_APPROVAL
    revision.save(update_fields=["status"])
    audit_record(actor=acting_user, action=AuditAction.STATUTE_REVISION_SUBMITTED, target=revision)
    return revision


@transaction.atomic
def revision_approve(*, revision: Revision, in_force_from: date, acting_user, decision_number: str = "",
                     decision_date: date | None = None) -> Revision:
    """Put a revision in force from a date; the one in force until then is superseded the day before. The
    council's decision that approved it (its number and date) is kept when given."""
    Statute.objects.select_for_update().get(pk=revision.statute_id)  # one approval of a statute at a time
    revision = _locked(revision, Revision.Status.IN_APPROVAL, gettext("Only a revision in approval can be approved."))
    previous = revision.statute.revisions.filter(status=Revision.Status.IN_FORCE).first()
    if previous is not None and previous.in_force_from and in_force_from <= previous.in_force_from:
        _refuse(StatuteError.DATE_TOO_EARLY,
                gettext("The revision must come into force after %(date)s, when the one it "
                                          "replaces did.") % {"date": previous.in_force_from.isoformat()},
                "in_force_from")
    if previous is not None:
        previous.status = Revision.Status.SUPERSEDED
        previous.in_force_until = in_force_from - timedelta(days=1)
        previous.save(update_fields=["status", "in_force_until"])
    revision.status = Revision.Status.IN_FORCE
    revision.in_force_from = in_force_from
    revision.in_force_until = None
    revision.revised_on = revision.revised_on or in_force_from
    revision.decision_number, revision.decision_date = decision_number.strip(), decision_date
    revision.save(update_fields=["status", "in_force_from", "in_force_until", "revised_on", "decision_number",
                                "decision_date"])
    statute = revision.statute
    if statute.first_published_on is None:
        statute.first_published_on = in_force_from
        statute.save(update_fields=["first_published_on", "updated_at"])
    audit_record(actor=acting_user, action=AuditAction.STATUTE_REVISION_APPROVED, target=revision, details={
        "in_force_from": in_force_from.isoformat(), "superseded": previous.number if previous else None})
    # Visitors download the copies written now, by a worker; a download never renders one itself.
    enqueue_on_commit(publish_statute_revision, revision.pk)
    return revision


@transaction.atomic(durable=True)
def revision_return(*, revision: Revision, reason: str, acting_user) -> Revision:
    """Send a revision in approval back to its authors, saying why."""
    revision = _locked(revision, Revision.Status.IN_APPROVAL,
                       gettext("Only a revision in approval can be returned to draft."))
    if not (reason or "").strip():
        _refuse(StatuteError.REASON_REQUIRED, gettext("Say why the revision goes back to draft."), "reason")
    revision.status = Revision.Status.DRAFT
    revision.save(update_fields=["status"])
    audit_record(actor=acting_user, action=AuditAction.STATUTE_REVISION_RETURNED, target=revision,
                 details={"reason": reason.strip()})
    return revision
