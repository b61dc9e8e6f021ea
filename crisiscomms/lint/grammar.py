"""The small grammar that combines lexicon roles into rule patterns.

A pattern is a sequence of elements joined by proximity operators::

    @ongoing <6 @fix          正在紧急修复: an ongoing marker, then a fix verb within 6 characters
    @fix 中                    修复中: a fix verb directly followed by 中
    @will <<20 @notify         a commitment, then a notify verb later in the same sentence
    ^@external <8 @cause       the key element is the external party

``@role`` is a role of the language's lexicon; any other element is a literal.
``!x`` right after an element says the text there must not go on with ``x``
(``@done !在 <4 @fix``: 已修复, but not 已在修复); before the first element, it says
the text must not lead into it with ``x`` (``!不 @responsibility``: 是我们的问题, but
not 不是我们的问题). ``?`` before an element makes it a condition only: it must be
there, but the match's span leaves it out (``^@topic <10 ?@trouble``: the finding is
the topic). ``<N`` allows at most N characters between two elements, none of
them a clause break (，。；: and line breaks); ``<<N`` allows commas (same
sentence); two elements side by side touch.
The *key* element (``^``, or else the last role) is what ``unless`` patterns
are compared against: an ``unless`` match that covers a match's key element
cancels it (已修复 covers the 修复 of 我们已修复).

Matching starts from the hits of the first element, which the scanner found in
one Aho-Corasick pass; nothing is searched where no hit is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..errors import ConfigError

_GAP = re.compile(r"^(<<?)(\d{1,3})$")
#: Characters that end a clause: a ``<N`` gap may not hold one.
CLAUSE_BREAKS = frozenset("，,。；;：:！!？?\n、")
#: Characters that end a sentence: a ``<<N`` gap may not hold one.
SENTENCE_BREAKS = frozenset("。；;！!？?\n")
MAX_GAP = 200


@dataclass(frozen=True, slots=True)
class Element:
    """One element: a lexicon role (``role``), a literal, or a literal that must not follow."""

    role: str | None
    literal: str | None
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    """A parsed pattern: elements, the gaps between them, and the key element."""

    source: str
    elements: tuple[Element, ...]
    gaps: tuple[tuple[int, bool], ...]  # (max characters, commas allowed) before element i+1
    key: int
    not_after: tuple[str, ...] = ()  # literals that must not end the text before element 0
    span: tuple[int, int] = (0, -1)  # first and last element the match's span covers

    @property
    def roles(self) -> tuple[str, ...]:
        """Return the roles the pattern uses."""
        return tuple(e.role for e in self.elements if e.role is not None)


Hits = Mapping[str, tuple[list[int], list[int]]]  # role -> (sorted starts, matching ends)


def parse_pattern(source: str, roles: Sequence[str] | frozenset[str], where: str) -> Pattern:
    """Parse one pattern, checking that every role it names exists.

    Args:
        source: the pattern text.
        roles: the roles the lexicon defines.
        where: names the rule in errors.

    Raises:
        ConfigError: for an unknown role, a dangling operator or an oversized gap.

    Examples:
        >>> p = parse_pattern("@ongoing <6 @fix 中", {"ongoing", "fix"}, "test")
        >>> [e.role or e.literal for e in p.elements], p.gaps, p.key
        (['ongoing', 'fix', '中'], ((6, False), (0, False)), 1)
        >>> parse_pattern("!不 !not_ @own", {"own"}, "test").not_after
        ('不', 'not ')
    """
    elements: list[Element] = []
    not_after: list[str] = []
    hidden: set[int] = set()
    gaps: list[tuple[int, bool]] = []
    key = -1
    pending: tuple[int, bool] | None = None
    for token in source.split():
        gap = _GAP.match(token)
        if gap:
            if not elements or pending is not None:
                raise ConfigError(f"{where}: pattern {source!r}: operator {token!r} out of place")
            pending = (int(gap.group(2)), gap.group(1) == "<<")
            if pending[0] > MAX_GAP:
                raise ConfigError(f"{where}: pattern {source!r}: gap above {MAX_GAP}")
            continue
        if token.startswith("^"):
            key, token = len(elements), token[1:]
        if token.startswith("?@"):
            hidden.add(len(elements))
            token = token[1:]
        if token.startswith("!") and len(token) > 1 and not elements:
            not_after.append(token[1:].replace("_", " "))
            continue
        if token.startswith("!") and len(token) > 1:
            if pending is not None:
                raise ConfigError(f"{where}: pattern {source!r}: {token!r} must follow an element")
            elements.append(Element(None, token[1:].replace("_", " "), negated=True))
            gaps.append((0, False))
            continue
        if elements:
            gaps.append(pending or (0, False))
        pending = None
        if token.startswith("@"):
            if token[1:] not in roles:
                raise ConfigError(f"{where}: pattern {source!r}: unknown role {token!r}")
            elements.append(Element(token[1:], None))
        else:
            elements.append(Element(None, token.replace("_", " ")))
    if not elements or pending is not None or elements[0].role is None:
        raise ConfigError(f"{where}: pattern {source!r} must start with a @role and not end in <N")
    if key < 0:
        key = max(i for i, e in enumerate(elements) if e.role is not None)
    shown = [i for i in range(len(elements)) if i not in hidden and not elements[i].negated]
    if not shown or key in hidden:
        raise ConfigError(f"{where}: pattern {source!r}: the key and one element must be shown")
    span = (shown[0], shown[-1])
    return Pattern(source, tuple(elements), tuple(gaps), key, tuple(not_after), span)


@dataclass(frozen=True, slots=True)
class Match:
    """Where a pattern matched: the whole span and its key element's span."""

    start: int
    end: int
    key_start: int
    key_end: int


