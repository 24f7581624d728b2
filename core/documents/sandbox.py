"""Templates the office uploads, rendered without trusting them: a sandbox, plain data, bounded cost.

Jinja's immutable sandbox keeps a template away from Python's internals (no attribute that
starts with "_", no call that changes data). On top of it every render is bounded by
settings.KOPRU_TEMPLATE_MAX_SECONDS, _MAX_ITERATIONS and _MAX_OUTPUT_CHARS:

- the hooks a sandboxed template goes through (attribute and item lookups, calls, operators,
  each item of a loop, each chunk of output) check the deadline;
- every loop item counts towards the iterations, and `range()` is no longer than they allow;
- the text a render makes counts towards one budget: its output, and every value that
  operators, string methods and widening filters make, refused before it is made when its
  size can be told from the operands (`'x' * 10**9`, `9**9**9`, `'%1000000000s' % 1`).

Constructs that gather text where no hook sees it (macros, call and filter blocks, blocks,
`{% set %}…{% endset %}`, recursive loops) and those that load other templates are not
allowed; office documents do without them.
"""

import re
import string
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from datetime import time as time_of_day
from decimal import Decimal

from django.conf import settings
from django.utils.functional import Promise
from jinja2 import StrictUndefined, Template, nodes, pass_context
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError, TemplateRuntimeError
from jinja2.filters import (
    do_batch,
    do_center,
    do_format,
    do_indent,
    do_replace,
    do_wordwrap,
    sync_do_join,
    sync_do_slice,
)
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment


class TemplateTooCostly(TemplateRuntimeError):
    """A render went past one of its bounds; `limit` is that bound."""

    def __init__(self, limit):
        super().__init__(f"{type(self).__name__}: {limit}")
        self.limit = limit


class TemplateTooSlow(TemplateTooCostly):
    pass


class TemplateTooManyIterations(TemplateTooCostly):
    pass


class TemplateTooMuchText(TemplateTooCostly):
    pass


class _Budget:
    """What is left to one render: time, loop items and characters of text."""

    def __init__(self):
        self.seconds = settings.KOPRU_TEMPLATE_MAX_SECONDS
        self.deadline = time.monotonic() + self.seconds
        self.max_iterations = self.iterations = settings.KOPRU_TEMPLATE_MAX_ITERATIONS
        self.max_text = self.text = settings.KOPRU_TEMPLATE_MAX_OUTPUT_CHARS

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateTooSlow(self.seconds)

    def iterate(self, count: int = 1) -> None:
        self.check_time()
        self.iterations -= count
        if self.iterations < 0:
            raise TemplateTooManyIterations(self.max_iterations)

    def write(self, characters: int) -> None:
        """Count text about to be made; refuse it, before it is made, past the budget."""
        self.check_time()
        self.text -= characters
        if self.text < 0:
            raise TemplateTooMuchText(self.max_text)


_budget: ContextVar[_Budget | None] = ContextVar("template_budget", default=None)


@contextmanager
def _render_budget():
    token = _budget.set(_Budget())
    try:
        yield _budget.get()
    finally:
        _budget.reset(token)


def _current() -> _Budget:
    budget = _budget.get()
    if budget is None:
        # Only render() and compiled expressions are bounded; anything else must not run a template.
        raise RuntimeError("A sandboxed template ran outside a bounded render.")
    return budget


# Sizes, told from the operands before the result is made.


def _weight(value, limit: int) -> int:
    """Roughly how many characters `value` makes as text; counting stops past `limit`."""
    total, pending = 0, [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1  # decimal digits, a little over
        elif isinstance(item, dict):
            total += 2 + 4 * len(item)
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset, range)):
            total += 2 + 2 * len(item)
            if not isinstance(item, range):
                pending.extend(item)
        else:
            total += 8
    return total


def _widths(numbers: Iterable[str]) -> int:
    return sum(int(number) for number in numbers if number)


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")


def _percent_size(template: str, values, limit: int) -> int:
    """The text `template % values` makes, at most; a width taken from the values is not allowed."""
    specs = _PERCENT_SPEC.findall(template)
    if any("*" in spec for spec in specs):
        raise SecurityError("a width taken from the values (*) in a format string")
    return len(template) + sum(_widths(spec) for spec in specs) + _weight(values, limit)


def _format_size(template: str, values, limit: int) -> int:
    """The text `template.format(*values)` makes, at most; a width taken from the values is not allowed."""
    size = len(template) + _weight(values, limit)
    for _text, _field, spec, _conversion in string.Formatter().parse(template):
        if spec and "{" in spec:
            raise SecurityError("a width taken from the values ({}) in a format string")
        size += _widths(re.findall(r"\d+", spec or ""))
    return size


