"""Compiled templates kept on disk between runs of the command line (opt-in per process).

Compiling the shipped macros and a notice template is about a sixth of the command's
cold start; Jinja2 can keep the compiled code (:class:`jinja2.FileSystemBytecodeCache`).
The command line turns it on (:func:`use_compiled_cache`); the library never does by
itself, so code that imports ``crisiscomms`` compiles in memory as before.

The cache is a folder of the user's own: ``$CRISISCOMMS_CACHE_DIR``, else
``$XDG_CACHE_HOME/crisiscomms``, else ``~/.cache/crisiscomms``; ``CRISISCOMMS_CACHE_DIR=off``
turns it off. Code in it runs in the template sandbox's place, so it is used only from
a folder that belongs to the user and that nobody else may write (else: no cache), and
entries are kept apart by everything that shapes the compiled code: the template's
text (Jinja2's own checksum), and a fingerprint of the Jinja2 and Python versions, this
package's version, the sandbox's code generator (``sandbox.py``), our filters
(``filters.py``: whether a filter takes the context is compiled in) and the environment's
options. A folder or file that cannot be written is no error: the template compiles as
before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, FileSystemBytecodeCache

from .usercache import cache_folder

_WANTED = False


def use_compiled_cache(on: bool = True) -> None:
    """Keep compiled templates on disk for this process (the command line calls this)."""
    global _WANTED
    _WANTED = on


class _QuietCache(FileSystemBytecodeCache):
    """A bytecode cache whose read and write failures only mean compiling again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def compiled_cache(options: dict[str, Any]) -> FileSystemBytecodeCache | None:
    """Return the cache for environments built with ``options``, or None when it is off."""
    if not _WANTED:
        return None
    folder = cache_folder("templates")
    if folder is None:
        return None
    key = hashlib.sha256(repr(sorted(options.items())).encode() + _fingerprint()).hexdigest()
    return _cache_in(str(folder), key[:16])


@cache
def _cache_in(folder: str, key: str) -> FileSystemBytecodeCache:
    return _QuietCache(folder, pattern=f"{key}-%s.cache")


@cache
def _fingerprint() -> bytes:
    import jinja2

    from . import __version__, filters, sandbox

    parts = [jinja2.__version__, sys.version, __version__]
    try:
        parts.append(Path(sandbox.__file__).read_text("utf-8"))
        # Jinja compiles a call of a filter that takes the context (pass_context) with the
        # context in it: code compiled with other filters must not be loaded.
        parts.append(Path(filters.__file__).read_text("utf-8"))
    except OSError:
        parts.append(str(os.getpid()))  # unreadable: never share entries
    return "\0".join(parts).encode("utf-8")
