"""What many tests share: the least facts a notice can be drafted from, and the real CLI."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: The least facts a notice can be drafted from, in both languages.
MINIMAL: dict[str, Any] = {
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例App", "en": "the Example app"},
    "timezone": "Asia/Shanghai",
    "started_at": "2026-03-29T20:00:00+08:00",
    "published_at": "2026-03-29T20:30:00+08:00",
}


def changed(facts: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """Return a deep copy of ``facts`` with top-level fields set, or removed where None."""
    out = copy.deepcopy(facts)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def run_cli(
    *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m crisiscomms ARGS`` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "crisiscomms", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=cwd,
        check=False,
    )
