"""Find every lexicon word of every active language in one Aho-Corasick pass.

All words of all roles go into one automaton, searched for overlapping
matches: roles overlap (正在 is an ongoing marker, 在 another; 修复中 holds
修复), and a leftmost-longest search would hide one behind the other. A word
that begins or ends with an ASCII letter or digit only counts at word edges,
in any language ("soon" is not in "soonest", "xx" not in "xxl").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import chain
from operator import itemgetter
from typing import Any

from .rules import RuleSet

_ac: Any
try:  # The Rust automaton is a core dependency; the fallback keeps a broken wheel usable.
    import ahocorasick_rs as _ac
except ImportError:  # pragma: no cover - exercised only without the wheel
    _ac = None

#: lang -> role -> (sorted starts, ends in the same order)
Hits = dict[str, "RoleHits"]
#: (word index, start, end), as the automaton reports a word found
_Hit = tuple[int, int, int]


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
        # ASCII words first: the ASCII automaton's word indices are the same as the other's.
        self.words = sorted(table, key=lambda w: not w.isascii())
        self._entries = [tuple(table[w]) for w in self.words]
        self._edges = [(_wordish(w[0]), _wordish(w[-1])) for w in self.words]
        self._ascii = _Automaton([w for w in self.words if w.isascii()])
        self._all = _Automaton(self.words)
        self._longest = max(map(len, self.words), default=1)

    def raw(self, text: str) -> list[tuple[int, int, int]]:
        """Return (word index, start, end) for every word in ``text``, unfiltered."""
        return (self._ascii if text.isascii() else self._all).find(text)

    def scan(self, text: str) -> Hits:
        """Return the hits of every role in ``text`` (already normalised), sorted by start."""
        n = len(text)
        # The automaton reads the text a chunk at a time (each chunk runs on by the longest
        # word, and keeps the words that start in it): one list of every word found in a
        # 10 MB text costs more per word than short lists do.
        if n <= _CHUNK:
            found = self.raw(text)
        else:
            found = []
            for lo in range(0, n, _CHUNK):
                piece, limit = text[lo : lo + _CHUNK + self._longest - 1], min(n - lo, _CHUNK)
                found += [(i, s + lo, e + lo) for i, s, e in self.raw(piece) if s < limit]
        # The hits of one word, in order, then the lists of each role: sorts and slices
        # in C, a Python step per word found rather than per hit.
        found.sort(key=_INDEX)
        parts: dict[str, dict[str, list[list[_Hit]]]] = {lang: {} for lang in self.langs}
        padded = ""
        # Each word's hits are one run of ``found``: a bisect finds where it ends, and a
        # slice (in C) takes it, rather than a step per hit.
        indices = list(map(_INDEX, found))
        lo, count = 0, len(found)
        edges, entries, word = self._edges, self._entries, _WORD
        while lo < count:
            index = indices[lo]
            # Most words of a notice are found once: no bisect for those.
            once = lo + 1 == count or indices[lo + 1] != index
            hi = lo + 1 if once else bisect_right(indices, index, lo)
            part = found[lo:hi]
            lo = hi
            left, right = edges[index]
            if left or right:
                padded = padded or f" {text} "
                if once:  # the edges of one hit, read here rather than in a call
                    _, start, end = part[0]
                    if (left and padded[start] in word) or (right and padded[end + 1] in word):
                        continue
                else:
                    part = _at_word_edges(padded, part, left, right)
                    if not part:
                        continue
            for lang, role in entries[index]:
                of_role = parts[lang].get(role)
                if of_role is None:
                    parts[lang][role] = [part]
                else:
                    of_role.append(part)
        return {lang: RoleHits(of_lang) for lang, of_lang in parts.items()}


class RoleHits(dict[str, tuple[list[int], list[int]]]):
    """role -> (sorted starts, ends in the same order), for the roles of one language.

    A role's lists are made when it is first looked up (``hits[role]``, ``get``): most
    roles of a long text are never asked about. A role without hits gives two empty
    lists; iterating gives only the roles looked up so far (see :meth:`resolved`);
    ``role in hits.present`` says whether a role has hits, without making its lists.
    """

    __slots__ = ("present",)

    def __init__(self, parts: dict[str, list[list[_Hit]]]) -> None:
        """Hold ``parts``: role -> the hits of each of its words found, each word's in order."""
        super().__init__()
        self.present = parts

    def __missing__(self, role: str) -> tuple[list[int], list[int]]:
        parts = self.present.get(role)
        found = self[role] = _starts_ends(parts) if parts else ([], [])
        return found

    def get(self, role: str, default: object = None) -> Any:
        """Return ``role``'s lists, two empty lists if it has no hits (never ``default``)."""
        return self[role]

    def resolved(self) -> dict[str, tuple[list[int], list[int]]]:
        """Return every role that has hits, with its lists (a plain dict)."""
        for role in self.present:
            self[role]  # makes the role's lists
        return {role: pair for role, pair in self.items() if pair[0]}


def _at_word_edges(padded: str, part: list[_Hit], left: bool, right: bool) -> list[_Hit]:
    """Return the hits of ``part`` (one word's) that neither follow nor precede a letter or
    digit on the edges ``left`` and ``right`` (``padded`` is the text with a space each side)."""
    word = _WORD
    if left and right:
        return [h for h in part if padded[h[1]] not in word and padded[h[2] + 1] not in word]
    if left:
        return [h for h in part if padded[h[1]] not in word]
    return [h for h in part if padded[h[2] + 1] not in word]


def _starts_ends(parts: list[list[_Hit]]) -> tuple[list[int], list[int]]:
    """Return the starts and ends of the hits of one role's words, sorted by start then end."""
    if len(parts) == 1:  # one word: its hits are in order already
        ordered = parts[0]
    else:
        # Each word's hits are in order; shorter words first, a stable sort by start puts
        # the hits that start together in the order of their ends.
        by_length = sorted(parts, key=_word_length)
        ordered = sorted(chain.from_iterable(by_length), key=_START)
    return list(map(_START, ordered)), list(map(_END, ordered))


def _word_length(part: list[_Hit]) -> int:
    _, start, end = part[0]
    return end - start


#: Characters the automaton reads at a time (see :meth:`Scanner.scan`): twice the engine's
#: window, so that a window (cut after the first paragraph end past 16K) is read at once.
_CHUNK = 1 << 15

_INDEX = itemgetter(0)
_START = itemgetter(1)
_END = itemgetter(2)

_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _wordish(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
