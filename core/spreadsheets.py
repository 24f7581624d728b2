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

`write_table(columns, rows, file_format)` is the way out: CSV (UTF-8 with BOM, which
spreadsheet programs open correctly) or XLSX bytes.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext
from openpyxl import Workbook, load_workbook

from kopru.errors import ServiceError

MAX_TABLE_BYTES = 10 * 1024 * 1024
MAX_TABLE_ROWS = 10_000
XLSX_MAGIC = b"PK\x03\x04"
CSV_DELIMITERS = ",;\t"  # spreadsheet programs in Turkish and Russian locales save with ";"
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


def read_table(upload, *, max_bytes: int = MAX_TABLE_BYTES, max_rows: int = MAX_TABLE_ROWS) -> Table:
    """The rows of an uploaded (or opened) CSV or XLSX file; column names are the first row, lower-cased."""
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ServiceError("table_too_large", gettext("The file is larger than %(megabytes)d MB.")
                           % {"megabytes": max_bytes // (1024 * 1024)})
    lines = _xlsx_lines(data) if data.startswith(XLSX_MAGIC) else _csv_lines(data)
    header = next(lines, None)
    if header is None:
        raise ServiceError("empty_table", gettext("The table is empty."))
    columns = [str(name or "").strip().lower() for name in header[1]]
    rows = []
    for line, cells in lines:
        texts = ["" if cell is None else str(cell).strip() for cell in cells]
        if not any(texts):
            continue  # blank lines between rows are no rows
        if len(rows) == max_rows:
            raise ServiceError("table_too_long", gettext("A table can have at most %(rows)d rows.")
                               % {"rows": max_rows})
        rows.append(Row(line, {name: text for name, text in zip(columns, texts, strict=False) if name}))
    return Table(columns=[name for name in columns if name], rows=rows)


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


def _xlsx_lines(data: bytes):
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(cell) for cell in cells]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, IndexError) as error:  # not a workbook, or damaged
        raise _unreadable() from error


def _cell_text(value) -> str | None:
    # Excel stores 2024 or 123456789 as floats; a PIC must not come back as "123456789.0".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


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
