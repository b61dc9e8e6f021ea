"""``pack.json``: the index of a pack, and writing the pack's files all together or not at all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..outfiles import write_all
from .building import CommsPack

INDEX_NAME = "pack.json"
SCHEMA_ID = "crisiscomms.pack/v1"


def pack_index(pack: CommsPack) -> dict[str, Any]:
    """Return the index: every file with its kind, channel, language, length and findings."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for file in pack.files:
        for finding in file.findings:
            counts[finding.severity] += 1
    return {
        "schema": SCHEMA_ID,
        "incident": pack.incident_id,
        "stage": pack.stage,
        "status": pack.status,
        "kinds": list(pack.kinds),
        "langs": list(pack.langs),
        "channels": list(pack.channels),
        "ready": pack.ready,
        "summary": counts,
        "files": [file.to_dict() for file in pack.files],
        "not_drafted": [dict(gap) for gap in pack.gaps],
    }


def pack_outputs(pack: CommsPack) -> list[tuple[str, str]]:
    """Return ``(file name, text)`` for every file of the pack, then ``pack.json``."""
    outputs = [(file.name, file.text) for file in pack.files]
    index = json.dumps(pack_index(pack), ensure_ascii=False, indent=2) + "\n"
    return [*outputs, (INDEX_NAME, index)]


def write_pack(folder: Path, pack: CommsPack, *, force: bool = False) -> list[Path]:
    """Write the pack into ``folder``: every file and the index, or nothing (:func:`write_all`)."""
    return write_all(folder, pack_outputs(pack), force=force)
