"""Results worked out from a frozen object, kept for the last few objects drafted.

Facts are a frozen model, so whatever is computed from one :class:`Incident` object
(its template view, its Traditional copy, its name patterns...) never changes while
the object lives. Each entry holds the object beside its result, so the object's id
cannot be reused by another one while the entry is kept. The oldest entry leaves
first and a lookup never reorders, so a lookup racing an eviction in another thread
cannot fail on a key that has just left.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class KeptFor(Generic[V]):
    """The results of the last ``size`` (object, key) pairs looked up."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._held: OrderedDict[tuple[int, Hashable], tuple[object, V]] = OrderedDict()

    def kept(self, owner: object, key: Hashable) -> V | None:
        """Return the result kept for ``owner`` and ``key``, or None."""
        held = self._held.get((id(owner), key))
        return held[1] if held is not None and held[0] is owner else None

    def get(self, owner: object, key: Hashable, compute: Callable[[], V]) -> V:
        """Return the result kept for ``owner`` and ``key``, or ``compute()`` it and keep it."""
        held = self._held.get((id(owner), key))
        if held is not None and held[0] is owner:
            return held[1]
        value = compute()
        self._held[(id(owner), key)] = (owner, value)
        if len(self._held) > self.size:
            with contextlib.suppress(KeyError):  # another thread emptied it first
                self._held.popitem(last=False)
        return value
