"""The information note about a prospective partner (seed 000 7.4): rankings, units, recognition, our agreements."""

from core.documents.context import current_university, document_frame, format_date
from core.documents.models import DocumentKind, GeneratedDocument
from core.documents.services import check_language, document_generate
from core.documents.texts import TEXTS
from core.partners.models import Partner
from core.partners.selectors import partner_info_note_context
from kopru.celery import enqueue_on_commit


def info_note_generate(
    *, partner: Partner, language: str | None = None, acting_user, asynchronously: bool = False,
) -> GeneratedDocument | None:
    """The note in `language`, by default the university's own; queued for a worker when asked (returns None)."""
    language = language or current_university().default_language
    check_language(language)
    if asynchronously:
        from core.documents.tasks import generate_document

        enqueue_on_commit(generate_document, DocumentKind.INFO_NOTE, partner.pk, language,
                          getattr(acting_user, "pk", None))
        return None
    partner_context = _note_partner(partner, language)
    title = TEXTS[language]["info_note_subject"].format(partner=partner_context["name"])
    context = {
        **document_frame(language, subject=title, signatory_name=getattr(acting_user, "display_name", "")),
        "partner": partner_context,
    }
    return document_generate(kind=DocumentKind.INFO_NOTE, context=context, language=language,
                             acting_user=acting_user, target=partner)


def _note_partner(partner: Partner, language: str) -> dict:
    """The partner as the note's templates name it: text only, dates as letters write them.

    The facts come from the partner register's own selector; this keeps the placeholders
    a template uses stable whatever that selector adds.
    """
    note = partner_info_note_context(partner, language)
    check = note["recognition"]["last_check"] or {}
    return {
        "name": str(note["name"]),
        "short_name": note["short_name"],
        "country": note["country_name"],
        "city": note["city"],
        "website": note["website"],
        **{field: value or "" for field, value in note["identifiers"].items()},
        "units": [str(unit) for unit in note["units"]],
        "rankings": [{"system": entry["system"], "year": str(entry["year"]), "rank": entry["position"]}
                     for entry in note["rankings"]],
        "recognition": {
            "status": note["recognition"]["label"],
            "checked_on": format_date(check.get("checked_on")),
            "method": check.get("method_label", ""),
            "reference": check.get("reference", ""),
        },
        "agreements": [
            {"title": str(agreement["title"]), "kind": agreement["kind_label"], "status": agreement["status_label"],
             "validity": " – ".join(filter(None, (format_date(agreement["starts_on"]),
                                                  format_date(agreement["ends_on"]))))}
            for agreement in note["agreements"]
        ],
    }
