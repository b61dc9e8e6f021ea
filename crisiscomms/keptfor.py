"""Results worked out from a facts object, kept for the last few objects drafted.

Facts are a frozen model: no field of an :class:`Incident` can be set again. What
can still change is inside it: a list (``incident.timeline.append(...)``), a dict or
a set. So whatever is computed from one object (its template view, its Traditional
copy, its name patterns...) is kept with a :class:`State` of that object, the
identity of every item of every list, dict, set and model field in it, and used
only while the object still holds exactly those items; after any change it is
computed again. Each entry holds the object (and the state holds the items), so no
id can be reused by another object while the entry is kept. The oldest entry
leaves first and a lookup never reorders, so a lookup racing an eviction in
another thread cannot fail on a key that has just left.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import chain
from operator import is_
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

V = TypeVar("V")


class State:
    """The items an object's lists, sets and dicts hold, by identity, when it was read.

    A frozen model's fields cannot be set again (pydantic refuses), so only what its
    containers hold can change.

    Examples:
        >>> facts = {"timeline": ["started"]}
        >>> state = State(facts)
        >>> state.holds()
        True
        >>> facts["timeline"].append("fixed")
        >>> state.holds()
        False
    """

    __slots__ = ("_items", "_lengths", "_parts")

    def __init__(self, owner: object) -> None:
        parts: list[Any] = []
        _mutable_parts(owner, parts, set())
        self._parts: tuple[Any, ...] = tuple(parts)
        self._lengths = tuple(map(len, self._parts))
        self._items = tuple(chain.from_iterable(self._parts))

    def holds(self) -> bool:
        """True when every mutable part still holds the same items, in the same order."""
        return tuple(map(len, self._parts)) == self._lengths and all(
            map(is_, chain.from_iterable(self._parts), self._items)
        )


def _mutable_parts(value: object, parts: list[Any], seen: set[int]) -> None:
    """Add to ``parts`` each list, set and dict view in ``value``, walking into models too."""
    if isinstance(value, _SCALARS) or id(value) in seen:
        return
    children: Iterable[Any]
    if isinstance(value, BaseModel):  # frozen: only what its fields hold can change
        children = value.__dict__.values()
    elif isinstance(value, dict):
        parts += [value.keys(), value.values()]
        children = value.values()
    elif isinstance(value, list | set):
        parts.append(value)
        children = value
    elif isinstance(value, tuple | frozenset):
        children = value
    else:
        return
    seen.add(id(value))
    for child in children:
        _mutable_parts(child, parts, seen)


_SCALARS = (str, bytes, int, float, Decimal, datetime, date, time, timedelta, type(None))


#: The state of each object looked up lately, checked at every lookup.
_STATES: OrderedDict[int, tuple[object, State]] = OrderedDict()
_STATES_SIZE = 64


def state_of(owner: object) -> State:
    """Return ``owner``'s state: the one kept while the object is unchanged, else a new one."""
    held = _STATES.get(id(owner))
    if held is not None and held[0] is owner and held[1].holds():
        return held[1]
    state = State(owner)
    _STATES[id(owner)] = (owner, state)
    if len(_STATES) > _STATES_SIZE:
        with contextlib.suppress(KeyError):  # another thread emptied it first
            _STATES.popitem(last=False)
    return state


class KeptFor(Generic[V]):
    """The results of the last ``size`` (object, key) pairs looked up, while unchanged."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._held: OrderedDict[tuple[int, Hashable], tuple[object, State, V]] = OrderedDict()

    def kept(self, owner: object, key: Hashable) -> V | None:
        """Return the result kept for ``owner`` (as it is now) and ``key``, or None."""
        held = self._held.get((id(owner), key))
        if held is not None and held[0] is owner and held[1] is state_of(owner):
            return held[2]
        return None

    def get(self, owner: object, key: Hashable, compute: Callable[[], V]) -> V:
        """Return the result kept for ``owner`` and ``key``, or ``compute()`` it and keep it."""
        state = state_of(owner)
        held = self._held.get((id(owner), key))
        if held is not None and held[0] is owner and held[1] is state:
            return held[2]
        value = compute()
        self._held[(id(owner), key)] = (owner, state, value)
        if len(self._held) > self.size:
            with contextlib.suppress(KeyError):  # another thread emptied it first
                self._held.popitem(last=False)
        return value


__all__ = ["KeptFor", "State", "state_of"]
