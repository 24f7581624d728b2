"""Tables in and out of Köprü: read CSV or XLSX rows, import them all or nothing, write them back.

Importing a table is three calls::

    table = read_table(upload)                      # CSV or XLSX, told apart by content
    table.require_columns({"system", "year"})       # refuses a table without them, naming them
    result = import_rows(table, save_row)            # save_row(row) -> "created" | "updated"

`save_row` reads `row["column"]` (text, stripped; "" when empty) and saves one row
through the same service the form uses. To refuse the row it raises `RowInvalid(column,
message)`, a Django ValidationError (its field names become the column) or a
ServiceError (its `fields` likewise). `import_rows` runs every row in one transaction,
each in its own savepoint so a refused row does not hide the errors of the next ones;
when any row was refused it rolls everything back and raises `ImportRefused`, a
ServiceError whose `fields["rows"]` lists {"line", "column", "message"} per problem. The
API renders that as a 400, views show `error.rows`, commands print them.

`read_sheets(upload)` reads every sheet of a workbook the same way, by the sheet's name.
Both stay within the KOPRU_TABLE_* bounds (bytes; rows, blank ones included; columns;
cells) and, for an XLSX workbook, the KOPRU_ARCHIVE_* ones, and refuse a larger table with
a ServiceError naming the bound before anything is imported.

`write_table(columns, rows, file_format)` is the way out: CSV (UTF-8 with BOM, which
spreadsheet programs open correctly) or XLSX bytes; `write_workbook` writes several
sheets. Every cell Köprü writes goes through `export_cell`: text that a spreadsheet
program would run as a formula is written as text, and characters a workbook cannot hold
are left out, so no stored name can run code on a reader's machine or break an export.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kopru.errors import ErrorCode, ServiceError
from kopru.uploads import ARCHIVE_ERRORS, check_archive


class TableError(ErrorCode):
    """Why a table is refused."""

    EMPTY_TABLE = "empty_table"
    IMPORT_INVALID = "import_invalid"
    MISSING_COLUMNS = "missing_columns"
    TABLE_ENCODING = "table_encoding"
    TABLE_TOO_LARGE = "table_too_large"
    TABLE_TOO_LONG = "table_too_long"
    TABLE_TOO_MANY_CELLS = "table_too_many_cells"
    TABLE_TOO_WIDE = "table_too_wide"
    UNREADABLE_TABLE = "unreadable_table"

XLSX_MAGIC = b"PK\x03\x04"
CSV_DELIMITERS = ",;\t"  # spreadsheet programs in Turkish and Russian locales save with ";"
CSV_SHEET = ""  # the one sheet of a CSV file, as read_sheets names it
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# What makes a spreadsheet program read a cell as a formula (OWASP, "CSV Injection"): "=", "+", "-"
# and "@" start one, and a tab or carriage return before them is skipped by some programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    """One data row: `line` is the line of a CSV file or the row number of a sheet, as people see them."""

    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class Table:
    columns: list[str]
    rows: list[Row]

    def require_columns(self, required: Iterable[str]) -> None:
        missing = sorted(set(required) - set(self.columns))
        if missing:
            raise ServiceError(
                TableError.MISSING_COLUMNS,
                gettext("The table has no column %(columns)s in its first row.") % {"columns": ", ".join(missing)},
            )


class RowInvalid(Exception):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column
        self.message = str(message)


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "message": self.message}


class ImportRefused(ServiceError):
    def __init__(self, errors: list[RowError]):
        rows = len({error.line for error in errors})
        message = ngettext(
            "%(count)d row is not valid; nothing was imported.",
            "%(count)d rows are not valid; nothing was imported.", rows,
        ) % {"count": rows}
        super().__init__(TableError.IMPORT_INVALID, message, fields={"rows": [error.as_dict() for error in errors]})
        self.rows = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0

    def as_dict(self) -> dict:
        return {"created": self.created, "updated": self.updated}


def _unreadable() -> ServiceError:
    return ServiceError(TableError.UNREADABLE_TABLE, gettext("This file is not a CSV or XLSX table that can be read."))


def _read(upload) -> bytes:
    megabytes = settings.KOPRU_TABLE_MAX_MB
    data = upload.read(megabytes * 1024 * 1024 + 1)
    if len(data) > megabytes * 1024 * 1024:
        raise ServiceError(TableError.TABLE_TOO_LARGE, gettext("The file is larger than %(megabytes)d MB.")
                           % {"megabytes": megabytes})
    return data


class _Cells:
    """The cells a file's tables have been given so far, against KOPRU_TABLE_MAX_CELLS."""

    def __init__(self):
        self.count = 0

    def add(self, count: int) -> None:
        self.count += count
        if self.count > settings.KOPRU_TABLE_MAX_CELLS:
            raise ServiceError(TableError.TABLE_TOO_MANY_CELLS, gettext("A table can have at most %(cells)d cells.")
                               % {"cells": settings.KOPRU_TABLE_MAX_CELLS})


