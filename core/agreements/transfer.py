"""Agreements in and out as tables: CSV (agreements only) or XLSX (sheets "agreements" and "conditions").

One row per agreement. Partners are named by Erasmus code, PIC or exact name (in any
language), several separated by ";"; our units by exact name; scopes and languages by
their codes, separated by ";". In a workbook, each row of the "conditions" sheet belongs
to the agreement whose "id" it gives in its "agreement" column. The import saves every
agreement through agreement_create, all or nothing, and reports each problem with its
sheet, line and column. Imported agreements start as drafts, like any new agreement.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext

from core.agreements.errors import AgreementError
from core.agreements.models import Agreement, IscedField
from core.agreements.selectors import with_related
from core.agreements.services import agreement_create
from core.audit.actions import AuditAction
from core.audit.services import audit_record
from core.office.models import AcademicUnit
from core.partners.models import Partner
from kopru.errors import ServiceError
from kopru.spreadsheets import (
    CSV_SHEET,
    ImportRefused,
    ImportResult,
    Row,
    RowError,
    Table,
    read_sheets,
    write_table,
    write_workbook,
)

LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
SEPARATOR = ";"
AGREEMENTS_SHEET, CONDITIONS_SHEET = "agreements", "conditions"
TITLE_COLUMNS = [f"title_{code}" for code in LANGUAGES]
AGREEMENT_COLUMNS = ["id", "kind", *TITLE_COLUMNS, "reference", "partners", "units", "scopes", "origin",
                     "starts_on", "ends_on", "first_academic_year", "last_academic_year", "renewal",
                     "text_languages", "status"]
CONDITION_COLUMNS = ["agreement", "direction", "mobility_type", "isced", "eqf_level", "places_per_year",
                     "months_per_person", "days_per_person", "language", "cefr_level"]


# --- out -------------------------------------------------------------------------------------------------

def _agreement_row(agreement: Agreement) -> dict:
    return {
        "id": agreement.pk, "kind": agreement.kind, "reference": agreement.reference,
        **{column: getattr(agreement, column) or "" for column in TITLE_COLUMNS},
        "partners": SEPARATOR.join(_partner_reference(partner) for partner in agreement.partners.all()),
        "units": SEPARATOR.join(str(unit.name) for unit in agreement.units.all()),
        "scopes": SEPARATOR.join(agreement.scopes), "origin": agreement.origin,
        "starts_on": agreement.starts_on, "ends_on": agreement.ends_on,
        "first_academic_year": agreement.first_academic_year, "last_academic_year": agreement.last_academic_year,
        "renewal": agreement.renewal, "text_languages": SEPARATOR.join(agreement.text_languages),
        "status": agreement.status,
    }


def _partner_reference(partner: Partner) -> str:
    return partner.erasmus_code or partner.pic or str(partner.name)


def _condition_rows(agreements) -> list[dict]:
    return [
        {"agreement": agreement.pk, **{column: getattr(condition, column) for column in CONDITION_COLUMNS[1:]},
         "isced": condition.isced.code if condition.isced else ""}
        for agreement in agreements for condition in agreement.conditions.all()
    ]


def agreements_export(agreements, file_format: str) -> bytes:
    """The agreements as CSV (agreements only) or as an XLSX workbook with their conditions."""
    agreements = list(with_related(agreements.order_by("pk")))
    rows = [_agreement_row(agreement) for agreement in agreements]
    agreement_columns = [(column, column) for column in AGREEMENT_COLUMNS]
    if file_format == "csv":
        return write_table(agreement_columns, rows, "csv")
    return write_workbook([(AGREEMENTS_SHEET, agreement_columns, rows),
                           (CONDITIONS_SHEET, [(column, column) for column in CONDITION_COLUMNS],
                            _condition_rows(agreements))])


# --- in --------------------------------------------------------------------------------------------------

@dataclass
class SheetRowError(RowError):
    """A problem of one cell, with the sheet it is on (empty for a CSV file)."""

    sheet: str = ""

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, **super().as_dict()}


def read_agreement_tables(upload) -> tuple[Table, Table | None, str]:
    """(agreements, conditions or None, sheet name of the agreements: "" for CSV) of an uploaded file."""
    sheets = read_sheets(upload)
    if CSV_SHEET in sheets:
        return sheets[CSV_SHEET], None, CSV_SHEET
    if AGREEMENTS_SHEET not in sheets:
        raise ServiceError(AgreementError.MISSING_SHEET, gettext("The workbook has no sheet named “%(sheet)s”.")
                           % {"sheet": AGREEMENTS_SHEET})
    return sheets[AGREEMENTS_SHEET], sheets.get(CONDITIONS_SHEET), AGREEMENTS_SHEET


class _RowProblems(Exception):
    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__(problems)
        self.problems = problems


class _Cells:
    """Typed reads of one row's cells, collecting every problem instead of stopping at the first."""

    def __init__(self, row: Row):
        self.row = row
        self.problems: list[tuple[str, str]] = []

    def text(self, column: str) -> str:
        return self.row[column]

    def items(self, column: str) -> list[str]:
        return [item.strip() for item in self.row[column].split(SEPARATOR) if item.strip()]

    def number(self, column: str, kind=int):
        value = self.row[column]
        if not value:
            return None
        try:
            return kind(value.replace(",", ".")) if kind is Decimal else kind(value)
        except (ValueError, InvalidOperation):
            self.problems.append((column, gettext("“%(value)s” is not a number.") % {"value": value}))
            return None

    def day(self, column: str) -> date | None:
        value = self.row[column]
        if not value:
            return None
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            self.problems.append((column, gettext("“%(value)s” is not a date written as YYYY-MM-DD.")
                                  % {"value": value}))
            return None

    def done(self):
        if self.problems:
            raise _RowProblems(self.problems)


