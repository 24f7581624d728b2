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

`write_table(columns, rows, file_format)` is the way out: CSV (UTF-8 with BOM, which
spreadsheet programs open correctly) or XLSX bytes.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext
from openpyxl import Workbook, load_workbook

from kopru.errors import ServiceError

MAX_TABLE_BYTES = 10 * 1024 * 1024
MAX_TABLE_ROWS = 10_000
XLSX_MAGIC = b"PK\x03\x04"
CSV_DELIMITERS = ",;\t"  # spreadsheet programs in Turkish and Russian locales save with ";"
CSV_SHEET = ""  # the one sheet of a CSV file, as read_sheets names it
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


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
                "missing_columns",
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
        super().__init__("import_invalid", message, fields={"rows": [error.as_dict() for error in errors]})
        self.rows = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0

    def as_dict(self) -> dict:
        return {"created": self.created, "updated": self.updated}


def _unreadable() -> ServiceError:
    return ServiceError("unreadable_table", gettext("This file is not a CSV or XLSX table that can be read."))


def _read(upload, max_bytes: int) -> bytes:
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ServiceError("table_too_large", gettext("The file is larger than %(megabytes)d MB.")
                           % {"megabytes": max_bytes // (1024 * 1024)})
    return data


def _table(lines, max_rows: int) -> Table | None:
    """The table of (line, cells) pairs whose first is the header; None when there is not even a header."""
    header = next(lines, None)
    if header is None:
        return None
    columns = [_cell_text(name).lower() for name in header[1]]
    rows = []
    for line, cells in lines:
        texts = [_cell_text(cell) for cell in cells]
        if not any(texts):
            continue  # blank lines between rows are no rows
        if len(rows) == max_rows:
            raise ServiceError("table_too_long", gettext("A table can have at most %(rows)d rows.")
                               % {"rows": max_rows})
        rows.append(Row(line, {name: text for name, text in zip(columns, texts, strict=False) if name}))
    return Table(columns=[name for name in columns if name], rows=rows)


def _not_empty(table: Table | None) -> Table:
    if table is None:
        raise ServiceError("empty_table", gettext("The table is empty."))
    return table


def read_table(upload, *, max_bytes: int = MAX_TABLE_BYTES, max_rows: int = MAX_TABLE_ROWS) -> Table:
    """The rows of an uploaded (or opened) CSV file or first sheet of an XLSX workbook.

    Column names are the first row, lower-cased.
    """
    data = _read(upload, max_bytes)
    return _not_empty(_table(_xlsx_lines(data) if data.startswith(XLSX_MAGIC) else _csv_lines(data), max_rows))


def read_sheets(upload, *, max_bytes: int = MAX_TABLE_BYTES, max_rows: int = MAX_TABLE_ROWS) -> dict[str, Table]:
    """Every sheet of an XLSX workbook by its name, read as read_table reads one; a CSV file is one sheet named ""."""
    data = _read(upload, max_bytes)
    if not data.startswith(XLSX_MAGIC):
        return {CSV_SHEET: _not_empty(_table(_csv_lines(data), max_rows))}
    return {sheet.title: _table(_sheet_lines(sheet), max_rows) or Table(columns=[], rows=[])
            for sheet in _workbook(data).worksheets}


def _csv_lines(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ServiceError(
            "table_encoding", gettext("The CSV file is not in UTF-8; save it as “CSV UTF-8” and try again.")
        ) from None
    if "\x00" in text:
        raise _unreadable()
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=CSV_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise _unreadable() from error


# Not a workbook, or a damaged one.
WORKBOOK_ERRORS = (zipfile.BadZipFile, OSError, KeyError, ValueError, IndexError)


def _workbook(data: bytes):
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except WORKBOOK_ERRORS as error:
        raise _unreadable() from error


def _sheet_lines(sheet):
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
    return str(value).strip()


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


def write_table(columns: Sequence[tuple[str, str]], rows: Iterable[dict], file_format: str) -> bytes:
    """A table with a header row of `columns` (key, heading) and one row per dict; "csv" or "xlsx"."""
    headings = [heading for _key, heading in columns]
    values = ([_plain(row.get(key)) for key, _heading in columns] for row in rows)
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(headings)
        for line in values:
            sheet.append(line)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(headings)
    writer.writerows(values)
    return out.getvalue().encode("utf-8-sig")


def _plain(value) -> str:
    return "" if value is None else str(value)
