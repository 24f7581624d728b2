"""Importing a statute from plain text: read the upload, preview the parsed tree, save it as a draft.

The preview is not kept anywhere: it travels as rows (level, number, text, kind) that the
person corrects in a form or an API client sends back, and the document control found in
the text travels beside them, with the lines the parser placed nowhere (a letterhead, page
numbers, running headers), numbered, so that the person can place them. Saving makes the
statute with revision 00 as a draft, its clause tree written in one go in the text's language.
`statute_import_parallel` takes the same text in several languages (parallel texts with the same
numbering) and fills every language of the same clauses, refusing versions whose structure differs.
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils.translation import get_language_info, gettext

from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.statutes.errors import StatuteError
from core.statutes.models import Clause, Statute
from core.statutes.parser import (
    DocumentControl,
    Node,
    Unplaced,
    job_paths,
    job_value,
    parse_document,
    shape,
    walk,
)
from core.statutes.services import statute_create
from kopru.errors import ServiceError

MAX_TEXT_MB = 2
MAX_LEVEL = 9
DROP, MERGE, SPLIT = "drop", "merge", "split"
PAYLOAD_SALT = "statutes.import.preview"
PAYLOAD_MAX_AGE = 24 * 60 * 60
_SHORT = {"title": 255, "position": 255, "superior": 255, "deputy": 255}


@dataclass
class Row:
    """One node of the tree, flat: its depth, the label as written, its text and whether it is a section."""

    level: int
    number: str
    text: str
    kind: str = Clause.Kind.CLAUSE
    action: str = ""


@dataclass
class ImportPreview:
    rows: list[Row]
    control: DocumentControl
    job: dict[str, str]
    unplaced: list[Unplaced] = field(default_factory=list)


# Reading -----------------------------------------------------------------------------------------

def text_from_upload(upload, *, field: str = "file") -> str:
    """The text of an uploaded .txt file; refused unless it is UTF-8 plain text."""
    if upload.size > MAX_TEXT_MB * 1024 * 1024:
        message = gettext("The file is larger than %(megabytes)d MB.") % {"megabytes": MAX_TEXT_MB}
        raise ServiceError(StatuteError.FILE_TOO_LARGE, message, fields={field: [message]})
    content = upload.read()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        message = gettext("The file is not plain text in UTF-8. Save it as “Plain text (.txt)” with the UTF-8 "
                          "encoding and upload it again.")
        raise ServiceError(StatuteError.FILE_ENCODING, message, fields={field: [message]})
    return text


def _checked_text(text: str, *, field: str = "text") -> str:
    if not (text or "").strip():
        message = gettext("There is no text to import.")
        raise ServiceError(StatuteError.TEXT_REQUIRED, message, fields={field: [message]})
    return text


def import_preview(*, text: str, kind: str = "") -> ImportPreview:
    """The text parsed, as rows to correct; a job description also shows the parts it names."""
    parsed = parse_document(_checked_text(text))
    job = {}
    if kind == Statute.Kind.JOB_DESCRIPTION:
        job = {name: job_value(parsed.nodes, path) for name, path in job_paths(parsed.nodes).items()}
    return ImportPreview(rows=rows_from_nodes(parsed.nodes), control=parsed.control, job=job,
                         unplaced=parsed.unplaced)


@dataclass
class PreviewPayload:
    """What the review form carries back besides the rows: the document control, a job description's parts and
    the lines not placed."""

    control: DocumentControl
    job: dict[str, str]
    unplaced: list[Unplaced]


def payload_dumps(preview: ImportPreview) -> str:
    """What the preview found besides the rows, signed, for the review form to carry back."""
    return signing.dumps({"control": preview.control.as_dict(), "job": preview.job,
                          "unplaced": [asdict(line) for line in preview.unplaced]},
                         salt=PAYLOAD_SALT, compress=True)


def payload_loads(token: str) -> PreviewPayload:
    try:
        data = signing.loads(token, salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
    except signing.BadSignature as error:
        message = gettext("This preview has expired or was altered; paste or upload the text again.")
        raise ServiceError(StatuteError.PREVIEW_INVALID, message) from error
    return PreviewPayload(control=DocumentControl.from_dict(data["control"]), job=data["job"],
                          unplaced=[Unplaced(**line) for line in data.get("unplaced", [])])


# Rows and corrections ----------------------------------------------------------------------------

def rows_from_nodes(nodes: list[Node]) -> list[Row]:
    return [Row(level=depth, number=node.number, text=node.text, kind=node.kind) for depth, node in walk(nodes)]


def rows_corrected(rows: Iterable[Row]) -> list[Row]:
    """Apply each row's action: drop it, merge it into the row above, or split its text at its line breaks.

    Levels are then settled so that no row sits more than one level below the row above it
    (a dropped heading's items move up with it).
    """
    result: list[Row] = []
    for row in rows:
        if row.action == DROP:
            continue
        if row.action == MERGE and result:
            above = result[-1]
            above.text = " ".join(part for part in (above.text.strip(), row.text.strip()) if part)
            continue
        parts = [part.strip() for part in row.text.splitlines() if part.strip()] if row.action == SPLIT else None
        if parts:
            result.append(Row(level=row.level, number=row.number, text=parts[0], kind=row.kind))
            result.extend(Row(level=row.level, number="", text=part, kind=Clause.Kind.CLAUSE) for part in parts[1:])
        else:
            result.append(Row(level=row.level, number=row.number, text=row.text.strip(), kind=row.kind))
    previous = -1
    for row in result:
        row.level = max(0, min(row.level, previous + 1, MAX_LEVEL))
        previous = row.level
    return result


def _checked_rows(rows: list[Row]) -> list[Row]:
    if not rows:
        message = gettext("Nothing is left to import: keep at least one row.")
        raise ServiceError(StatuteError.ROWS_REQUIRED, message, fields={"rows": [message]})
    previous = -1
    for index, row in enumerate(rows, start=1):
        problem = None
        if row.level < 0 or row.level > previous + 1:
            problem = gettext("Row %(row)d is more than one level below the row above it.") % {"row": index}
        elif not row.text.strip() and not row.number.strip():
            problem = gettext("Row %(row)d has neither a number nor a text.") % {"row": index}
        elif row.kind not in Clause.Kind.values:
            problem = gettext("Row %(row)d must be a section or a clause.") % {"row": index}
        if problem:
            raise ServiceError(StatuteError.INVALID_ROWS, problem, fields={"rows": [problem]})
        previous = row.level
    return rows


# Saving ------------------------------------------------------------------------------------------

def _language_name(code: str) -> str:
    return get_language_info(code)["name_translated"]


def _checked_language(code: str, field: str = "language") -> str:
    if code not in settings.MODELTRANSLATION_LANGUAGES:
        message = gettext("Choose one of the languages Köprü speaks.")
        raise ServiceError(StatuteError.INVALID_LANGUAGE, message, fields={field: [message]})
    return code


def _control_fields(controls: dict[str, DocumentControl]) -> dict:
    """The document control of the first (the original) of `controls` by language; the signers' titles as each
    language's document writes them."""
    base = next(iter(controls.values()))
    prepared, approved = base.prepared_by, base.approved_by

    def titles(signer: str) -> dict[str, str]:
        return {code: getattr(control, signer).title[:255] if getattr(control, signer) else ""
                for code, control in controls.items()}

    return {
        "document_number": base.document_number[:64],
        "first_published_on": base.first_published_on,
        "prepared_by_name": prepared.name[:255] if prepared else "",
        "prepared_by_title": titles("prepared_by"),
        "approved_by_name": approved.name[:255] if approved else "",
        "approved_by_title": titles("approved_by"),
        # Matched by place: the versions of one document list the same people in the same order.
        "agreed_by": [{"name": person.name[:255], "title": {
            code: control.agreed_by[index].title[:255] for code, control in controls.items()
            if index < len(control.agreed_by)}} for index, person in enumerate(base.agreed_by)],
    }


def _short(name: str, text: str) -> str:
    return text[:_SHORT[name]] if name in _SHORT else text


def _write_clauses(revision, rows: list[Row], texts: dict[str, list[str]]) -> int:
    """The rows as clauses of the revision, level by level so every level knows its parents' ids.

    `texts` holds, per language, the text of each row in row order. Positions follow the
    document order, as the statute services keep them.
    """
    parents: list[int | None] = []
    stack: list[int] = []
    for index, row in enumerate(rows):
        del stack[row.level:]
        parents.append(stack[-1] if stack else None)
        stack.append(index)
    ids: dict[int, int] = {}
    for level in range(max(row.level for row in rows) + 1):
        indexes = [index for index, row in enumerate(rows) if row.level == level]
        created = Clause.objects.bulk_create([
            Clause(revision=revision, parent_id=ids.get(parents[index]), position=index + 1, kind=rows[index].kind,
                   number=rows[index].number.strip()[:32],
                   **{f"text_{code}": values[index] or None for code, values in texts.items()})
            for index in indexes
        ])
        ids.update({index: clause.pk for index, clause in zip(indexes, created, strict=True)})
    return len(rows)


def _draft_revision(statute: Statute, control: DocumentControl):
    revision = statute.revisions.get()
    revision.revised_on = control.revised_on
    revision.page_count = control.page_count
    revision.save(update_fields=["revised_on", "page_count"])
    return revision


@transaction.atomic(durable=True)
def statute_import(*, acting_user, kind: str, language: str, title: str, rows: list[Row],
                   control: DocumentControl | None = None, job: dict[str, str] | None = None) -> Statute:
    """A new statute from corrected rows in one language: document control, revision 00 as a draft, its clauses."""
    _checked_language(language)
    rows = _checked_rows(list(rows))
    control = control or DocumentControl()
    statute = statute_create(
        kind=kind, titles={language: title[:255]}, acting_user=acting_user,
        job={name: {language: _short(name, value)} for name, value in (job or {}).items()
             if kind == Statute.Kind.JOB_DESCRIPTION},
        **_control_fields({language: control}),
    )
    revision = _draft_revision(statute, control)
    count = _write_clauses(revision, rows, {language: [row.text for row in rows]})
    audit_record(actor=acting_user, action=AuditAction.STATUTE_IMPORTED, target=statute,
                 details={"languages": [language], "clauses": count})
    return statute


def _mismatch(language: str, original: str, expected, found) -> ServiceError:
    def describe(item):
        if item is None:
            return gettext("the end of the text")
        depth, number = item
        return gettext("“%(number)s” at level %(level)d") % {"number": number or "—", "level": depth + 1}

    message = gettext("The %(language)s text does not have the structure of the %(original)s one: where the "
                      "%(original)s text has %(expected)s, the %(language)s text has %(found)s.") % {
        "language": _language_name(language), "original": _language_name(original),
        "expected": describe(expected), "found": describe(found)}
    return ServiceError(StatuteError.STRUCTURE_MISMATCH, message, fields={"texts": [message]})


def _first_difference(expected: list, found: list):
    for index in range(max(len(expected), len(found))):
        left = expected[index] if index < len(expected) else None
        right = found[index] if index < len(found) else None
        if left != right:
            return left, right
    return None


@transaction.atomic
def statute_import_parallel(*, texts: dict[str, str], kind: str, acting_user,
                            titles: dict[str, str] | None = None) -> Statute:
    """One statute from the same text in several languages; the first language given is the original.

    The original gives the structure, the kinds and the document control; every other
    version must have the same numbering and nesting (bullets may differ in their sign),
    or nothing is saved and the message names the first place where they differ.
    """
    if not texts:
        raise ServiceError(StatuteError.TEXT_REQUIRED, gettext("There is no text to import."))
    parsed = {_checked_language(code, "texts"): parse_document(_checked_text(text, field="texts"))
              for code, text in texts.items()}
    original = next(iter(parsed))
    structure = shape(parsed[original].nodes)
    for code, document in parsed.items():
        difference = _first_difference(structure, shape(document.nodes))
        if difference:
            raise _mismatch(code, original, *difference)
    base = parsed[original]
    rows = rows_from_nodes(base.nodes)
    titles = titles or {code: document.control.title for code, document in parsed.items()}
    job = {}
    if kind == Statute.Kind.JOB_DESCRIPTION:
        job = {name: {code: _short(name, job_value(document.nodes, path)) for code, document in parsed.items()}
               for name, path in job_paths(base.nodes).items()}
    statute = statute_create(
        kind=kind, titles={code: title[:255] for code, title in titles.items()}, acting_user=acting_user,
        job=job, **_control_fields({code: document.control for code, document in parsed.items()}),
    )
    revision = _draft_revision(statute, base.control)
    count = _write_clauses(revision, rows, {
        code: [node.text for _depth, node in walk(document.nodes)] for code, document in parsed.items()})
    audit_record(actor=acting_user, action=AuditAction.STATUTE_IMPORTED, target=statute,
                 details={"languages": list(parsed), "clauses": count})
    return statute
