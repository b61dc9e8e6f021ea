"""Macro modules imported ``with context``, made once per set of facts instead of per render.

Every notice starts ``{% import "zh/_macros.txt.j2" as m with context %}``: Jinja runs
the macros template again at each render, building every macro anew, about a fifth of
a render. What it builds depends only on what the import hands it (the facts view,
the language, the functions, the modules imported before it) and on the formatter of
the draft; a module made from the very same objects, all of them read-only, is the
same module. :class:`NoticeTemplate` keeps the last few modules each macros template
made, by the identity of those objects (held, so no id is reused), and hands a kept
one back only when every one of them is the same object again. An import that hands
over anything else (a loop, a list a template built) makes its module as before.

For the same reason a kept module's macro writes the same text for the same plain
arguments (short text, whole numbers): :func:`call_kept` keeps it (a pack calls
``m.greeting()`` or ``c.brief('apology')`` in every notice and channel of a language).
A macro given facts, a ``caller``, or defined in the notice itself is called each time.
What is kept is bounded: short texts, a few per macro, a million characters in all.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from decimal import Decimal
from types import BuiltinFunctionType, FunctionType
from typing import Any
from weakref import WeakKeyDictionary, WeakSet

from jinja2 import Template
from jinja2.environment import TemplateModule
from jinja2.runtime import Macro
from jinja2.utils import missing

from .filters import formatter_in_use
from .view import Record, Value

#: What an import may hand over for its module to be kept: read-only data of the facts
#: view (text and whole numbers by value: equal ones print alike), the registered
#: functions, and modules kept before it (:data:`_MADE`).
_KEPT_BY_VALUE = (str, int, bool, type(None))
_KEPT_BY_IDENTITY = (Record, Value, float, Decimal, FunctionType, BuiltinFunctionType)
_KEEP = 4  # modules kept per macros template (one per facts view and language in use)


class NoticeTemplate(Template):
    """A template whose modules imported ``with context`` are kept while their inputs are."""

    _kept: OrderedDict[tuple[Any, ...], tuple[tuple[Any, ...], TemplateModule]]

    def make_module(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> TemplateModule:
        if not shared or vars is None:
            return super().make_module(vars, shared, locals)
        parent = dict(vars)
        for name, value in (locals or {}).items():
            if value is not missing:
                parent[name] = value
        held = (formatter_in_use(), *parent.values())
        key = _key(parent, held)
        if key is None:
            return super().make_module(parent, True)
        kept = self.__dict__.get("_kept")
        if kept is None:
            kept = self._kept = OrderedDict()
        found = kept.get(key)
        if found is not None and all(map(_same, found[0], held)):
            return found[1]
        module = super().make_module(parent, True)
        _MADE.add(module)
        _PLAIN.update(m for m in module.__dict__.values() if type(m) is Macro and _plain(m))
        kept[key] = (held, module)
        while len(kept) > _KEEP:
            kept.popitem(last=False)
        return module


#: The modules :class:`NoticeTemplate` made from read-only inputs (they may be kept).
_MADE: WeakSet[TemplateModule] = WeakSet()

#: The macros of those modules that take no ``caller``, ``varargs`` or ``kwargs``: what
#: one writes for the same arguments (text, whole numbers) depends only on its module's
#: inputs, so it is written once (:func:`call_kept`).
_PLAIN: WeakSet[Macro] = WeakSet()
_WRITTEN: WeakKeyDictionary[Macro, dict[tuple[Any, ...], str]] = WeakKeyDictionary()
_WRITTEN_PER_MACRO = 64
_WRITTEN_MOST = 2_000  # characters of one text kept: a notice's sentences, not a custom pack's bulk
_WRITTEN_IN_ALL = 1_000_000  # characters kept in all; past it, everything kept is let go
_written_chars = 0


def is_plain(macro: Macro) -> bool:
    """True for a macro of a kept module that takes nothing but its own arguments."""
    return macro in _PLAIN


def call_kept(macro: Macro, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Call a plain macro; for arguments that are all text or whole numbers, write it once."""
    key: tuple[Any, ...] = ()
    if args or kwargs:
        values = (*args, *kwargs.values())
        if not all(map(_small_plain, values)):
            return macro(*args, **kwargs)
        key = (values, tuple(map(type, values)), tuple(kwargs))
    written = _WRITTEN.get(macro)
    if written is None:
        written = _WRITTEN[macro] = {}
    text = written.get(key)
    if text is None:
        text = macro(*args, **kwargs)
        if type(text) is str and len(text) <= _WRITTEN_MOST and len(written) < _WRITTEN_PER_MACRO:
            _keep_written(written, key, text)
    return text


def _keep_written(written: dict[tuple[Any, ...], str], key: tuple[Any, ...], text: str) -> None:
    global _written_chars
    _written_chars += len(text) + 64
    if _written_chars > _WRITTEN_IN_ALL:
        _WRITTEN.clear()
        _written_chars = len(text) + 64
    written[key] = text


def _small_plain(value: Any) -> bool:
    return type(value) in _KEPT_BY_VALUE and (type(value) is not str or len(value) <= 200)


def _plain(macro: Macro) -> bool:
    return not (
        macro.caller or macro.catch_kwargs or macro.catch_varargs or macro._default_autoescape
    )


def _key(parent: dict[str, Any], held: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The key of a module made from ``parent``, or None when one of its values is not kept."""
    key: list[Any] = [id(held[0])]
    for name, value in parent.items():
        kind = type(value)
        if kind in _KEPT_BY_VALUE:
            key.append((name, kind, value))
        elif _read_only(value):
            key.append((name, id(value)))
        else:
            return None
    return tuple(key)


def _read_only(value: Any) -> bool:
    """True for a value that no template can change and that is kept by identity."""
    if isinstance(value, _KEPT_BY_IDENTITY):
        return True
    if type(value) is tuple:
        return all(type(item) in _KEPT_BY_VALUE or _read_only(item) for item in value)
    return isinstance(value, TemplateModule) and value in _MADE


def _same(kept: Any, now: Any) -> bool:
    return kept is now or (type(kept) is type(now) and type(now) in _KEPT_BY_VALUE and kept == now)
