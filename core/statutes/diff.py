"""Two revisions of a statute side by side, in one language, with what changed marked.

Clauses are aligned by their number under their parents' numbers ("II" › "1."), and by
order among clauses that share one: seed 000 numbers two clauses "7.16". Within a clause
whose text changed, the changed words are marked <del> on the left and <ins> on the right.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override

from core.statutes.models import Clause, Revision
from core.statutes.selectors import clause_tree, flatten

ADDED, REMOVED, CHANGED, UNCHANGED = "added", "removed", "changed", "unchanged"
_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class DiffRow:
    status: str
    number: str
    depth: int
    old: Clause | None
    new: Clause | None
    old_html: SafeString
    new_html: SafeString


@dataclass(frozen=True)
class _Entry:
    key: tuple
    clause: Clause
    depth: int
    text: str


def _entries(revision: Revision, language: str) -> list[_Entry]:
    entries, seen = [], {}
    paths: dict[int, tuple[str, ...]] = {}
    with override(language):
        for node in flatten(clause_tree(revision)):
            clause = node.clause
            path = (*paths.get(clause.parent_id, ()), clause.number)
            paths[clause.pk] = path
            occurrence = seen[path] = seen.get(path, -1) + 1
            entries.append(_Entry(key=(path, occurrence), clause=clause, depth=node.depth, text=clause.text or ""))
    return entries


def mark_words(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Both texts HTML-escaped, the words only the old one has in <del>, only the new one has in <ins>."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    left, right = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes():
        removed, added = escape("".join(old_tokens[i1:i2])), escape("".join(new_tokens[j1:j2]))
        if tag == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(format_html("<del>{}</del>", removed))
        if added:
            right.append(format_html("<ins>{}</ins>", added))
    # Every piece is escaped text or one of the two tags around escaped text.
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308


def _plain(text: str) -> SafeString:
    return escape(text)


def _pair(old: _Entry, new: _Entry) -> DiffRow:
    if old.text == new.text and old.clause.kind == new.clause.kind:
        return DiffRow(UNCHANGED, new.clause.number, new.depth, old.clause, new.clause,
                       _plain(old.text), _plain(new.text))
    old_html, new_html = mark_words(old.text, new.text)
    return DiffRow(CHANGED, new.clause.number, new.depth, old.clause, new.clause, old_html, new_html)


def _removed(entry: _Entry) -> DiffRow:
    return DiffRow(REMOVED, entry.clause.number, entry.depth, entry.clause, None,
                   format_html("<del>{}</del>", entry.text), SafeString(""))


def _added(entry: _Entry) -> DiffRow:
    return DiffRow(ADDED, entry.clause.number, entry.depth, None, entry.clause,
                   SafeString(""), format_html("<ins>{}</ins>", entry.text))


def revision_diff(old: Revision, new: Revision, language: str) -> list[DiffRow]:
    """Rows in document order; a clause whose number moved reads as removed at one place and added at another."""
    before, after = _entries(old, language), _entries(new, language)
    matcher = SequenceMatcher(None, [e.key for e in before], [e.key for e in after], autojunk=False)
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(_pair(o, n) for o, n in zip(before[i1:i2], after[j1:j2], strict=True))
        else:
            rows.extend(_removed(entry) for entry in before[i1:i2])
            rows.extend(_added(entry) for entry in after[j1:j2])
    return rows


def changes_only(rows: list[DiffRow]) -> list[DiffRow]:
    """The rows that were added, removed or changed: "changes only" of the comparison."""
    return [row for row in rows if row.status != UNCHANGED]


def diff_summary(rows: list[DiffRow]) -> dict[str, int]:
    summary = dict.fromkeys((ADDED, REMOVED, CHANGED, UNCHANGED), 0)
    for row in rows:
        summary[row.status] += 1
    return summary