def _bounded(lines, cells: _Cells):
    """The (line, cells) pairs of `lines`, refusing a table over the row, column or cell bounds as it goes.

    Blank rows count, a blank row as one cell: a sheet of a million empty rows costs time to read
    as a full one does, and so do a thousand sheets of them.
    """
    max_rows, max_columns = settings.KOPRU_TABLE_MAX_ROWS, settings.KOPRU_TABLE_MAX_COLUMNS
    for count, (line, values) in enumerate(lines, start=1):
        if count > max_rows + 1:  # the header and max_rows rows
            raise ServiceError(TableError.TABLE_TOO_LONG, gettext(
                "A table can have at most %(rows)d rows, blank rows included.") % {"rows": max_rows})
        cells.add(len(values) or 1)
        if len(values) > max_columns and any(value not in (None, "") for value in values[max_columns:]):
            raise ServiceError(TableError.TABLE_TOO_WIDE, gettext("A table can have at most %(columns)d columns.")
                               % {"columns": max_columns})
        yield line, values[:max_columns]


def _table(lines, cells: _Cells) -> Table | None:
    """The table of (line, cells) pairs whose first is the header; None when there is not even a header."""
    lines = _bounded(lines, cells)
    header = next(lines, None)
    if header is None:
        return None
    columns = [_cell_text(name).lower() for name in header[1]]
    rows = []
    for line, values in lines:
        texts = [_cell_text(value) for value in values]
        if not any(texts):
            continue  # blank lines between rows are no rows
        rows.append(Row(line, {name: text for name, text in zip(columns, texts, strict=False) if name}))
    return Table(columns=[name for name in columns if name], rows=rows)


def _not_empty(table: Table | None) -> Table:
    if table is None:
        raise ServiceError(TableError.EMPTY_TABLE, gettext("The table is empty."))
    return table


def read_table(upload) -> Table:
    """The rows of an uploaded (or opened) CSV file or first sheet of an XLSX workbook.

    Column names are the first row, lower-cased.
    """
    data = _read(upload)
    return _not_empty(_table(_xlsx_lines(data) if data.startswith(XLSX_MAGIC) else _csv_lines(data), _Cells()))


def read_sheets(upload) -> dict[str, Table]:
    """Every sheet of an XLSX workbook by its name, read as read_table reads one; a CSV file is one sheet named ""."""
    data = _read(upload)
    cells = _Cells()  # one budget for the whole workbook
    if not data.startswith(XLSX_MAGIC):
        return {CSV_SHEET: _not_empty(_table(_csv_lines(data), cells))}
    return {sheet.title: _table(_sheet_lines(sheet), cells) or Table(columns=[], rows=[])
            for sheet in _workbook(data).worksheets}