class _References:
    """Partners, units and ISCED fields by the names a table gives them, read once per import."""

    def __init__(self):
        self.partners: dict[str, list[Partner]] = defaultdict(list)
        for partner in Partner.objects.all():
            keys = {partner.erasmus_code.upper(), partner.pic} | {
                (getattr(partner, f"name_{code}") or "").strip().casefold() for code in LANGUAGES}
            for key in keys - {""}:
                self.partners[key].append(partner)
        self.units: dict[str, list[AcademicUnit]] = defaultdict(list)
        for unit in AcademicUnit.objects.all():
            for name in {(getattr(unit, f"name_{code}") or "").strip().casefold() for code in LANGUAGES} - {""}:
                self.units[name].append(unit)
        self.isced = {field.code: field for field in IscedField.objects.all()}

    @staticmethod
    def _one(found: list, reference: str, column: str, cells: _Cells):
        if len(found) == 1:
            return found[0]
        message = (gettext("“%(reference)s” names more than one record; use a code instead of the name.")
                   if found else gettext("Nothing is known by “%(reference)s”."))
        cells.problems.append((column, message % {"reference": reference}))
        return None

    def partner(self, reference: str, cells: _Cells) -> Partner | None:
        found = self.partners.get(reference.upper()) or self.partners.get(reference.casefold(), [])
        return self._one(found, reference, "partners", cells)

    def unit(self, name: str, cells: _Cells) -> AcademicUnit | None:
        return self._one(self.units.get(name.casefold(), []), name, "units", cells)


def _agreement_fields(row: Row, references: _References) -> dict:
    cells = _Cells(row)
    partners = [references.partner(reference, cells) for reference in cells.items("partners")]
    units = [references.unit(name, cells) for name in cells.items("units")]
    fields = {
        "kind": cells.text("kind"), "reference": cells.text("reference"),
        "titles": {code: row[f"title_{code}"] for code in LANGUAGES},
        "partners": [partner for partner in partners if partner], "units": [unit for unit in units if unit],
        "scopes": cells.items("scopes"), "origin": cells.text("origin") or Agreement.Origin.OFFICE,
        "starts_on": cells.day("starts_on"), "ends_on": cells.day("ends_on"),
        "first_academic_year": cells.number("first_academic_year"),
        "last_academic_year": cells.number("last_academic_year"),
        "renewal": cells.text("renewal") or Agreement.Renewal.NONE,
        "text_languages": [code.lower() for code in cells.items("text_languages")],
    }
    cells.done()
    return fields


