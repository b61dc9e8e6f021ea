"""Find every lexicon word of every active language in one Aho-Corasick pass.

All words of all roles go into one automaton, searched for overlapping
matches: roles overlap (正在 is an ongoing marker, 在 another; 修复中 holds
修复), and a leftmost-longest search would hide one behind the other. A word
that begins or ends with an ASCII letter or digit only counts at word edges,
in any language ("soon" is not in "soonest", "xx" not in "xxl").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .rules import RuleSet

_ac: Any
try:  # The Rust automaton is a core dependency; the fallback keeps a broken wheel usable.
    import ahocorasick_rs as _ac
except ImportError:  # pragma: no cover - exercised only without the wheel
    _ac = None

#: lang -> role -> (sorted starts, ends in the same order)
Hits = dict[str, dict[str, tuple[list[int], list[int]]]]
#: Where one word's hits go: the append methods of its roles' start and end lists.
_Row = tuple[tuple[Callable[[int], None], Callable[[int], None]], ...]


class _Automaton:
    """One automaton over some words, built on first use."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self._search: Any = None

    def find(self, text: str) -> list[tuple[int, int, int]]:
        if not self.words:
            return []
        if self._search is None:
            self._search = _ac.AhoCorasick(self.words) if _ac is not None else _Fallback(self.words)
        found: list[tuple[int, int, int]] = self._search.find_matches_as_indexes(
            text, overlapping=True
        )
        return found


class _Fallback:  # pragma: no cover - exercised only without the wheel
    def __init__(self, words: list[str]) -> None:
        self.words = words

    def find_matches_as_indexes(self, text: str, overlapping: bool) -> list[tuple[int, int, int]]:
        out = []
        for i, word in enumerate(self.words):
            at = text.find(word)
            while at >= 0:
                out.append((i, at, at + len(word)))
                at = text.find(word, at + 1)
        return out


class Scanner:
    """Match the lexicons of several languages at once.

    ASCII words and all words go into two automata, each built on first use:
    a text with no non-ASCII character (``str.isascii`` is O(1)) cannot hold
    a Chinese word, so English text never pays for the Chinese lexicon.

    Examples:
        >>> from crisiscomms.lint.catalog import ruleset
        >>> hits = Scanner([ruleset("zh")]).scan("我们会尽快修复")
        >>> hits["zh"]["vague_time"]
        ([3], [5])
    """

    def __init__(self, rulesets: Iterable[RuleSet]) -> None:
        """Index every word of every role of ``rulesets``."""
        table: dict[str, list[tuple[str, str]]] = {}
        self.langs: list[str] = []
        for ruleset in rulesets:
            self.langs.append(ruleset.lang)
            for role, words in ruleset.lexicon.items():
                for word in words:
                    table.setdefault(word, []).append((ruleset.lang, role))
        self.words = list(table)
        self._entries = [tuple(table[w]) for w in self.words]
        self._edges = [(_wordish(w[0]), _wordish(w[-1])) for w in self.words]
        self._edged = [left or right for left, right in self._edges]
        ascii_ids = [i for i, w in enumerate(self.words) if w.isascii()]
        self._ascii_ids = ascii_ids
        self._ascii = _Automaton([self.words[i] for i in ascii_ids])
        self._all = _Automaton(self.words)
        self._longest = max(map(len, self.words), default=1)

    def raw(self, text: str) -> list[tuple[int, int, int]]:
        """Return (word index, start, end) for every word in ``text``, unfiltered."""
        if text.isascii():
            ids = self._ascii_ids
            return [(ids[i], s, e) for i, s, e in self._ascii.find(text)]
        return self._all.find(text)

    def scan(self, text: str) -> Hits:
        """Return the hits of every role in ``text`` (already normalised), sorted by start."""
        hits: Hits = {lang: {} for lang in self.langs}
        # Each hit word's destination lists (their append methods), found once per scan
        # rather than once per hit; only words with an ASCII letter or digit at an edge
        # need their neighbours looked at.
        targets: list[_Row | None] = [None] * len(self.words)
        edged, edges, word = self._edged, self._edges, _WORD
        n = len(text)
        # The automaton reads the text a chunk at a time (each chunk runs on by the longest
        # word, and keeps the words that start in it): one list of every word found in a
        # 10 MB text costs more per word than short lists do.
        longest = self._longest
        for lo in range(0, n, _CHUNK):
            hi = min(n, lo + _CHUNK)
            piece = text if lo == 0 and hi == n else text[lo : hi + longest - 1]
            limit = hi - lo
            for index, start, end in self.raw(piece):
                if start >= limit:
                    continue  # the next chunk finds it
                start += lo
                end += lo
                if edged[index]:
                    left, right = edges[index]
                    if left and start and text[start - 1] in word:
                        continue
                    if right and end < n and text[end] in word:
                        continue
                row = targets[index]
                if row is None:
                    row = targets[index] = self._row(hits, index)
                for add_start, add_end in row:
                    add_start(start)
                    add_end(end)
        for by_role in hits.values():
            for role, (starts, ends) in by_role.items():
                if starts != sorted(starts):
                    ordered = sorted(zip(starts, ends, strict=True))
                    by_role[role] = ([s for s, _ in ordered], [e for _, e in ordered])
        return hits

    def _row(self, hits: Hits, index: int) -> _Row:
        row = []
        for lang, role in self._entries[index]:
            pair = hits[lang].get(role)
            if pair is None:
                pair = hits[lang][role] = ([], [])
            row.append((pair[0].append, pair[1].append))
        return tuple(row)


#: Characters the automaton reads at a time (see :meth:`Scanner.scan`).
_CHUNK = 1 << 16

_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _wordish(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
