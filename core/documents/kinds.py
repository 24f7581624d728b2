"""The kinds of generated documents: each one's layout in a language, its sample context and its default templates.

The engine names every kind (DocumentKind) but fills none of them itself: each app registers the
kinds it writes from its AppConfig.ready(), so the engine never imports the records a document is
about. The sample context has every key a real one has; uploaded templates are checked against it
and previewed with it, so a template that renders here renders for real documents too.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.documents import mobility_kinds as mobility
from core.documents.layout import Block
from core.documents.models import DocumentKind
from core.documents.report_kind import report_layout, report_sample

ENGINE_DEFAULTS = Path(__file__).resolve().parent / "defaults"


@dataclass(frozen=True)
class Kind:
    layout: Callable[[str], list[Block]]
    sample: Callable[[str], dict]
    # The folder of its shipped default templates, one <kind>_<language>.docx per language.
    defaults: Path
    # Called (inside the transaction) when the office uploads or resets a template of this kind.
    on_template_change: Callable[[], None] | None = None


KINDS: dict[str, Kind] = {}


def register_kind(kind: DocumentKind, *, layout: Callable[[str], list[Block]], sample: Callable[[str], dict],
                  defaults: Path, on_template_change: Callable[[], None] | None = None) -> None:
    """Make a kind known to the engine; the kinds stay in DocumentKind's order, whichever app is ready first."""
    KINDS[kind] = Kind(layout=layout, sample=sample, defaults=defaults, on_template_change=on_template_change)
    ordered = sorted(KINDS.items(), key=lambda item: list(DocumentKind).index(item[0]))
    KINDS.clear()
    KINDS.update(ordered)


def register_engine_kinds() -> None:
    """The kinds written from plain data, which read no app's records."""
    register_kind(DocumentKind.INVITATION_LETTER, layout=mobility.invitation_letter_layout,
                  sample=mobility.invitation_letter_sample, defaults=ENGINE_DEFAULTS)
    register_kind(DocumentKind.ATTENDANCE_CERTIFICATE, layout=mobility.attendance_certificate_layout,
                  sample=mobility.attendance_certificate_sample, defaults=ENGINE_DEFAULTS)
    register_kind(DocumentKind.RESIDENCE_PERMIT_LETTER, layout=mobility.residence_permit_letter_layout,
                  sample=mobility.residence_permit_letter_sample, defaults=ENGINE_DEFAULTS)
    register_kind(DocumentKind.REPORT, layout=report_layout, sample=report_sample, defaults=ENGINE_DEFAULTS)
