"""Every declared lower bound is pinned in constraints/minimums.txt, which CI installs once.

So a dependency added with ``>=X`` is tested at ``X``, not only at whatever is newest.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Tools the floor run does not execute (CI runs them at their newest, in the first venv).
NOT_RUN_AT_THE_FLOOR = {"ruff", "mypy"}


def _floors() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        requirements += extra
    floors = {}
    for requirement in requirements:
        match = re.match(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?\s*>=\s*([0-9][^,;\s]*)", requirement)
        if match:
            floors[match.group(1).lower().replace("_", "-")] = match.group(2)
    return floors


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints" / "minimums.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_every_declared_floor_is_pinned_at_that_version() -> None:
    floors, pins = _floors(), _pins()
    for name, version in floors.items():
        if name in NOT_RUN_AT_THE_FLOOR:
            continue
        assert name in pins, f"{name}>={version} is not in constraints/minimums.txt"
        assert re.sub(r"(\.0)+$", "", pins[name]) == re.sub(r"(\.0)+$", "", version), (
            f"{name}: pyproject says >={version}, constraints pin {pins[name]}"
        )


def test_nothing_is_pinned_that_is_not_declared() -> None:
    assert set(_pins()) <= set(_floors())
