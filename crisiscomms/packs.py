"""Template packs: the shipped templates, and a folder a user gives to override some of them.

A pack may contain only ``<lang>/<kind>.txt.j2`` and ``<lang>/_macros.txt.j2``
for the draft languages and notice kinds (:mod:`crisiscomms.kinds`), and the channel
variants ``<lang>/channels/<channel>/<kind>.txt.j2`` with their shared
``<lang>/channels/_macros.txt.j2``: regular UTF-8 files, no symlinks, nothing else.
It is checked and read whole before any of it is used, at every draft; templates
load from that snapshot only, and compiled templates are cached by the snapshot's
content, so an edited pack is used as edited and a file that turns into a symlink
is refused, never followed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound

from .errors import TemplateError
from .kinds import CHANNELS, DRAFT_LANGS, KINDS
from .resources import templates_root

MACROS = "_macros"
MAX_FILE_BYTES = 256 * 1024
#: Channel variants live under ``<lang>/channels/<channel>/<kind>.txt.j2``, with the
#: short sentences they share in ``<lang>/channels/_macros.txt.j2``.
CHANNELS_DIR = "channels"
VARIANT_CHANNELS = tuple(c for c in CHANNELS if c != "notice")

#: Every file name a pack may hold, relative to the pack folder.
PACK_FILES = frozenset(
    [f"{lang}/{name}.txt.j2" for lang in DRAFT_LANGS for name in (*KINDS, MACROS)]
    + [f"{lang}/{CHANNELS_DIR}/{MACROS}.txt.j2" for lang in DRAFT_LANGS]
    + [
        f"{lang}/{CHANNELS_DIR}/{channel}/{kind}.txt.j2"
        for lang in DRAFT_LANGS
        for channel in VARIANT_CHANNELS
        for kind in KINDS
    ]
)
#: Every folder a pack may hold, relative to the pack folder.
PACK_FOLDERS = frozenset(
    [*DRAFT_LANGS, *(f"{lang}/{CHANNELS_DIR}" for lang in DRAFT_LANGS)]
    + [f"{lang}/{CHANNELS_DIR}/{c}" for lang in DRAFT_LANGS for c in VARIANT_CHANNELS]
)

ALLOWED = (
    f"a pack may contain only {{{','.join(DRAFT_LANGS)}}}/<kind>.txt.j2 and "
    f"{{{','.join(DRAFT_LANGS)}}}/{MACROS}.txt.j2, with <kind> one of {', '.join(KINDS)}; "
    f"channel variants as <lang>/{CHANNELS_DIR}/<channel>/<kind>.txt.j2 and "
    f"<lang>/{CHANNELS_DIR}/{MACROS}.txt.j2, with <channel> one of {', '.join(VARIANT_CHANNELS)}"
)


@dataclass(frozen=True)
class Pack:
    """A checked template pack: its folder and the text of each file it overrides."""

    root: str
    files: tuple[tuple[str, str], ...]

    def source(self, name: str) -> str | None:
        """Return the text of ``name`` (``en/apology.txt.j2``) when the pack overrides it."""
        return dict(self.files).get(name)


def read_pack(folder: str) -> Pack:
    """Check the pack at ``folder`` and read every template in it.

    Raises:
        TemplateError: unknown or misplaced files, symlinks, special files, an
            empty pack, a file too large or not UTF-8; the message lists what a
            pack may contain.
    """
    root = Path(folder)
    problems: list[str] = []
    found: list[str] = []
    _walk(root, "", problems, found)
    files: list[tuple[str, str]] = []
    for name in sorted(found):
        try:
            files.append((name, _read(root / name)))
        except TemplateError as error:
            problems.append(f"{name} {error}")
    if not problems and not files:
        problems.append("it holds no template")
    if problems:
        shown = "; ".join(problems[:5]) + ("; …" if len(problems) > 5 else "")
        raise TemplateError(f"template pack {root}: {shown} ({ALLOWED})")
    return Pack(str(root), tuple(files))


def _walk(folder: Path, prefix: str, problems: list[str], found: list[str]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        problems.append(f"{prefix or '.'}: cannot be read ({error.strerror})")
        return
    for entry in entries:
        name = prefix + entry.name
        if entry.is_symlink():
            problems.append(f"{name} is a symlink")
        elif entry.is_dir(follow_symlinks=False):
            if name not in PACK_FOLDERS:
                what = "a channel folder" if prefix.count("/") > 1 else "a language folder"
                problems.append(f"{name}/ is not {what}")
            else:
                _walk(Path(entry.path), name + "/", problems, found)
        elif not entry.is_file(follow_symlinks=False):
            problems.append(f"{name} is not a regular file")
        elif name not in PACK_FILES:
            problems.append(f"{name} is not a template name")
        else:
            found.append(name)


def _read(path: Path) -> str:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise TemplateError(f"cannot be opened ({error.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise TemplateError("is not a regular file")
        if info.st_nlink > 1:
            raise TemplateError("is hard-linked to another file")
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise TemplateError(f"is larger than {MAX_FILE_BYTES // 1024} KiB")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise TemplateError(f"is not UTF-8 text (byte {error.start})") from None


@cache
def shipped_source(name: str) -> tuple[str, str]:
    """Return the text and path of a shipped template (``zh/apology.txt.j2``)."""
    if name not in PACK_FILES:
        raise TemplateNotFound(name)
    path = templates_root() / name
    try:
        return path.read_text("utf-8"), str(path)
    except FileNotFoundError:
        raise TemplateNotFound(name) from None


class PackLoader(BaseLoader):
    """Load templates by their pack name only: from the pack when it overrides one, else shipped.

    Names outside :data:`PACK_FILES` (``../x``, ``/etc/passwd``, ``en/terms.toml``)
    are not found, whatever is on disk.
    """

    def __init__(self, pack: Pack | None = None) -> None:
        self.pack = pack
        self._overrides: Mapping[str, str] = dict(pack.files) if pack else {}

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template not in PACK_FILES:
            raise TemplateNotFound(template)
        if template in self._overrides and self.pack is not None:
            filename = str(Path(self.pack.root) / template)
            return self._overrides[template], filename, _always_fresh
        source, filename = shipped_source(template)
        return source, filename, _always_fresh

    def list_templates(self) -> list[str]:
        return sorted(PACK_FILES)


def _always_fresh(*_: Any) -> bool:
    return True