def _condition_fields(row: Row, references: _References) -> dict:
    cells = _Cells(row)
    isced = None
    if row["isced"]:
        isced = references.isced.get(row["isced"])
        if isced is None:
            cells.problems.append(("isced", gettext("“%(code)s” is not an ISCED-F 2013 field code.")
                                   % {"code": row["isced"]}))
    fields = {
        "direction": row["direction"], "mobility_type": row["mobility_type"], "isced": isced,
        "eqf_level": cells.number("eqf_level"), "places_per_year": cells.number("places_per_year"),
        "months_per_person": cells.number("months_per_person", Decimal),
        "days_per_person": cells.number("days_per_person"),
        "language": row["language"].lower(), "cefr_level": row["cefr_level"].upper(),
    }
    cells.done()
    return fields


# Service errors that name no column of the table.
FIELD_COLUMNS = {"title": ", ".join(TITLE_COLUMNS)}


@transaction.atomic(durable=True)
def agreements_import(*, upload, acting_user) -> ImportResult:
    """Create one draft agreement per row (with its conditions from a workbook), or none at all."""
    agreements, conditions, sheet = read_agreement_tables(upload)
    agreements.require_columns({"kind", "partners"})
    if conditions is not None:
        conditions.require_columns({"agreement", "direction", "mobility_type", "places_per_year"})
    references = _References()
    errors: list[SheetRowError] = []

    def refuse(on_sheet: str, line: int, column: str, message: str) -> None:
        errors.append(SheetRowError(line=line, column=FIELD_COLUMNS.get(column, column), message=str(message),
                                    sheet=on_sheet))

    ids = [row["id"] for row in agreements.rows]
    for row in agreements.rows:
        if row["id"] and ids.count(row["id"]) > 1:
            refuse(sheet, row.line, "id", gettext("Another row has the id “%(id)s” too.") % {"id": row["id"]})
    conditions_of: dict[str, list[tuple[Row, dict]]] = defaultdict(list)
    for row in conditions.rows if conditions is not None else ():
        if row["agreement"] not in ids or not row["agreement"]:
            refuse(CONDITIONS_SHEET, row.line, "agreement",
                   gettext("No row of the agreements sheet has the id “%(id)s”.") % {"id": row["agreement"]})
        try:
            conditions_of[row["agreement"]].append((row, _condition_fields(row, references)))
        except _RowProblems as problems:
            for column, message in problems.problems:
                refuse(CONDITIONS_SHEET, row.line, column, message)

    result = ImportResult()
    for row in agreements.rows:
        own_conditions = conditions_of.get(row["id"], []) if row["id"] else []
        try:
            fields = _agreement_fields(row, references)
            with transaction.atomic():
                agreement_create(acting_user=acting_user, conditions=[parsed for _row, parsed in own_conditions],
                                 **fields)
        except _RowProblems as problems:
            for column, message in problems.problems:
                refuse(sheet, row.line, column, message)
            continue
        except ServiceError as error:
            for column, messages in error.fields.items():
                if column == "conditions":
                    for (condition_row, _parsed), row_errors in zip(own_conditions, messages, strict=True):
                        for condition_column, condition_messages in row_errors.items():
                            for message in condition_messages:
                                refuse(CONDITIONS_SHEET, condition_row.line, condition_column, message)
                else:
                    for message in messages:
                        refuse(sheet, row.line, column, message)
            if not error.fields:
                refuse(sheet, row.line, "", error.message)
            continue
        result.created += 1
    if errors:
        raise ImportRefused(errors)
    audit_record(actor=acting_user, action=AuditAction.AGREEMENTS_IMPORTED, details=result.as_dict())
    return result
