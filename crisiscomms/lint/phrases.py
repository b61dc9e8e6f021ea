"""Expand the compact phrase notation the rule files use into literal phrases.

``正在{紧急|全力|}修复`` stands for 正在紧急修复, 正在全力修复 and 正在修复: the
data stays short and readable while the scanner still sees plain literals
(an Aho-Corasick automaton needs literals, and literals cannot backtrack).
"""

from __future__ import annotations

import itertools
import re

from ..errors import ConfigError
from ..text import normalize

_GROUP = re.compile(r"\{([^{}]*)\}")
#: One compact phrase may stand for at most this many literals; more is a data bug.
MAX_EXPANSION = 2000


def expand(pattern: str) -> list[str]:
    """Return every literal phrase a compact pattern stands for, folded for matching.

    Args:
        pattern: a phrase with optional ``{a|b|}`` groups (an empty choice
            makes the group optional).

    Returns:
        The literal phrases, folded (lower case, narrow ASCII), without duplicates.

    Raises:
        ConfigError: when the pattern is empty, unbalanced or expands too far.

    Examples:
        >>> expand("正在{紧急|}修复")
        ['正在紧急修复', '正在修复']
        >>> expand("{We are|We're} investigating")
        ['we are investigating', "we're investigating"]
    """
    if "|" not in pattern:
        return [_fold(pattern)]  # No alternatives: a literal, braces and all ({{ is a placeholder).
    pieces = _GROUP.split(pattern)
    literals, choices = pieces[0::2], [p.split("|") for p in pieces[1::2]]
    if any(ch in lit for lit in literals for ch in "{}|"):
        raise ConfigError(f"phrase {pattern!r}: unbalanced {{...}} or stray '|'")
    total = 1
    for options in choices:
        total *= len(options)
    if total > MAX_EXPANSION:
        raise ConfigError(f"phrase {pattern!r} expands to {total} phrases (max {MAX_EXPANSION})")
    seen: dict[str, None] = {}
    for combo in itertools.product(*choices):
        parts = [literals[0]]
        for option, literal in zip(combo, literals[1:], strict=True):
            parts += [option, literal]
        phrase = (
            " ".join(_fold("".join(parts)).split()) if " " in pattern else _fold("".join(parts))
        )
        if not phrase.strip():
            raise ConfigError(f"phrase {pattern!r} can expand to an empty phrase")
        seen.setdefault(phrase)
    return list(seen)


def expand_all(patterns: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Return the literals of several compact patterns, first occurrence first."""
    seen: dict[str, None] = {}
    for pattern in patterns:
        for phrase in expand(pattern):
            seen.setdefault(phrase)
    return tuple(seen)


def _fold(phrase: str) -> str:
    # Words are folded like the text they are matched against (Traditional too).
    return normalize(phrase).text