def _binop_size(operator: str, left, right, limit: int) -> int:
    numbers = (int, float, Decimal)
    if operator == "*":
        if isinstance(left, int) and isinstance(right, int):
            return (left.bit_length() + right.bit_length()) // 3 + 1
        if isinstance(right, int) and not isinstance(left, numbers):
            return _weight(left, limit) * max(right, 0)
        if isinstance(left, int) and not isinstance(right, numbers):
            return _weight(right, limit) * max(left, 0)
    if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        return right * max(left.bit_length(), 1) // 3 + 1
    if operator == "+" and not isinstance(left, numbers):
        return _weight(left, limit) + _weight(right, limit)
    if operator == "%" and isinstance(left, str):
        return _percent_size(left, right, limit)
    return 0


def _str_method_size(method, args, limit: int) -> int | None:
    """The text a string method that can widen its string makes, at most; None for other calls."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        return None
    name, numbers = method.__name__, [arg for arg in args if isinstance(arg, int)]
    texts = [arg for arg in args if isinstance(arg, str)]
    if name in ("center", "ljust", "rjust", "zfill"):
        return max([len(owner), *numbers])
    if name == "expandtabs":
        return len(owner) + owner.count("\t") * max([8, *numbers])
    if name == "replace" and len(texts) == 2:
        return len(owner) + (len(owner) + 1) * len(texts[1])
    if name == "translate" and args and isinstance(args[0], dict):
        return len(owner) * max([1, *(len(value) for value in args[0].values() if isinstance(value, str))])
    return None


# Filters that can widen text, each refused before it makes more than the budget allows.


def _write(size: int) -> None:
    _current().write(size)


@pass_context
def _center(context, value, width=80):
    _write(max(len(str(value)), width if isinstance(width, int) else 0))
    return do_center(value, width)


@pass_context
def _indent(context, value, width=4, first=False, blank=False):
    text = str(value)
    _write(len(text) + (text.count("\n") + 1) * (len(width) if isinstance(width, str) else max(width, 0)))
    return do_indent(value, width, first, blank)


@pass_context
def _wordwrap(context, value, width=79, break_long_words=True, wrapstring=None, break_on_hyphens=True):
    text = str(value)
    _write(len(text) + (len(text) + 1) * len(wrapstring or "\n"))
    return do_wordwrap(context.environment, value, width, break_long_words, wrapstring, break_on_hyphens)


@pass_context
def _format(context, value, *args, **kwargs):
    _write(_percent_size(str(value), (args, kwargs), _current().text))
    return do_format(value, *args, **kwargs)


@pass_context
def _replace(context, value, old, new, count=None):
    text = str(value)
    _write(len(text) + (len(text) + 1) * len(str(new)))
    return do_replace(context.eval_ctx, value, old, new, count)


@pass_context
def _join(context, value, separator="", attribute=None):
    items = list(value)
    _write(_weight(items, _current().text) + len(str(separator)) * len(items))
    return sync_do_join(context.eval_ctx, items, separator, attribute)


@pass_context
def _batch(context, value, linecount, fill_with=None):
    _current().iterate(max(linecount, 0))
    return do_batch(value, linecount, fill_with)


@pass_context
def _slice(context, value, slices, fill_with=None):
    _current().iterate(max(slices, 0))
    return sync_do_slice(value, slices, fill_with)


BOUNDED_FILTERS = {"center": _center, "indent": _indent, "wordwrap": _wordwrap, "format": _format,
                   "replace": _replace, "join": _join, "batch": _batch, "slice": _slice}


def _range(*args: int) -> range:
    numbers = range(*args)
    budget = _current()
    if len(numbers) > budget.max_iterations:
        raise TemplateTooManyIterations(budget.max_iterations)
    return numbers


def _checked_output(value):
    """What `{{ value }}` writes: a list or a mapping becomes text here, so its size is told first."""
    if not isinstance(value, (str, int, float)):
        budget = _current()
        if _weight(value, budget.text) > budget.text:
            raise TemplateTooMuchText(budget.max_text)
    return value


# Compiling: loops count their items, `~` tells its size first, and unbounded constructs are refused.


def _not_allowed(construct: str):
    def visit(self, node, frame, *args, **kwargs):
        raise SecurityError(construct)

    return visit


class _BoundedCodeGenerator(CodeGenerator):
    visit_Macro = _not_allowed("{% macro %}")
    visit_CallBlock = _not_allowed("{% call %}")
    visit_FilterBlock = _not_allowed("{% filter %}")
    visit_AssignBlock = _not_allowed("{% set %}…{% endset %}")
    visit_Block = _not_allowed("{% block %}")
    visit_Extends = _not_allowed("{% extends %}")
    visit_Include = _not_allowed("{% include %}")
    visit_Import = _not_allowed("{% import %}")
    visit_FromImport = _not_allowed("{% from … import %}")

    def visit_For(self, node, frame):
        if node.recursive:
            raise SecurityError("{% for … recursive %}")
        # The loop's iterable becomes environment.counted(iterable): each item counts.
        counted = nodes.EnvironmentAttribute("counted", lineno=node.lineno)
        if not (isinstance(node.iter, nodes.Call) and node.iter.node == counted):
            node.iter = nodes.Call(counted, [node.iter], [], None, None, lineno=node.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node, frame):
        self.write("environment.concatenated(context, (")
        for piece in node.nodes:
            self.visit(piece, frame)
            self.write(", ")
        self.write("))")


class _BoundedTemplate(Template):
    def render(self, *args, **kwargs) -> str:
        with _render_budget() as budget:
            chunks = []
            for chunk in self.generate(*args, **kwargs):
                budget.write(len(chunk))
                chunks.append(chunk)
            return self.environment.concat(chunks)


class _BoundedEnvironment(ImmutableSandboxedEnvironment):
    code_generator_class = _BoundedCodeGenerator
    template_class = _BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *, autoescape: bool):
        super().__init__(undefined=StrictUndefined, autoescape=autoescape, finalize=_checked_output)
        self.globals["range"] = _range
        # lipsum() writes any number of paragraphs where no hook sees them; urlize() reads text a
        # hundred times slower than any other filter (half a minute for the largest text allowed),
        # and a Word document has no use for either.
        del self.globals["lipsum"]
        del self.filters["urlize"]
        self.filters.update(BOUNDED_FILTERS)

    def compile_expression(self, source: str, undefined_to_none: bool = True):
        expression = super().compile_expression(source, undefined_to_none)

        def evaluate(*args, **kwargs):
            with _render_budget():
                return expression(*args, **kwargs)

        return evaluate

    def counted(self, iterable) -> Iterator:
        budget = _current()
        for item in iterable:
            budget.iterate()
            yield item

    def concatenated(self, context, pieces: tuple) -> str:
        budget = _current()
        budget.write(sum(_weight(piece, budget.text) for piece in pieces))
        return markup_join(pieces) if context.eval_ctx.autoescape else str_join(pieces)

    def getattr(self, obj, attribute):
        _current().check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        _current().check_time()
        return super().getitem(obj, argument)

    def call_binop(self, context, operator, left, right):
        budget = _current()
        budget.write(_binop_size(operator, left, right, budget.text))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (the sandbox's own signature)
        budget = _current()
        if getattr(__obj, "__name__", "") == "join" and isinstance(getattr(__obj, "__self__", None), str) and args:
            args = (list(args[0]), *args[1:])
            size = _weight(args[0], budget.text) + len(__obj.__self__) * len(args[0])
        else:
            size = _str_method_size(__obj, args, budget.text)
        budget.write(size or 0)
        result = super().call(__context, __obj, *args, **kwargs)
        if size is None and isinstance(result, str):
            budget.write(len(result))
        return result

    def wrap_str_format(self, value):
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        template = value.__self__

        def bounded(*args, **kwargs):
            budget = _current()
            budget.write(_format_size(template, (args, kwargs), budget.text))
            return wrapper(*args, **kwargs)

        return bounded


def sandboxed_environment(*, autoescape: bool) -> ImmutableSandboxedEnvironment:
    """The environment every template Köprü fills is rendered in; undefined names raise."""
    return _BoundedEnvironment(autoescape=autoescape)


# Plain data: what a context may hand to a template.

_SCALARS = (type(None), bool, int, float, Decimal, str, date, datetime, time_of_day)


def plain_data(value, *, path: str = "context"):
    """`value` as plain data (dicts with text keys, lists, text, numbers, dates, booleans, None).

    Lazy translations become text, and marked-safe text becomes plain text (so it is escaped
    like any value). Anything else is a mistake of the code that built the context: a model
    instance, a queryset or a function would hand the template more than its data.
    """
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):  # IntegerChoices and the like
        return int(value)
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise TypeError(f"{path} has keys that are not text.")
        return {key: plain_data(inner, path=f"{path}.{key}") for key, inner in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_data(inner, path=f"{path}[{index}]") for index, inner in enumerate(value)]
    raise TypeError(f"{path} is a {type(value).__module__}.{type(value).__qualname__}, not plain data.")
