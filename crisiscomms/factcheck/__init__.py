"""Check any text against the incident facts: numbers, times and claims, and zh/en parity.

``check_draft`` reports ``fact-mismatch`` where a text states a count, amount,
date, time or duration the facts contradict, ``unsupported-claim`` where it
asserts what the facts do not hold, plus every lint finding; ``check_parity``
reports numbers and times that differ between a Chinese and an English text.
"""

from __future__ import annotations

from .checking import check_draft
from .parity import ParityReport, check_parity

__all__ = ["ParityReport", "check_draft", "check_parity"]
