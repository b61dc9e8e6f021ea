"""What a template sees of the facts: plain, read-only data, never a model.

:func:`view_of` walks any pydantic model field by field and returns our own
small types: :class:`Record` (a read-only record with attribute-style access
to its data keys), :class:`TextView` (a bilingual text the ``t`` filter
reads), :class:`Value` (a time, duration or decimal that only filters
format), tuples for lists, and plain ``str``/``int``/``float``/``bool``/``None``.
Nothing of the model survives: no method, no class, no validator, so
pydantic's loaders (``parse_raw``, ``parse_file``, ``model_validate_json``,
``construct``, ``model_fields[...].annotation``) are not there to reach.

The walk is generic on purpose: it follows whatever fields the facts schema
has today, and fails closed (``TypeError`` naming the field) on a type it
does not know how to show as plain data.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from functools import cache
from types import MappingProxyType
from typing import Any, NoReturn

from pydantic import BaseModel

from .facts import Text

Plain = str | int | float | bool | None
Scalar = datetime | date | time | timedelta | Decimal


class Record:
    """A read-only record of facts: ``record.key`` and ``record["key"]`` read a data key.

    It has no public methods on purpose, so a data key such as ``items`` is
    never shadowed by a mapping method (``plan.items`` is the plan's items).

    Examples:
        >>> r = Record({"status": "confirmed"})
        >>> r.status, r["status"], "status" in r
        ('confirmed', 'confirmed', True)
    """

    __slots__ = ("_data",)
    _data: Mapping[str, Any]

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", MappingProxyType(dict(data)))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        raise TypeError("a facts record is not a list")

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("facts are read-only")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("facts are read-only")

    def __repr__(self) -> str:
        return f"<facts: {', '.join(self._data)}>"


class TextView(Record):
    """A bilingual text (``{zh: ..., en: ...}``); the ``t`` filter picks the draft's language."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<bilingual text>"


class Value:
    """A time, duration or decimal: printed as ISO text, formatted by filters, no methods.

    Examples:
        >>> str(Value(Decimal("9.90")))
        '9.90'
    """

    __slots__ = ("_raw",)
    _raw: Scalar

    def __init__(self, raw: Scalar) -> None:
        object.__setattr__(self, "_raw", raw)

    @property
    def raw(self) -> Scalar:
        """The wrapped value, for our own filters (templates cannot read properties)."""
        return self._raw

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("facts are read-only")

    def __str__(self) -> str:
        raw = self._raw
        return raw.isoformat() if isinstance(raw, datetime | date | time) else str(raw)

    def __repr__(self) -> str:
        return f"<{type(self._raw).__name__} {self}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Value) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash(self._raw)

    def __bool__(self) -> bool:
        return bool(self._raw)


View = Record | Value | tuple[Any, ...] | Plain

#: Every type a view is built of; the sandbox reads data keys of the first two only.
VIEW_TYPES: tuple[type, ...] = (Record, TextView, Value, tuple, str, int, float, bool, type(None))


def view_of(value: Any, path: str = "facts") -> Any:
    """Return the plain, read-only view of ``value`` (a model, or anything in one).

    Raises:
        TypeError: a field holds a type that has no plain-data view; names the field.

    Examples:
        >>> text = view_of(Text(zh="故障", en="an outage"))
        >>> type(text).__name__, text.en
        ('TextView', 'an outage')
    """
    try:
        return _view(value)
    except _NoView:
        raise TypeError(f"{_locate(value, path)}: this type has no plain-data view") from None


class _NoView(Exception):
    """A value of a type the walk does not know; :func:`_locate` finds where it is."""


def _view(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return value
    if isinstance(value, BaseModel):
        names = _field_names(type(value))
        if isinstance(value, Text):
            return TextView({name: _view(getattr(value, name)) for name in names})
        return Record({name: _view(getattr(value, name)) for name in names})
    if kind in (list, tuple):
        return tuple([_view(item) for item in value])
    if isinstance(value, datetime | date | time | timedelta | Decimal):
        return Value(value)
    if isinstance(value, Enum):
        return _view(value.value)
    if isinstance(value, str | bool | int | float):  # subclasses become the plain value
        return _plain(value)
    if isinstance(value, set | frozenset):
        return tuple(_view(item) for item in sorted(value, key=repr))
    if isinstance(value, Mapping) and all(isinstance(key, str) for key in value):
        return Record({key: _view(item) for key, item in value.items()})
    raise _NoView


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def _locate(value: Any, path: str) -> str:
    """Return the path of the first value in ``value`` that has no view, and its type."""
    try:
        _view(value)
    except _NoView:
        pass
    else:
        return path
    children: list[tuple[str, Any]] = []
    if isinstance(value, BaseModel):
        children = [(f"{path}.{n}", getattr(value, n)) for n in _field_names(type(value))]
    elif isinstance(value, list | tuple | set | frozenset):
        children = [(f"{path}[{i}]", item) for i, item in enumerate(value)]
    elif isinstance(value, Mapping):
        children = [(f"{path}.{k}", item) for k, item in value.items()]
    for child_path, child in children:
        try:
            _view(child)
        except _NoView:
            return _locate(child, child_path)
    return f"{path} (a {type(value).__name__})"


@cache
def _field_names(cls: type[BaseModel]) -> tuple[str, ...]:
    return (*cls.model_fields, *cls.model_computed_fields)


def _plain(value: Plain) -> Plain:
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return None


def unwrap(value: Any) -> Any:
    """Return what a filter formats: the raw time or decimal of a :class:`Value`."""
    return value.raw if isinstance(value, Value) else value
