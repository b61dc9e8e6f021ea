"""Write a set of files into a folder all together or not at all.

:func:`write_all` never leaves a half-written set: every file is written in full to
a temporary file in the same folder first; only then are they moved into place,
one by one, and if any move fails every file already moved is put back as it was
(a replaced file is restored from a hard link or copy kept until the end).
Existing files are never replaced unless asked to (``force``). New files get the
user's usual permissions (the umask applies); a replaced file keeps its mode.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass
class _Planned:
    final: Path
    body: str
    mode: int | None  # the mode of the file it replaces, or None for a new file
    staged: Path | None = None
    backup: Path | None = None
    moved: bool = False


def write_all(folder: Path, outputs: list[tuple[str, str]], *, force: bool = False) -> list[Path]:
    """Write each ``(file name, text)`` into ``folder``: all of them, or none.

    Args:
        folder: created (with its parents) when missing.
        outputs: file names (no folders) and their UTF-8 text.
        force: replace files that exist; without it, an existing file is an error.

    Returns:
        The paths written, in order.

    Raises:
        InputError: nothing was changed; the message names the files or the problem.
    """
    if not str(folder):
        raise InputError("--out: give a folder name")
    created = _make_folder(folder)
    try:
        plans = _plan(folder, outputs, force)
        _stage(plans, folder)
        _commit(plans, folder)
    except BaseException:
        for directory in reversed(created):
            with contextlib.suppress(OSError):
                directory.rmdir()  # only if still empty
        raise
    return [p.final for p in plans]


def _make_folder(folder: Path) -> list[Path]:
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"--out {folder}: cannot create folder: {error.strerror}") from None
    if not folder.is_dir():
        raise InputError(f"--out {folder}: not a folder")
    return missing[::-1]


def _plan(folder: Path, outputs: list[tuple[str, str]], force: bool) -> list[_Planned]:
    plans: list[_Planned] = []
    kept: list[str] = []
    for name, body in outputs:
        final = folder / name
        try:
            info = final.lstat()
        except FileNotFoundError:
            plans.append(_Planned(final, body, None))
            continue
        except OSError as error:
            raise InputError(f"--out {final}: cannot check: {error.strerror}") from None
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"--out {final}: exists and is not a plain file; nothing written")
        kept.append(str(final))
        plans.append(_Planned(final, body, stat.S_IMODE(info.st_mode)))
    if kept and not force:
        raise InputError(
            "--out: these files exist and were kept (add --force to replace them); "
            f"nothing written: {', '.join(kept)}"
        )
    return plans


def _stage(plans: list[_Planned], folder: Path) -> None:
    try:
        for plan in plans:
            plan.staged = _write_new(folder, plan.final.name, plan.body, plan.mode)
    except OSError as error:
        _discard(plans)
        raise InputError(f"--out {folder}: cannot write: {error.strerror or error}") from None


def _write_new(folder: Path, name: str, body: str, mode: int | None) -> Path:
    """Write ``body`` to a new hidden file next to its final name; return its path."""
    for _ in range(100):
        path = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            # 0o666 with the umask applied: the mode any new file of the user's gets.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(body)
                handle.flush()
                os.fsync(handle.fileno())
            if mode is not None:
                path.chmod(mode)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path
    raise FileExistsError(f"no free temporary name in {folder}")


def _commit(plans: list[_Planned], folder: Path) -> None:
    try:
        for plan in plans:
            assert plan.staged is not None
            if plan.mode is not None:
                plan.backup = _keep_copy(plan.final)
            plan.staged.replace(plan.final)
            plan.staged, plan.moved = None, True
    except OSError as error:
        _roll_back(plans)
        raise InputError(
            f"--out {folder}: cannot write: {error.strerror or error}; every file is as it was"
        ) from None
    except BaseException:
        _roll_back(plans)
        raise
    for plan in plans:
        if plan.backup is not None:
            plan.backup.unlink(missing_ok=True)


def _keep_copy(final: Path) -> Path:
    """Keep the file about to be replaced under a hidden name, to restore it on failure."""
    backup = final.with_name(f".{final.name}.{secrets.token_hex(4)}.bak")
    try:
        os.link(final, backup)  # the same file, not a copy: nothing about it changes
    except OSError:
        shutil.copy2(final, backup)
    return backup


def _roll_back(plans: list[_Planned]) -> None:
    for plan in reversed(plans):
        with contextlib.suppress(OSError):
            if plan.moved and plan.backup is not None:
                plan.backup.replace(plan.final)
                plan.backup = None
            elif plan.moved:
                plan.final.unlink()
    _discard(plans)


def _discard(plans: list[_Planned]) -> None:
    for plan in plans:
        for leftover in (plan.staged, plan.backup):
            if leftover is not None:
                leftover.unlink(missing_ok=True)
