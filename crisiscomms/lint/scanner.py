"""Find every rule phrase in one pass over the text.

All phrases of all active rules go into one Aho-Corasick automaton, searched
for overlapping matches: phrases of different rules often overlap
(自动发放 for one rule, 发放至您的账户 for another), and a leftmost-longest
search would hide the second behind the first. Measured on 1 MB of notice
text, the overlapping search costs the same as leftmost-longest (~15 ms).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from .rules import Rule, RuleSet

Role = Literal["trigger", "exception", "satisfier"]
_ROLES: tuple[Role, ...] = ("trigger", "exception", "satisfier")

_ac: Any
try:  # The Rust automaton is a core dependency; the regex fallback keeps a broken wheel usable.
    import ahocorasick_rs as _ac
except ImportError:  # pragma: no cover - exercised only without the wheel
    _ac = None


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means to one rule."""

    rule: Rule
    role: Role


@dataclass(frozen=True, slots=True)
class Hit:
    """One phrase found at ``start:end`` of the folded text."""

    start: int
    end: int
    entry: Entry


class _Part:
    """One automaton over some phrases, compiled on first use."""

    def __init__(self, table: dict[str, tuple[Entry, ...]]) -> None:
        self.patterns = list(table)
        self.entries = list(table.values())
        self._search: Any = None
        self._compiled = False

    def raw(self, folded: str) -> list[tuple[int, int, int]]:
        if not self._compiled:
            self._search, self._compiled = _compile(self.patterns), True
        search = self._search
        if search is None:
            return []
        if isinstance(search, tuple):  # pragma: no cover - fallback path
            compiled, ordered = search
            return [
                (i, m.start(), m.end())
                for pattern, i in zip(compiled, ordered, strict=True)
                for m in pattern.finditer(folded)
            ]
        found: list[tuple[int, int, int]] = search.find_matches_as_indexes(folded, overlapping=True)
        return found


class Scanner:
    """Match the phrases of many rules at once.

    ASCII phrases and the rest go into two automata, each compiled on first
    use: a text with no non-ASCII character (``str.isascii`` is O(1)) cannot
    hold any of the thousands of Chinese phrases, so English text never pays
    for building their automaton. Splitting cannot change what is found:
    every phrase is in exactly one automaton, searched for all overlapping
    matches, and the hits are sorted as one list.

    Examples:
        >>> from crisiscomms.lint.catalog import ruleset
        >>> scanner = Scanner([ruleset("zh")])
        >>> sorted({h.entry.rule.id for h in scanner.scan("我们会尽快修复")})
        ['vague-time']
    """

    def __init__(self, rulesets: Iterable[RuleSet]) -> None:
        """Index the phrases of every rule in ``rulesets`` by what they mean to it."""
        table: dict[str, tuple[Entry, ...]] = {}
        for rules in rulesets:
            for rule in rules.rules:
                lists = (rule.phrases, rule.exceptions, rule.satisfier_phrases)
                for role, phrases in zip(_ROLES, lists, strict=True):
                    entry = (Entry(rule, role),)  # one per rule and role, shared by its phrases
                    for phrase in phrases:
                        known = table.get(phrase)
                        table[phrase] = entry if known is None else known + entry
        self._ascii = _Part({p: e for p, e in table.items() if p.isascii()})
        self._other = _Part({p: e for p, e in table.items() if not p.isascii()})

    def _parts(self, folded: str) -> tuple[_Part, ...]:
        return (self._ascii,) if folded.isascii() else (self._ascii, self._other)

    def scan(self, folded: str) -> list[Hit]:
        """Return every phrase hit in ``folded`` (text passed through ``fold``), in order."""
        hits: list[Hit] = []
        for part in self._parts(folded):
            entries = part.entries
            for index, start, end in part.raw(folded):
                for entry in entries[index]:
                    if entry.rule.word_boundaries and not _at_word_edges(folded, start, end):
                        continue
                    hits.append(Hit(start, end, entry))
        # Stable: the entries of one phrase that several rule sets share stay in
        # rule-set order, which the engine's choice of language relies on.
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def _compile(patterns: list[str]) -> Any:
    if not patterns:
        return None
    if _ac is not None:
        return _ac.AhoCorasick(patterns)
    # Fallback without the wheel: one literal pattern per phrase (slow, but correct).
    ordered = sorted(range(len(patterns)), key=lambda i: -len(patterns[i]))
    return [re.compile(re.escape(patterns[i])) for i in ordered], ordered


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _at_word_edges(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    return not (_is_word(before) and _is_word(first)) and not (_is_word(after) and _is_word(last))
