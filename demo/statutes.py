"""The demo universities' own documents (KOPRU_DEMO only), imported from demo/seeds/.

Each seed is the office document of one demo university (seed_NNN.<language>.txt is the
original, the other languages its parallel translations). It is imported through
`statute_import_parallel` with every translation whose structure matches the original,
then put in force through the statute services; seed 000's revision table is replayed as
revisions 01–06, each in force from its date. Running it again changes nothing.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.statutes.importing.services import statute_import_parallel
from core.statutes.models import Statute
from core.statutes.parser import DocumentControl, parse_document, shape
from core.statutes.services import revision_approve, revision_start, revision_submit

logger = logging.getLogger(__name__)

SEEDS = Path(__file__).resolve().parent / "seeds"


@dataclass(frozen=True)
class DemoDocument:
    seed: str
    language: str  # the original's
    kind: str


DEMO_DOCUMENTS = {
    "osh": [DemoDocument("004", "ky", Statute.Kind.STATUTE)],
    "kastamonu": [DemoDocument("002", "tr", Statute.Kind.JOB_DESCRIPTION)],
    "antalya": [DemoDocument("000", "tr", Statute.Kind.JOB_DESCRIPTION),
                DemoDocument("001", "tr", Statute.Kind.STATUTE)],
    "igdir": [DemoDocument("003", "tr", Statute.Kind.OTHER)],
}


def seed_texts(document: DemoDocument) -> dict[str, str]:
    """The original first, then each translation present, in the order of the site's languages."""
    texts = {document.language: (SEEDS / f"seed_{document.seed}.{document.language}.txt").read_text("utf-8")}
    for code in settings.MODELTRANSLATION_LANGUAGES:
        path = SEEDS / f"seed_{document.seed}.{code}.txt"
        if code != document.language and path.exists():
            texts[code] = path.read_text("utf-8")
    return texts


def matching_texts(texts: dict[str, str]) -> dict[str, str]:
    """The original and the translations numbered and nested like it; the others are left out with a warning."""
    original, *others = texts
    structure = shape(parse_document(texts[original]).nodes)
    kept = {original: texts[original]}
    for code in others:
        if shape(parse_document(texts[code]).nodes) == structure:
            kept[code] = texts[code]
        else:
            logger.warning("The %s translation of %s does not match the original's structure; left out.",
                           code, original)
    return kept


def demo_statutes_ensure(*, university, acting_user) -> int:
    """Import the university's demo documents unless they are there; how many were imported."""
    if not settings.KOPRU_DEMO:
        raise RuntimeError("Demo statutes are written only when KOPRU_DEMO=1.")
    documents = DEMO_DOCUMENTS.get(university.slug, ())
    return sum(demo_document_ensure(document, acting_user=acting_user) for document in documents)


@transaction.atomic
def demo_document_ensure(document: DemoDocument, *, acting_user) -> bool:
    """Import one seed in the current schema unless a statute with its title is there; True if it did."""
    texts = matching_texts(seed_texts(document))
    parsed = {code: parse_document(text).control for code, text in texts.items()}
    original = parsed[document.language]
    if Statute.objects.filter(**{f"title_{document.language}": original.title[:255]}).exists():
        return False
    statute = statute_import_parallel(texts=texts, kind=document.kind, acting_user=acting_user)
    _put_in_force(statute, parsed, document.language, acting_user)
    return True


def _put_in_force(statute: Statute, controls: dict[str, DocumentControl], language: str, acting_user) -> None:
    """Revision 00 in force from the document's own date, then each row of its revision table in turn."""
    control = controls[language]
    table = control.revisions
    first = control.first_published_on or control.approved_on or (
        table[0].revised_on - timedelta(days=1) if table and table[0].revised_on else timezone.localdate())
    revision = statute.revisions.get()
    revision_submit(revision=revision, acting_user=acting_user)
    revision_approve(revision=revision, in_force_from=first, acting_user=acting_user)
    for index, entry in enumerate(table):
        descriptions = {code: each.revisions[index].description for code, each in controls.items()
                        if index < len(each.revisions)}
        revision = revision_start(statute=statute, descriptions=descriptions, acting_user=acting_user)
        revision_submit(revision=revision, acting_user=acting_user)
        revision_approve(revision=revision, in_force_from=entry.revised_on or _after(first), acting_user=acting_user)
        first = revision.in_force_from


def _after(day: date) -> date:
    return day + timedelta(days=1)
