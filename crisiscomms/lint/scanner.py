"""Find every rule phrase in one pass over the text.

All phrases of all active rules go into one Aho-Corasick automaton
(leftmost-longest). A longer phrase hides the shorter phrases inside it, so
each phrase also knows which other phrases it contains: one match reports
them all, and no rule loses a phrase to a neighbour's longer one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from .rules import Rule, RuleSet

Role = Literal["trigger", "exception", "satisfier"]

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


class Scanner:
    """Match the phrases of many rules at once.

    Examples:
        >>> from crisiscomms.lint.catalog import ruleset
        >>> scanner = Scanner([ruleset("zh")])
        >>> sorted({h.entry.rule.id for h in scanner.scan("我们会尽快修复")})
        ['vague-time']
    """

    def __init__(self, rulesets: Iterable[RuleSet]) -> None:
        """Compile the phrases of every rule in ``rulesets``."""
        table: dict[str, list[Entry]] = {}
        roles: tuple[Role, ...] = ("trigger", "exception", "satisfier")
        for rules in rulesets:
            for rule in rules.rules:
                lists = (rule.phrases, rule.exceptions, rule.satisfier_phrases)
                for role, phrases in zip(roles, lists, strict=True):
                    for phrase in phrases:
                        table.setdefault(phrase, []).append(Entry(rule, role))
        self._patterns = list(table)
        self._entries = [tuple(table[p]) for p in self._patterns]
        self._contained = self._containment()
        self._search = self._compile(self._patterns)

    @staticmethod
    def _compile(patterns: list[str]) -> object:
        if not patterns:
            return None
        if _ac is not None:
            return _ac.AhoCorasick(patterns, matchkind=_ac.MatchKind.LeftmostLongest)
        ordered = sorted(range(len(patterns)), key=lambda i: -len(patterns[i]))
        return re.compile("|".join(f"(?P<p{i}>{re.escape(patterns[i])})" for i in ordered))

    def _containment(self) -> list[tuple[tuple[int, int], ...]]:
        # For each phrase, the (offset, index) of every other phrase inside it.
        index = {p: i for i, p in enumerate(self._patterns)}
        contained: list[tuple[tuple[int, int], ...]] = []
        if _ac is not None and self._patterns:
            overlapping = _ac.AhoCorasick(self._patterns)
            for i, phrase in enumerate(self._patterns):
                found = overlapping.find_matches_as_indexes(phrase, overlapping=True)
                contained.append(tuple((s, j) for j, s, _e in found if j != i))
            return contained
        for phrase in self._patterns:  # pragma: no cover - fallback path
            inner = [
                (phrase.find(q), index[q]) for q in self._patterns if q != phrase and q in phrase
            ]
            contained.append(tuple(inner))
        return contained

    def _raw(self, folded: str) -> list[tuple[int, int, int]]:
        search = self._search
        if search is None:
            return []
        if isinstance(search, re.Pattern):
            return [
                (int((m.lastgroup or "p0")[1:]), m.start(), m.end())
                for m in search.finditer(folded)
            ]
        found: list[tuple[int, int, int]] = search.find_matches_as_indexes(folded)  # type: ignore[attr-defined]
        return found

    def scan(self, folded: str) -> list[Hit]:
        """Return every phrase hit in ``folded`` (text passed through ``fold``), in order."""
        hits: list[Hit] = []
        for index, start, _end in self._raw(folded):
            for offset, inner in ((0, index), *self._contained[index]):
                s = start + offset
                e = s + len(self._patterns[inner])
                for entry in self._entries[inner]:
                    if entry.rule.word_boundaries and not _at_word_edges(folded, s, e):
                        continue
                    hits.append(Hit(s, e, entry))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _at_word_edges(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    first, last = text[start], text[end - 1]
    return not (_is_word(before) and _is_word(first)) and not (_is_word(after) and _is_word(last))
