"""Read an input file (or stdin) safely: regular files only, a size cap, UTF-8 with or without BOM.

A named input must be a regular file (or a link to one): a FIFO, a device such as
``/dev/zero`` or a folder is refused at once, without reading from it or waiting on
it. Stdin is read as given. Either way at most ``limit`` bytes are read; more is an
error, so no input can exhaust memory.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from typing import Any

from .errors import InputError

#: The most a facts file may hold (1 MiB); real facts are a few kilobytes.
MAX_FACTS_BYTES = 1 << 20
#: The most a text given to ``crisiscomms lint`` may hold, per file (10 MiB).
MAX_TEXT_BYTES = 10 << 20
#: The deepest nesting of mappings and lists a facts file may have; real facts need about 6.
MAX_DEPTH = 64
#: The most values (mapping entries and list items, counted along every path) facts may hold.
MAX_VALUES = 100_000


def read_input(source: str, limit: int) -> bytes:
    """Return the bytes of file ``source`` (``-`` for stdin), refusing more than ``limit``.

    Raises:
        InputError: the file is missing, not a regular file, unreadable or too large.
    """
    name = display_name(source)
    if source == "-":
        if sys.stdin is None:
            raise InputError("<stdin>: standard input is closed")
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream put in place of stdin (tests, embedding)
            return _read_capped(lambda n: sys.stdin.read(n).encode("utf-8"), name, limit)
        return _read_capped(stream.read, name, limit)
    if not source:
        raise InputError("an empty file name was given")
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{name}: not a regular file ({_kind(mode)}); give a file or -")
        os.set_blocking(fd, True)
        return _read_capped(lambda n: os.read(fd, n), name, limit)
    finally:
        os.close(fd)


def display_name(source: str) -> str:
    """The name used in messages: ``<stdin>`` for ``-``."""
    return "<stdin>" if source == "-" else source


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _read_capped(read: Callable[[int], bytes], name: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= limit:
            chunk = read(min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
    if size > limit:
        raise InputError(f"{name}: larger than the limit of {limit:,} bytes")
    return b"".join(chunks)


def decode(raw: bytes, name: str) -> str:
    r"""Decode UTF-8, dropping a leading byte-order mark; a bad byte is named by line.

    Examples:
        >>> decode(b"\xef\xbb\xbfok", "f")
        'ok'
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line = raw[:start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: not UTF-8 text (byte {start})") from None


def check_shape(data: Any, name: str) -> None:
    """Refuse parsed data nested deeper than :data:`MAX_DEPTH` or larger than :data:`MAX_VALUES`.

    Counting every path (not every object) also stops a YAML alias bomb, whose
    shared lists would otherwise be walked an exponential number of times.

    Examples:
        >>> check_shape({"a": [1, {"b": 2}]}, "f")
        >>> deep: list[object] = []
        >>> for _ in range(100):
        ...     deep = [deep]
        >>> check_shape(deep, "f")
        Traceback (most recent call last):
        ...
        crisiscomms.errors.InputError: f: nested too deeply (more than 64 levels)
    """
    for count, depth in enumerate(_depths(data), start=1):
        if depth > MAX_DEPTH:
            raise InputError(f"{name}: nested too deeply (more than {MAX_DEPTH} levels)")
        if count > MAX_VALUES:
            raise InputError(f"{name}: too many values (more than {MAX_VALUES:,})")


def _depths(data: Any) -> Iterator[int]:
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        yield depth
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list | tuple):
            stack.extend((v, depth + 1) for v in value)
