"""The parsed, checked rules kept on disk between runs of the command line (opt-in).

Parsing a rule file (expanding its phrases, folding them as text is folded, parsing
its patterns) and running every rule's examples took most of the command's start
after the imports, and reading the registry a little more; loading the results back
takes a few milliseconds. The tables normalising text reads (the fold table, the
classes of characters its patterns start from: :mod:`crisiscomms.text.normalize`) are
kept the same way. The command line turns the cache on (:func:`use_rule_cache`) before
it builds its parser; the library never does by itself, so code that imports
``crisiscomms`` parses the rule files in memory as before.

The cache is the user's own folder, the one the compiled templates use
(:mod:`crisiscomms.compiledcache`): ``$CRISISCOMMS_CACHE_DIR``, else
``$XDG_CACHE_HOME/crisiscomms``, else ``~/.cache/crisiscomms``, here its ``rules``
subfolder; ``CRISISCOMMS_CACHE_DIR=off`` turns it off. An entry is a pickle, and
unpickling runs code, so an entry is read only from a folder that belongs to the user
and that nobody else may write, and only when the file itself is the user's and is
written by nobody else (else: parse as before). Entries are kept apart by a
fingerprint of everything that shapes them: this package's version, Python's, and the
size and modification time of every file of :mod:`crisiscomms.lint` and
:mod:`crisiscomms.text` (the rule data, the registry, the grammar, the folding tables
and the code that reads them) and of ``findings.py``. A folder or file that cannot be
read or written is no error: the rules parse as before.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Any

from .usercache import cache_folder, private

_WANTED = False
#: The files and packages (all their files, code and data) that shape a cached entry.
_SHAPED_BY = ("lint", "text", "findings.py")
#: Entries kept per name: several installs (virtual environments, versions) may share it.
_KEEP = 8


def use_rule_cache(on: bool = True) -> None:
    """Keep parsed rules on disk for this process (the command line calls this)."""
    global _WANTED
    _WANTED = on


def load(name: str) -> Any | None:
    """Return the entry ``name`` of this fingerprint, or None (off, absent, unsafe, broken)."""
    path = _path(name)
    if path is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    import pickle  # here: the command line imports this module before it knows the command

    with os.fdopen(fd, "rb") as file:
        try:
            if not private(os.fstat(fd), directory=False):
                return None
            return pickle.load(file)
        except Exception:  # a truncated or foreign entry is only a miss
            return None


def store(name: str, value: Any) -> None:
    """Write ``value`` as the entry ``name`` of this fingerprint, replacing older ones."""
    path = _path(name)
    if path is None:
        return
    import pickle
    import tempfile

    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            raise
        _prune(path.parent, name)


def _prune(folder: Path, name: str) -> None:
    """Keep the newest entries of ``name`` (other installs, older versions), drop the rest."""
    entries = []
    for entry in folder.glob(f"{name}-*.pickle"):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime, entry))
    for _, entry in sorted(entries, reverse=True)[_KEEP:]:
        with contextlib.suppress(OSError):
            entry.unlink()


def _path(name: str) -> Path | None:
    if not _WANTED:
        return None
    folder = cache_folder("rules")
    return None if folder is None else folder / f"{name}-{_fingerprint()}.pickle"


@cache
def _fingerprint() -> str:
    """Key entries by this package's version, Python's, and each shaping file's size and time.

    As Python's own bytecode cache does, a file counts as changed when its size or
    modification time does; reading every byte instead cost more than the entry saves.
    """
    import hashlib

    from . import __version__

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    package = Path(__file__).resolve().parent
    for sub in _SHAPED_BY:
        top = package / sub
        files = [top]
        for folder, subfolders, names in os.walk(top):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            files += [Path(folder, name) for name in sorted(names)]
        for path in files:
            try:
                info = path.stat()
            except OSError:
                digest.update(os.urandom(16))  # unreadable: never share entries
                continue
            if stat.S_ISREG(info.st_mode):
                relative = path.relative_to(package).as_posix()
                digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:24]
