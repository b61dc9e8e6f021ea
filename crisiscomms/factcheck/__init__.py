"""Check any text against the incident facts: numbers, times and claims, and zh/en parity.

``check_draft`` reports ``fact-mismatch`` where a text states a count, amount,
date, time or duration the facts contradict, ``unsupported-claim`` where it
asserts what the facts do not hold, plus every lint finding; ``check_parity``
reports numbers and times that differ between a Chinese and an English text.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checking import check_draft
    from .parity import ParityReport, check_parity

__all__ = ["ParityReport", "check_draft", "check_parity"]

# Imported when first used: a draft imports .names (its wording is linted with the facts'
# names masked), which must not load the checker, its claims and its time and quantity
# patterns (a fifth of the command line's imports) for a plain draft.
_LAZY = {"check_draft": "checking", "ParityReport": "parity", "check_parity": "parity"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
