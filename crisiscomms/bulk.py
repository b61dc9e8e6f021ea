"""Pause Python's cycle collector while a long text's many small results are built.

Linting or checking 10 MB of text builds millions of short tuples, matches and
findings, none of them part of a reference cycle. Python's cycle collector
still walks every one of them, again and again as more are made, and on a large
heap each walk costs more per object: the time stops growing in proportion to
the text. Plain reference counting frees all of them either way; while
:func:`paused_collection` is active only the search for cycles waits, and it
resumes when the block ends.

The pause is process-wide (another thread's cycles wait too) and short: one
call on one text. Nested pauses keep the collector paused until the outermost ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_collection() -> Iterator[None]:
    """Pause the cycle collector for the ``with`` block; restore it as it was afterwards.

    Examples:
        >>> import gc
        >>> with paused_collection():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