def _csv_lines(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ServiceError(
            TableError.TABLE_ENCODING, gettext("The CSV file is not in UTF-8; save it as “CSV UTF-8” and try again.")
        ) from None
    if "\x00" in text:
        raise _unreadable()
    try:
        delimiter = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ","
    # Only the delimiter is guessed: the rest is as spreadsheet programs write it ("" is a quote in a quoted cell).
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise _unreadable() from error


# Not a workbook, or a damaged one.
WORKBOOK_ERRORS = (*ARCHIVE_ERRORS, ValueError, IndexError)


def _workbook(data: bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive)
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except WORKBOOK_ERRORS as error:
        raise _unreadable() from error


def _sheet_lines(sheet):
    # The dimension a sheet declares is the sender's word: without it each row is as wide as its
    # own last cell, and rows go on to the last one there is, so _bounded sees every one of them.
    sheet.reset_dimensions()
    try:
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    except WORKBOOK_ERRORS as error:
        raise _unreadable() from error


def _xlsx_lines(data: bytes):
    try:
        sheet = _workbook(data).worksheets[0]
    except IndexError as error:
        raise _unreadable() from error
    yield from _sheet_lines(sheet)


def _cell_text(value) -> str:
    """A cell as text: dates as YYYY-MM-DD, and whole numbers without the ".0" Excel stores them with."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    # Excel stores 2024 or 123456789 as floats; a PIC must not come back as "123456789.0".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    # A cell export_cell kept from running as a formula reads back as it was stored.
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS else text


def _row_errors(row: Row, error: Exception) -> list[RowError]:
    if isinstance(error, RowInvalid):
        return [RowError(row.line, error.column, error.message)]
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return [RowError(row.line, column, message) for column, messages in error.message_dict.items()
                    for message in messages]
        return [RowError(row.line, "", message) for message in error.messages]
    if error.fields:
        return [RowError(row.line, column, str(message)) for column, messages in error.fields.items()
                for message in messages]
    return [RowError(row.line, "", error.message)]


@transaction.atomic
def import_rows(table: Table, save_row: Callable[[Row], str]) -> ImportResult:
    """Save every row with `save_row` or none of them; see the module's docstring."""
    result, errors = ImportResult(), []
    for row in table.rows:
        try:
            with transaction.atomic():
                outcome = save_row(row)
        except (RowInvalid, ValidationError, ServiceError) as error:
            errors.extend(_row_errors(row, error))
            continue
        if outcome == "created":
            result.created += 1
        else:
            result.updated += 1
    if errors:
        raise ImportRefused(errors)
    return result


def export_cell(value):
    """A value as it may go into a CSV or XLSX cell; numbers and dates stay as they are.

    Text loses the characters a workbook cannot hold (openpyxl refuses them), and text that
    starts like a formula gets a leading "'", so it reads as the text it is (as OWASP
    recommends); a workbook then stores it as a string, not a formula. `read_table` takes
    the "'" off again, so an exported table imports as it was.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _lines(columns: Sequence[tuple[str, str]], rows: Iterable[dict]):
    yield [export_cell(heading) for _key, heading in columns]
    for row in rows:
        yield [export_cell(row.get(key)) for key, _heading in columns]


def write_workbook(sheets: Iterable[tuple[str | None, Sequence[tuple[str, str]], Iterable[dict]]]) -> bytes:
    """An XLSX workbook of (title, columns, rows) sheets, each written as write_table writes its one.

    A title of None is openpyxl's default ("Sheet").
    """
    workbook = Workbook(write_only=True)
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title)
        for line in _lines(columns, rows):
            sheet.append(line)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_table(columns: Sequence[tuple[str, str]], rows: Iterable[dict], file_format: str) -> bytes:
    """A table with a header row of `columns` (key, heading) and one row per dict; "csv" or "xlsx"."""
    if file_format == "xlsx":
        return write_workbook([(None, columns, rows)])
    out = io.StringIO(newline="")
    csv.writer(out).writerows(_lines(columns, rows))
    return out.getvalue().encode("utf-8-sig")
