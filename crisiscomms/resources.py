"""Where the shipped data lives: templates and example facts.

Installed from a wheel, both ship inside the package (``crisiscomms/templates``,
``crisiscomms/examples``); in a source checkout they stay at the top of the
repository, where reviewers find them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import TemplateError

_HERE = Path(__file__).resolve().parent


def _shipped(folder: str, marker: str) -> Path:
    for candidate in (_HERE / folder, _HERE.parent / folder):
        if (candidate / marker).is_file():
            return candidate
    raise TemplateError(f"{folder}/ not found next to {_HERE}: the installation is incomplete")


@cache
def templates_root() -> Path:
    """Return the folder holding ``zh/``, ``en/`` and ``elements.toml``."""
    return _shipped("templates", "elements.toml")


@cache
def examples_root() -> Path:
    """Return the folder of example fact files."""
    return _shipped("examples", "ecommerce-cooling-failure.yaml")
