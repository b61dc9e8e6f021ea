"""The user's own cache folder, shared by the compiled templates and the parsed lint rules.

``$CRISISCOMMS_CACHE_DIR``, else ``$XDG_CACHE_HOME/crisiscomms``, else
``~/.cache/crisiscomms``; ``CRISISCOMMS_CACHE_DIR=off`` (or ``0``, ``no``, ``false``)
turns every cache off. What is kept there runs as code when it is read back, so a
subfolder is used only when it belongs to the user and nobody else may write it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_OFF = ("off", "0", "no", "false")


def cache_folder(name: str) -> Path | None:
    """Return the private subfolder ``name`` of the cache, made if need be; None when off or unsafe.

    Read at each call, not kept for the process: a changed setting takes effect at once.
    """
    setting = os.environ.get("CRISISCOMMS_CACHE_DIR", "")
    if setting.strip().lower() in _OFF:
        return None
    if setting:
        base = Path(setting)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = (Path(xdg) if Path(xdg).is_absolute() else Path.home() / ".cache") / "crisiscomms"
    folder = base / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    return folder if private(info, directory=True) else None


def private(info: os.stat_result, *, directory: bool) -> bool:
    """True when ``info`` is the user's own folder or file, which nobody else may write."""
    kind = stat.S_ISDIR if directory else stat.S_ISREG
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return kind(info.st_mode) and mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
