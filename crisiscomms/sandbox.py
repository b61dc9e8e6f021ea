"""The Jinja2 sandbox notices render in: everything is refused unless allowed.

:class:`NoticeSandbox` decides by allowlist, not by Jinja's default policy
of refusing only known-dangerous names:

- attributes and items: only the data keys of a facts view
  (:class:`~crisiscomms.view.Record`), the counters of ``loop``, the macros
  of an imported template, and indexing of sequences and literal dicts;
- calls: only the template's own macros and the functions registered with
  the environment (``placeholder``, a bounded ``range``); never a method;
- filters and tests: only the names in :data:`JINJA_FILTERS` and
  :data:`JINJA_TESTS` (plus our own formatting filters); those that turn a
  value into text take text or numbers only, never a list or a record;
- operators: ``+``, ``*``, ``**`` and ``%`` are checked against the size
  limits (``%`` is modulo only, no printf-style formatting);
- cost: every loop iteration and block entered is a step, every string or
  list built is charged to the draft's :class:`~crisiscomms.limits.Budget`,
  and printing a value other than text or a number is an error.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Sized
from decimal import Decimal
from typing import Any, NoReturn

from jinja2 import Undefined, nodes
from jinja2 import filters as jinja_filters
from jinja2 import tests as jinja_tests
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg

from . import limits
from .macromodules import NoticeTemplate, call_kept, is_plain
from .view import Record, Value

#: What ``loop`` offers a template: its counters, none of its methods.
LOOP_FIELDS = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0"}
)

#: Jinja's own filters a template may use, by the kind of value they take.
TEXT_FILTERS = frozenset(
    {"capitalize", "lower", "upper", "title", "trim", "truncate", "wordcount", "string"}
)
DATA_FILTERS = frozenset(
    {
        "map", "select", "reject", "selectattr", "rejectattr", "unique", "sort", "reverse",
        "first", "last", "length", "count", "min", "max", "default", "d",
        "abs", "int", "float", "round",
    }
)  # fmt: skip
JINJA_FILTERS = TEXT_FILTERS | DATA_FILTERS | {"join", "list"}
#: The data filters that go through every item of their input: its size is checked first.
ITERATING_FILTERS = frozenset(
    {
        "map", "select", "reject", "selectattr", "rejectattr",
        "unique", "sort", "reverse", "min", "max",
    }
)  # fmt: skip

#: Jinja's own tests a template may use (``is none``, ``in``, comparisons, types).
JINJA_TESTS = frozenset(
    {
        "defined", "undefined", "none", "boolean", "true", "false", "integer", "float",
        "number", "string", "sequence", "in", "odd", "even", "divisibleby", "sameas",
        "lower", "upper", "eq", "==", "equalto", "ne", "!=", "lt", "<", "lessthan",
        "le", "<=", "gt", ">", "greaterthan", "ge", ">=",
    }
)  # fmt: skip

_FLAT = (str, int, float, Decimal, Value, type(None))
_FLAT_OR_UNDEFINED = (*_FLAT, Undefined)


class NoticeSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox with an allowlist for attributes, calls, filters and tests.

    ``functions`` are the only plain functions a template may call; they are
    also its only globals, with a bounded ``range``.
    """

    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, functions: Iterable[Callable[..., Any]] = (), **options: Any) -> None:
        super().__init__(finalize=printable, **options)
        self.code_generator_class = BoundedCodeGenerator
        self.template_class = NoticeTemplate
        self.filters = {name: _guarded(name) for name in JINJA_FILTERS}
        self.tests = {name: jinja_tests.TESTS[name] for name in JINJA_TESTS}
        self.functions: tuple[Callable[..., Any], ...] = (bounded_range, *functions)
        self.globals = {"range": bounded_range} | {f.__name__: f for f in functions}
        # The registered functions that take nothing from Jinja (no pass_context marker),
        # by identity: calling one of them needs none of Context.call's inspection.
        self._plain_functions = frozenset(
            id(f) for f in self.functions if _takes_nothing_from_jinja(f)
        )

    # -- reading -------------------------------------------------------------------

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Read ``obj.attribute``: a data key of the facts, a loop counter, a macro."""
        if isinstance(obj, Record):
            # The common case, inlined: a data key read straight from the record's data.
            if attribute[:1] != "_":
                try:
                    return obj._data[attribute]
                except KeyError:
                    pass
            return self._data_key(obj, attribute)
        if isinstance(obj, LoopContext) and attribute in LOOP_FIELDS:
            return getattr(obj, attribute)
        if isinstance(obj, TemplateModule) and not attribute.startswith("_"):
            exported = vars(obj)
            if attribute in exported:
                return exported[attribute]
            return self.undefined(obj=obj, name=attribute)
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        refuse(f"attribute {_short(attribute)} of a {type(obj).__name__} is not data")

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Read ``obj[argument]``: a data key, a position in a sequence, a literal dict's key."""
        if isinstance(obj, Record) and isinstance(argument, str):
            return self._data_key(obj, argument)
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        positional = isinstance(argument, int | slice) and not isinstance(argument, bool)
        if (type(obj) in (tuple, list, str) and positional) or (
            type(obj) is dict and isinstance(argument, str | int)
        ):
            try:
                return obj[argument]
            except LookupError:
                return self.undefined(obj=obj, name=argument)
        if isinstance(obj, LoopContext | TemplateModule) and isinstance(argument, str):
            return self.getattr(obj, argument)
        refuse(f"item {_short(argument)} of a {type(obj).__name__} is not data")

    def _data_key(self, record: Record, key: str) -> Any:
        if key.startswith("_"):
            refuse(f"{_short(key)} is not a fact")
        try:
            return record[key]
        except KeyError:
            return self.undefined(f"no fact named {key!r} here", obj=record, name=key)

    # -- calling -------------------------------------------------------------------

    def call(
        __self,  # named as in Jinja's own sandbox, so keywords never clash
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Call a macro of the template, or one of the registered functions; nothing else."""
        if type(__obj) is Macro or id(__obj) in __self._plain_functions:
            # Nothing to inject (what Context.call inspects for): call it as Context.call
            # would, without Jinja's bookkeeping keywords.
            if kwargs:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                if type(__obj) is Macro and is_plain(__obj):
                    return call_kept(__obj, args, kwargs)
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        if isinstance(__obj, Undefined):
            __obj._fail_with_undefined_error()
        if isinstance(__obj, Macro) or any(__obj is f for f in __self.functions):
            return __context.call(__obj, *args, **kwargs)
        names = ", ".join(f.__name__ for f in __self.functions)
        refuse(f"a template calls only its macros and {names}, not a {type(__obj).__name__}")

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Apply ``+``, ``*``, ``**`` or ``%`` within the size limits."""
        return _BINOPS[operator](_budget(), left, right)

    # -- bounding --------------------------------------------------------------------

    def concat(self, parts: Iterable[Any]) -> str:
        """Join what a template or macro outputs, charging it to the draft's budget."""
        return _bounded_join(_budget(), parts)

    def join_text(self, parts: Iterable[Any]) -> str:
        """Join the operands of ``~``: text and numbers only, within the budget."""
        return _bounded_join(_budget(), [str(printable(p)) for p in parts])

    def tick(self) -> None:
        """Count one step (a loop iteration, a block entered) of the draft."""
        (_current() or _budget()).step()


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, emitting a budget step at the top of every block.

    Every loop body, macro body and template body is a block, so a template
    that loops or recurses forever runs out of steps (or time) instead of
    hanging; ``~`` joins through :meth:`NoticeSandbox.join_text`.
    """

    def blockvisit(self, nodes: Iterable[nodes.Node], frame: Frame) -> None:
        self.writeline("environment.tick()")
        super().blockvisit(nodes, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_text((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


def refuse(why: str) -> NoReturn:
    """Raise the error every refused attribute, item, call or operator ends with."""
    raise SecurityError(f"not allowed in a notice template: {why}")


def printable(value: Any) -> Any:
    """Let text and numbers be printed; refuse lists, records and everything else.

    A template prints facts through filters (``|t``, ``|datetime``); printing a
    list or record would only dump Python's representation of it.
    """
    if isinstance(value, _FLAT_OR_UNDEFINED):
        return value
    if isinstance(value, Record):
        refuse("print a fact with a filter (|t for a text), not a whole record")
    refuse(f"a {type(value).__name__} cannot be printed; print its items")


def bounded_range(*args: int) -> range:
    """``range`` for templates: integers only, at most the size limit of a list."""
    if not all(type(a) is int for a in args):
        refuse("range takes integers")
    numbers = range(*args)
    _budget().check_items(len(numbers))
    return numbers


def _budget() -> limits.Budget:
    return limits.current() or limits.Budget("(outside a draft)", limits.LIMITS)


_current = limits.current


def _takes_nothing_from_jinja(function: Callable[..., Any]) -> bool:
    """True when Jinja would call ``function`` as it is (no context or environment first)."""
    callable_: Any = function  # Context.call looks at its __call__ too (callable classes)
    return _PassArg.from_obj(callable_.__call__) is None and _PassArg.from_obj(function) is None


def _bounded_join(budget: limits.Budget, parts: Iterable[Any]) -> str:
    if type(parts) is list or type(parts) is tuple:
        # The common case: a list of texts already built. Their total length is known
        # before joining, so a join that would pass the limit is refused before it is made.
        try:
            size = sum(map(len, parts))
        except TypeError:  # an item without a length: the general loop below
            pass
        else:
            if size > budget.limits.output_chars:
                budget.charge_text(size)
            try:
                text = "".join(parts)
            except TypeError:  # an item with a length that is not text (a list)
                pass
            else:
                budget.charge_text(size)
                return text
    pieces: list[str] = []
    size = 0
    for part in parts:
        text = str(part)
        size += len(text)
        if size > budget.limits.output_chars:
            budget.charge_text(size)
        pieces.append(text)
    budget.charge_text(size)
    return "".join(pieces)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# -- operators ---------------------------------------------------------------------

_NUMBER = (int, float, Decimal)
_SEQUENCE = (str, list, tuple)


def _number_result(budget: limits.Budget, result: Any) -> Any:
    if isinstance(result, int) and result.bit_length() > budget.limits.int_bits:
        refuse(f"a number larger than {budget.limits.int_bits} bits")
    return result


def _add(budget: limits.Budget, left: Any, right: Any) -> Any:
    if isinstance(left, _NUMBER) and isinstance(right, _NUMBER):
        return _number_result(budget, operator.add(left, right))
    if isinstance(left, _SEQUENCE) and type(left) is type(right):
        _charge_sequence(budget, left, len(left) + len(right))
        return operator.add(left, right)
    refuse(f"{type(left).__name__} + {type(right).__name__}")


def _multiply(budget: limits.Budget, left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, _SEQUENCE):
        left, right = right, left
    if isinstance(left, _SEQUENCE) and isinstance(right, int):
        _charge_sequence(budget, left, len(left) * max(right, 0))
        return operator.mul(left, right)
    if not (isinstance(left, _NUMBER) and isinstance(right, _NUMBER)):
        refuse(f"{type(left).__name__} * {type(right).__name__}")
    if _bits(left) + _bits(right) > budget.limits.int_bits + 1:
        refuse(f"a number larger than {budget.limits.int_bits} bits")
    return _number_result(budget, operator.mul(left, right))


def _power(budget: limits.Budget, left: Any, right: Any) -> Any:
    if not (isinstance(left, _NUMBER) and isinstance(right, _NUMBER)):
        refuse(f"{type(left).__name__} ** {type(right).__name__}")
    if isinstance(right, int) and abs(right) > 1 << 16:
        refuse("an exponent that large")
    if (
        isinstance(right, int)
        and right > 0
        and max(_bits(left) - 1, 0) * right > (budget.limits.int_bits)
    ):
        refuse(f"a number larger than {budget.limits.int_bits} bits")
    return _number_result(budget, operator.pow(left, right))


def _modulo(budget: limits.Budget, left: Any, right: Any) -> Any:
    if isinstance(left, _NUMBER) and isinstance(right, _NUMBER):
        return operator.mod(left, right)
    refuse("% is modulo only: format text with filters, not printf-style")


def _charge_sequence(budget: limits.Budget, kind: object, size: int) -> None:
    if isinstance(kind, str):
        budget.charge_text(size)
    else:
        budget.charge_items(size)


def _bits(number: int | float | Decimal) -> int:
    return number.bit_length() if isinstance(number, int) else 0


_BINOPS: dict[str, Callable[[limits.Budget, Any, Any], Any]] = {
    "+": _add,
    "*": _multiply,
    "**": _power,
    "%": _modulo,
}


# -- Jinja's filters, guarded ------------------------------------------------------


def _guarded(name: str) -> Callable[..., Any]:
    """Return Jinja's filter ``name`` with the checks its kind of input needs."""
    if name == "join":
        return _join
    if name == "list":
        return _list
    builtin: Callable[..., Any] = jinja_filters.FILTERS[name]
    # Jinja passes the environment or context first to some filters; the value follows.
    position = 1 if hasattr(builtin, "jinja_pass_arg") else 0
    if name in ITERATING_FILTERS:

        @functools.wraps(builtin)
        def iterating_filter(*args: Any, **kwargs: Any) -> Any:
            value = args[position] if len(args) > position else None
            if isinstance(value, Sized):
                _budget().check_items(len(value))
            return builtin(*args, **kwargs)

        return iterating_filter
    if name not in TEXT_FILTERS:
        return builtin

    @functools.wraps(builtin)  # keeps Jinja's pass_environment marker
    def text_filter(*args: Any, **kwargs: Any) -> Any:
        value = args[position] if len(args) > position else None
        if not isinstance(value, _FLAT_OR_UNDEFINED):
            refuse(f"|{name} takes text or a number, not a {type(value).__name__}")
        return builtin(*args, **kwargs)

    return text_filter


def _join(value: Iterable[Any], separator: str = "", attribute: str | int | None = None) -> str:
    """Jinja's ``join`` for text: every item must be text or a number."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    if not isinstance(separator, str) or attribute is not None:
        refuse("|join takes a text separator (use map(attribute=...) first)")
    budget = _budget()
    pieces: list[str] = []
    for item in value:
        if not isinstance(item, _FLAT):
            refuse(f"|join takes text or numbers, not a {type(item).__name__}")
        if pieces:
            pieces.append(separator)
        pieces.append(str(item))
        budget.check_items(len(pieces) // 2)
    return _bounded_join(budget, pieces)


def _list(value: Any) -> list[Any]:
    """Jinja's ``list``, charging the list's length to the budget."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    budget = _budget()
    out: list[Any] = []
    for item in value:
        out.append(item)
        budget.check_items(len(out))
    budget.charge_items(len(out))
    return out