def find_matches(
    pattern: Pattern, text: str, hits: Hits, lo: int = 0, hi: int | None = None
) -> list[Match]:
    """Return every match of ``pattern`` whose first element starts in ``[lo, hi)``.

    Each way the elements can be chained is one match.

    Examples:
        >>> p = parse_pattern("@a <3 @b", {"a", "b"}, "t")
        >>> hits = {"a": ([0], [2]), "b": ([4], [6])}
        >>> [(m.start, m.end) for m in find_matches(p, "正在紧急修复", hits)]
        [(0, 6)]
    """
    found = _find_matches(pattern, text, hits, lo, hi)
    if pattern.not_after and found:
        after = pattern.not_after
        found = [m for m in found if not any(text.endswith(x, 0, m.start) for x in after)]
    return found


def _find_matches(pattern: Pattern, text: str, hits: Hits, lo: int, hi: int | None) -> list[Match]:
    first = pattern.elements[0].role
    assert first is not None
    starts, ends = hits.get(first, ((), ()))
    i = bisect_left(starts, lo) if lo else 0
    stop = len(starts) if hi is None else bisect_left(starts, hi)
    if i >= stop:
        return []
    elements = pattern.elements
    if len(elements) == 1:
        return [Match(starts[k], ends[k], starts[k], ends[k]) for k in range(i, stop)]
    second = elements[1]
    if len(elements) == 2 and second.role is not None:
        return _pairs(pattern, text, starts, ends, hits.get(second.role, ((), ())), i, stop)
    out: list[Match] = []
    key = pattern.key
    shown_first, shown_last = pattern.span
    for k in range(i, stop):
        for spans in _extend(pattern, text, hits, 1, [(starts[k], ends[k])]):
            start, end = spans[shown_first][0], spans[shown_last][1]
            out.append(Match(start, end, spans[key][0], spans[key][1]))
    return out


def _pairs(
    pattern: Pattern,
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    second: tuple[Sequence[int], Sequence[int]],
    i: int,
    stop: int,
) -> list[Match]:
    # The common case, two roles: a bisect per hit of the first, no recursion.
    starts2, ends2 = second
    if not starts2:
        return []
    limit, commas = pattern.gaps[0]
    breaks = SENTENCE_BREAKS if commas else CLAUSE_BREAKS
    first_is_key = pattern.key == 0
    first, last = pattern.span
    n2 = len(starts2)
    out: list[Match] = []
    for k in range(i, stop):
        s0, e0 = starts[k], ends[k]
        j = bisect_left(starts2, e0)
        far = e0 + limit
        while j < n2 and starts2[j] <= far:
            s1 = starts2[j]
            if s1 - e0 > 0 and not breaks.isdisjoint(text[e0:s1]):
                break
            start = s0 if first == 0 else s1
            end = ends2[j] if last != 0 else e0
            if first_is_key:
                out.append(Match(start, end, s0, e0))
            else:
                out.append(Match(start, end, s1, ends2[j]))
            j += 1
    return out


def _extend(
    pattern: Pattern, text: str, hits: Hits, index: int, spans: list[tuple[int, int]]
) -> Iterator[list[tuple[int, int]]]:
    if index == len(pattern.elements):
        yield spans
        return
    element = pattern.elements[index]
    limit, commas = pattern.gaps[index - 1]
    lo = spans[-1][1]
    hi = lo + limit
    breaks = SENTENCE_BREAKS if commas else CLAUSE_BREAKS
    if element.negated:
        assert element.literal is not None
        if text.startswith(element.literal, lo):
            return
        yield from _extend(pattern, text, hits, index + 1, [*spans, (lo, lo)])
        return
    if element.literal is not None:
        at = text.find(element.literal, lo, hi + len(element.literal))
        if at >= 0 and not _broken(text, lo, at, breaks):
            yield from _extend(
                pattern, text, hits, index + 1, [*spans, (at, at + len(element.literal))]
            )
        return
    assert element.role is not None
    starts, ends = hits.get(element.role, ((), ()))
    j = bisect_left(starts, lo)
    while j < len(starts) and starts[j] <= hi:
        if _broken(text, lo, starts[j], breaks):
            return  # later candidates lie past the same break
        yield from _extend(pattern, text, hits, index + 1, [*spans, (starts[j], ends[j])])
        j += 1


def _broken(text: str, lo: int, hi: int, breaks: frozenset[str]) -> bool:
    if hi <= lo:
        return False
    return not breaks.isdisjoint(text[lo:hi])
