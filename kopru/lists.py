"""The list pattern that every list page and list endpoint follows.

- The selector filters and sorts in the database; a sort key is one of the list's `Ordering`,
  a whitelist, so `?ordering=` never reaches `order_by` unchecked.
- One page is read as plain values, with its related rows in the same query (related_rows) or
  one query per relation (a constant count whatever the page size), and turned into plain
  dicts: no model instance and no serializer per row.
- The page's column headers and page links change one parameter of the query string and keep
  the rest, so the filters survive sorting and paging (`sort_columns` here, `{% querystring %}`
  in templates/_pagination.html; the API's next/previous links do the same).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, F, Field, OrderBy, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, NullIf
from django.http import QueryDict
from django.utils.translation import get_language
from modeltranslation.utils import resolution_order

# A sort key's column: a name, or a function of the reader's language for a translated one.
Column = str | Callable[[str], object]


def translated(field: str) -> Callable[[str], object]:
    """A translated column as the reader sees it: their language first, then modeltranslation's fallbacks."""

    def expression(language: str):
        codes = [code for code in resolution_order(language) if code in settings.MODELTRANSLATION_LANGUAGES]
        return Coalesce(*(NullIf(F(f"{field}_{code}"), Value("")) for code in codes), output_field=CharField())

    return expression


# A list's related rows and translated names are SQL written here rather than ORM expressions: for a page
# of agreements, compiling nested JSONObject and Coalesce expressions cost Python more than the database
# spends building the JSON. Every name in this SQL comes from code and settings, none from a request: the
# reader's language is one of the translated languages, whatever the request asked for.


def reader_languages() -> list[str]:
    """The translated languages in the order a reader's text is looked for: theirs, then the fallbacks."""
    return [code for code in resolution_order(get_language()) if code in settings.MODELTRANSLATION_LANGUAGES]


def translated_sql(column: str) -> str:
    """A translated column (`p.name`) as the model's attribute reads it: the reader's language, then the
    fallbacks, else empty."""
    nonempty = [f"NULLIF({column}_{code}, '')" for code in reader_languages()]
    return f"COALESCE({', '.join(nonempty)}, '')"


def translated_value(model, field: str, prefix: str = "") -> Callable[[dict], object]:
    """Reads a translated field from a `values()` row as the model's attribute does: the reader's language,
    then modeltranslation's fallbacks, else the field's default. `prefix` names a related model's (`agreement__`)."""
    default = model._meta.get_field(field).get_default()
    keys = [f"{prefix}{field}_{code}" for code in resolution_order(get_language())]

    def value(row: dict):
        return next((row[key] for key in keys if row[key] is not None and row[key] != default), default)

    return value


def related_rows(row_sql: str, from_sql: str, *, order: str) -> RawSQL:
    """A relation of each row of a list as a list of dicts, made by the database in the list's own query:
    `row_sql` is a json_build_object(…), `from_sql` the FROM … WHERE … tying the rows to the outer one."""
    # json, not jsonb, keeps the keys in their order; psycopg decodes it, so the field must not decode again.
    return RawSQL(f"(SELECT COALESCE(json_agg({row_sql} ORDER BY {order}), '[]') {from_sql})", (),  # noqa: S611
                  output_field=Field())


def row_by_id(table: str, alias: str, id_sql: str, *, optional: bool = False) -> str:
    """A join, for related_rows' `from_sql`, to the one row of `table` whose id is `id_sql` (none when `optional`
    and it is null), read by its primary key: for the few rows of a page's relation, PostgreSQL would
    otherwise merge or hash the whole table once per row of the page. OFFSET 0 keeps it a look-up."""
    join = "LEFT JOIN LATERAL" if optional else "JOIN LATERAL"
    return f"{join} (SELECT * FROM {table} WHERE id = {id_sql} OFFSET 0) {alias} ON TRUE"  # noqa: S608


@dataclass(frozen=True)
class Ordering:
    """The keys a list may be sorted by, each with its columns; `-key` sorts the other way.

    Rows that tie on every column keep a stable order by primary key, in the key's direction, so a
    row never appears on two pages. Empty values come last either way.
    """

    keys: dict[str, tuple[Column, ...]]
    default: str

    @property
    def choices(self) -> list[str]:
        return [choice for key in self.keys for choice in (key, f"-{key}")]

    def key(self, value: str | None) -> str:
        """The key asked for, or the default for none or one not in the list (pages forgive; the API refuses)."""
        return value if value in self.choices else self.default

    def apply(self, queryset: QuerySet, value: str | None) -> QuerySet:
        key = self.key(value)
        descending = key.startswith("-")
        language = get_language()
        expressions = []
        for column in self.keys[key.removeprefix("-")]:
            if callable(column):
                expression, nullable = column(language), True
            else:
                expression, nullable = F(column), _nullable(queryset.model, column)
            # NULLS LAST only where there can be nulls: on a NOT NULL column it would keep PostgreSQL
            # from reading the rows in the order of an index on it.
            expressions.append(OrderBy(expression, descending=descending, nulls_last=nullable or None))
        return queryset.order_by(*expressions, "-pk" if descending else "pk")


def _nullable(model, column: str) -> bool:
    """Whether the model's column (a field name, or a lookup through relations) may hold nulls."""
    try:
        return model._meta.get_field(column).null
    except FieldDoesNotExist:
        return True  # a lookup through a relation: a missing related row reads as null


def query_url(query: QueryDict, **changes) -> str:
    """`?…` with the query's parameters, those named in `changes` replaced (or dropped when None)."""
    params = query.copy()
    for name, value in changes.items():
        params.pop(name, None)
        if value is not None:
            params[name] = value
    return f"?{params.urlencode()}" if params else "?"


@dataclass(frozen=True)
class SortColumn:
    label: str
    url: str | None = None  # None: the column cannot be sorted by
    direction: str = ""  # "asc" or "desc" for the column the list is sorted by


def sort_columns(query: QueryDict, ordering: Ordering, columns: list[tuple[str | None, str]]) -> list[SortColumn]:
    """Column headers for a list page: (key or None, label) each; a link sorts by the column, or the other way
    round when the list is sorted by it already, and goes back to the first page with the same filters."""
    current = ordering.key(query.get("ordering"))
    headers = []
    for key, label in columns:
        if key is None:
            headers.append(SortColumn(label))
            continue
        direction = {key: "asc", f"-{key}": "desc"}.get(current, "")
        target = f"-{key}" if direction == "asc" else key
        headers.append(SortColumn(label, query_url(query, ordering=target, page=None), direction))
    return headers


# A list's ticked rows travel as ?id=3&id=7; more than this many is no longer a selection but the list itself (and
# stays below the number of query values Django reads, DATA_UPLOAD_MAX_NUMBER_FIELDS).
MAX_SELECTED = 500


# The largest id a row can have (a bigint primary key); a larger number names no row.
MAX_ID = 2**63 - 1


def selected_ids(values: list[str]) -> list[int]:
    """The ids of the rows ticked in a list (`request.GET.getlist("id")`): whole numbers a row can have, each once,
    at most MAX_SELECTED; anything else is not a row and is left out."""
    numbers = (int(value) for value in values if value.isascii() and value.isdigit())
    return list(dict.fromkeys(number for number in numbers if 0 < number <= MAX_ID))[:MAX_SELECTED]
