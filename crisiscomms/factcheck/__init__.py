"""Check any text against the incident facts: numbers, times and claims, and zh/en parity.

``check_draft`` reports ``fact-mismatch`` where a text states a count, amount,
date, time or duration the facts contradict, ``unsupported-claim`` where it
asserts what the facts do not hold, plus every lint finding; ``check_parity``
reports numbers and times that differ between a Chinese and an English text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazynames import lazy_names

if TYPE_CHECKING:
    from .checking import check_draft
    from .parity import ParityReport, check_parity

__all__ = ["ParityReport", "check_draft", "check_parity"]

# Imported when first used: a draft imports .names (its wording is linted with the facts'
# names masked), which must not load the checker, its claims and its time and quantity
# patterns (a fifth of the command line's imports) for a plain draft.
_LAZY = {"check_draft": "checking", "ParityReport": "parity", "check_parity": "parity"}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__, globals())
