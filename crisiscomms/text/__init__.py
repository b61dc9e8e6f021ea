"""The one layer that reads text: normalising, lines, numerals, segments, language, times.

The linter (:mod:`crisiscomms.lint`) and the fact checker
(:mod:`crisiscomms.factcheck`) both read text through this package, so they
agree on what a text says: the same folding of zero-width characters, look-alike
letters and Traditional characters, the same hours and durations.
"""

from __future__ import annotations

from .lines import LineIndex, line_col
from .normalize import Normalized, normalize

__all__ = ["LineIndex", "Normalized", "line_col", "normalize"]
