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
sentence); two elements side by side touch. ``<Na`` (and ``<<Na``) does not count
ASCII letters, digits and spaces towards N, up to :data:`LATIN_SLACK` of them: a
product name inside a Chinese phrase (部分PayNow和FAST转账) leaves the words as close
as they read.
The *key* element (``^``, or else the last role) is what ``unless`` patterns
are compared against: an ``unless`` match that covers a match's key element
cancels it (已修复 covers the 修复 of 我们已修复).

Matching starts from the hits of the first element, which the scanner found in
one Aho-Corasick pass; nothing is searched where no hit is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..text.segments import char_positions

_GAP = re.compile(r"^(<<?)(\d{1,3})(a?)$")
#: Characters that end a clause: a ``<N`` gap may not hold one.
CLAUSE_BREAKS = frozenset("，,。；;：:！!？?\n、")
#: Characters that end a sentence: a ``<<N`` gap may not hold one.
SENTENCE_BREAKS = frozenset("。；;！!？?\n")
MAX_GAP = 200
#: How many ASCII letters, digits and spaces a ``<Na`` gap may hold besides its N characters.
LATIN_SLACK = 40


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
    needs: frozenset[str] = frozenset()  # the roles it names: no match without a hit of each
    latin: frozenset[int] = frozenset()  # gaps (before element i+1) that do not count ASCII words

    @property
    def roles(self) -> tuple[str, ...]:
        """Return the roles the pattern uses."""
        return tuple(e.role for e in self.elements if e.role is not None)


#: role -> (sorted starts, matching ends), for every role a pattern names (a scanner's
#: :class:`~.scanner.RoleHits` answers any role).
Hits = Mapping[str, tuple[Sequence[int], Sequence[int]]]


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
    latin: set[int] = set()
    key = -1
    pending: tuple[int, bool] | None = None
    for token in source.split():
        gap = _GAP.match(token)
        if gap:
            if not elements or pending is not None:
                raise ConfigError(f"{where}: pattern {source!r}: operator {token!r} out of place")
            pending = (int(gap.group(2)), gap.group(1) == "<<")
            if gap.group(3):
                latin.add(len(gaps))
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
    needs = frozenset(e.role for e in elements if e.role is not None)
    return Pattern(
        source, tuple(elements), tuple(gaps), key, tuple(not_after), span, needs, frozenset(latin)
    )


#: Where a pattern matched: (start, end, key start, key end) -- the whole span and its key
#: element's span. A plain tuple: a long text dense with findings makes millions of them.
Match = tuple[int, int, int, int]

_CHARS = {breaks: "".join(sorted(breaks)) for breaks in (CLAUSE_BREAKS, SENTENCE_BREAKS)}


class Breaks:
    """Where the clause and sentence breaks of a text are, found on first use.

    ``next(lo, breaks)`` is the first position at or after ``lo`` holding one of
    ``breaks``, or a full stop before a space: a gap ``text[lo:hi]`` is unbroken exactly
    when ``hi`` is at most that.

    Examples:
        >>> b = Breaks("正在修复，尽快。")
        >>> b.next(0, CLAUSE_BREAKS), b.next(0, SENTENCE_BREAKS), b.next(8, CLAUSE_BREAKS)
        (4, 7, 8)
    """

    __slots__ = ("_positions", "text")

    def __init__(self, text: str) -> None:
        """Prepare to answer for ``text``."""
        self.text = text
        self._positions: dict[frozenset[str], list[int]] = {}

    def next(self, lo: int, breaks: frozenset[str]) -> int:
        """Return the first position ``>= lo`` holding a break, or ``len(text)``."""
        positions = self.positions(breaks)
        return positions[bisect_left(positions, lo)]

    def positions(self, breaks: frozenset[str]) -> list[int]:
        """Return the positions holding one of ``breaks``, then ``len(text)`` (read only)."""
        positions = self._positions.get(breaks)
        if positions is None:
            found = char_positions(self.text, _CHARS[breaks])
            stops = _full_stops(self.text)
            if stops:  # merged into a new list: char_positions' lists are shared
                found = sorted([*found, *stops])
            positions = self._positions[breaks] = [*found, len(self.text)]
        return positions


def _full_stops(text: str) -> list[int]:
    """Return where a full stop ends an English sentence: before a space (8.5 is one number).

    A gap may not cross one, as it may not cross 。: "... for now. Our team is working"
    holds no match of ``now <24 working``, as the sentence segments read it too.

    Examples:
        >>> _full_stops("Back at 8.5. Our team is on it.")
        [11]
    """
    if "." not in text:
        return []
    size = len(text)
    return [p for p in char_positions(text, ".") if p + 1 < size and text[p + 1].isspace()]


def find_matches(
    pattern: Pattern,
    text: str,
    hits: Hits,
    lo: int = 0,
    hi: int | None = None,
    breaks: Breaks | None = None,
) -> list[Match]:
    """Return every match of ``pattern`` whose first element starts in ``[lo, hi)``.

    Each way the elements can be chained is one match. ``breaks`` (a
    :class:`Breaks` of ``text``) is shared by the calls on one text.

    Examples:
        >>> p = parse_pattern("@a <3 @b", {"a", "b"}, "t")
        >>> hits = {"a": ([0], [2]), "b": ([4], [6])}
        >>> find_matches(p, "正在紧急修复", hits)
        [(0, 6, 4, 6)]
    """
    found = _find_matches(pattern, text, hits, lo, hi, breaks)
    if pattern.not_after and found:
        after = pattern.not_after
        found = [m for m in found if not any(text.endswith(x, 0, m[0]) for x in after)]
    return found


def _find_matches(
    pattern: Pattern, text: str, hits: Hits, lo: int, hi: int | None, breaks: Breaks | None
) -> list[Match]:
    role = pattern.elements[0].role
    assert role is not None
    starts, ends = hits[role]
    i = bisect_left(starts, lo) if lo else 0
    stop = len(starts) if hi is None else bisect_left(starts, hi)
    if i >= stop:
        return []
    elements = pattern.elements
    if len(elements) == 1:
        return [(starts[k], ends[k], starts[k], ends[k]) for k in range(i, stop)]
    if breaks is None:
        breaks = Breaks(text)
    second = elements[1]
    pair = len(elements) == 2 and not pattern.latin  # the walk below measures <Na gaps
    if pair and second.role is not None:
        return _pairs(pattern, breaks, starts, ends, hits[second.role], i, stop)
    if pair and second.literal is not None and not second.negated:
        return _role_then_literal(pattern, text, breaks, starts, ends, second.literal, i, stop)
    out: list[Match] = []
    key = pattern.key
    first, last = pattern.span
    for k in range(i, stop):
        s0, e0 = starts[k], ends[k]
        a = s0 if first == 0 else -1
        b = e0 if last == 0 else -1
        if key == 0:
            _walk(pattern, text, breaks, hits, 1, e0, a, b, s0, e0, out)
        else:
            _walk(pattern, text, breaks, hits, 1, e0, a, b, -1, -1, out)
    return out


def _role_then_literal(
    pattern: Pattern,
    text: str,
    breaks: Breaks,
    starts: Sequence[int],
    ends: Sequence[int],
    literal: str,
    i: int,
    stop: int,
) -> list[Match]:
    # ``@role literal`` (修复后) and ``@role <N literal`` (修复 ... 中): _walk's answer, the
    # first place the literal starts within N characters (0: right after the hit), with
    # no break before it; one find per hit, no recursion.
    size = len(literal)
    limit, commas = pattern.gaps[0]
    stops = breaks.positions(SENTENCE_BREAKS if commas else CLAUSE_BREAKS) if limit else []
    first, last = pattern.span
    key_first = pattern.key == 0
    find = text.find
    out: list[Match] = []
    for s0, e0 in zip(starts[i:stop], ends[i:stop], strict=True):
        at = find(literal, e0, e0 + limit + size)
        if at < 0 or (at > e0 and at > stops[bisect_left(stops, e0)]):
            continue
        end = at + size
        key = (s0, e0) if key_first else (at, end)
        out.append((s0 if first == 0 else at, end if last == 1 else e0, *key))
    return out


def _pairs(
    pattern: Pattern,
    breaks: Breaks,
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
    stops = breaks.positions(SENTENCE_BREAKS if commas else CLAUSE_BREAKS)
    count = len(starts2)
    first_is_key = pattern.key == 0
    first, last = pattern.span
    whole = (first, last) == (0, 1)  # the span covers both elements (no ?@ condition)
    out: list[Match] = []
    add = out.append
    for s0, e0 in zip(starts[i:stop], ends[i:stop], strict=True):
        j0 = bisect_left(starts2, e0)
        # The second element may start up to ``limit`` characters on, and no later than
        # the next break: the gap before it must hold none.
        if j0 == count:
            continue
        nearest = starts2[j0]
        far = e0 + limit
        if nearest > far:
            continue
        stop_at = stops[bisect_left(stops, e0)]
        if stop_at < far:
            if nearest > stop_at:
                continue
            far = stop_at
        j_stop = bisect_right(starts2, far, j0)
        if not whole:
            for j in range(j0, j_stop):
                start = s0 if first == 0 else starts2[j]
                end = ends2[j] if last == 1 else e0
                key_span = (s0, e0) if first_is_key else (starts2[j], ends2[j])
                add((start, end, *key_span))
        elif first_is_key:
            for j in range(j0, j_stop):
                add((s0, ends2[j], s0, e0))
        else:
            for j in range(j0, j_stop):
                add((s0, ends2[j], starts2[j], ends2[j]))
    return out


def _walk(
    pattern: Pattern,
    text: str,
    breaks: Breaks,
    hits: Hits,
    index: int,
    lo: int,
    a: int,
    b: int,
    key_start: int,
    key_end: int,
    out: list[Match],
) -> None:
    # Chain elements ``index`` on, the one before ending at ``lo``; each way through is a
    # match (the span from the first to the last shown element, the key element's span),
    # added in depth-first order. ``a`` and ``b`` are the span's ends once known (else -1).
    elements = pattern.elements
    if index == len(elements):
        out.append((a, b, key_start, key_end))
        return
    element = elements[index]
    is_key = index == pattern.key
    first, last = pattern.span
    limit, commas = pattern.gaps[index - 1]
    hi = _stretch(text, lo, limit) if index - 1 in pattern.latin else lo + limit
    stops = SENTENCE_BREAKS if commas else CLAUSE_BREAKS
    if element.negated:
        assert element.literal is not None
        if not text.startswith(element.literal, lo):
            if is_key:
                key_start = key_end = lo
            _walk(pattern, text, breaks, hits, index + 1, lo, a, b, key_start, key_end, out)
        return
    if element.literal is not None:
        at = text.find(element.literal, lo, hi + len(element.literal))
        if at >= 0 and (at <= lo or at <= breaks.next(lo, stops)):
            end = at + len(element.literal)
            if is_key:
                key_start, key_end = at, end
            a_, b_ = (at if index == first else a), (end if index == last else b)
            _walk(pattern, text, breaks, hits, index + 1, end, a_, b_, key_start, key_end, out)
        return
    assert element.role is not None
    starts, ends = hits[element.role]
    j = bisect_left(starts, lo)
    if j == len(starts) or starts[j] > hi:
        return
    hi = min(hi, breaks.next(lo, stops))  # later candidates lie past the same break
    while j < len(starts) and starts[j] <= hi:
        if is_key:
            key_start, key_end = starts[j], ends[j]
        a_ = starts[j] if index == first else a
        b_ = ends[j] if index == last else b
        _walk(pattern, text, breaks, hits, index + 1, ends[j], a_, b_, key_start, key_end, out)
        j += 1


def has_match(pattern: Pattern, text: str, hits: Hits, lo: int, hi: int, breaks: Breaks) -> bool:
    """Return True when ``pattern`` has a match whose first element starts in ``[lo, hi)``.

    The same answer as ``bool(find_matches(...))``, without building a match:
    a ``satisfied_by`` pattern is only asked whether it holds somewhere.

    Examples:
        >>> p = parse_pattern("@a <3 @b 中", {"a", "b"}, "t")
        >>> hits = {"a": ([0], [2]), "b": ([4], [6])}
        >>> has_match(p, "正在紧急修复中", hits, 0, 7, Breaks("正在紧急修复中"))
        True
    """
    if pattern.not_after:  # where the match starts decides it: build the matches
        return bool(find_matches(pattern, text, hits, lo, hi, breaks))
    role = pattern.elements[0].role
    assert role is not None
    starts, ends = hits[role]
    i = bisect_left(starts, lo) if lo else 0
    stop = bisect_left(starts, hi)
    if i >= stop:
        return False
    elements = pattern.elements
    if len(elements) == 1:
        return True
    second = elements[1].role
    if len(elements) == 2 and second is not None and not pattern.latin:
        return _any_pair(pattern, breaks, ends, hits[second][0], i, stop)
    return any(_chain(pattern, text, breaks, hits, 1, ends[k]) for k in range(i, stop))


def _any_pair(
    pattern: Pattern, breaks: Breaks, ends: Sequence[int], starts2: Sequence[int], i: int, stop: int
) -> bool:
    # _pairs' answer for two roles, without building a match: does a hit of the second
    # start after one of the first ends[i:stop], within the gap and before the next break?
    if not starts2:
        return False
    limit, commas = pattern.gaps[0]
    stops = breaks.positions(SENTENCE_BREAKS if commas else CLAUSE_BREAKS)
    count = len(starts2)
    for e0 in ends[i:stop]:
        j0 = bisect_left(starts2, e0)
        if j0 < count:
            nearest = starts2[j0]
            if nearest <= e0 + limit and nearest <= stops[bisect_left(stops, e0)]:
                return True
    return False


def _chain(pattern: Pattern, text: str, breaks: Breaks, hits: Hits, index: int, lo: int) -> bool:
    # _walk's walk, answering only whether one way through exists.
    if index == len(pattern.elements):
        return True
    element = pattern.elements[index]
    limit, commas = pattern.gaps[index - 1]
    hi = _stretch(text, lo, limit) if index - 1 in pattern.latin else lo + limit
    stops = SENTENCE_BREAKS if commas else CLAUSE_BREAKS
    if element.negated:
        assert element.literal is not None
        if text.startswith(element.literal, lo):
            return False
        return _chain(pattern, text, breaks, hits, index + 1, lo)
    if element.literal is not None:
        at = text.find(element.literal, lo, hi + len(element.literal))
        if at >= 0 and (at <= lo or at <= breaks.next(lo, stops)):
            return _chain(pattern, text, breaks, hits, index + 1, at + len(element.literal))
        return False
    assert element.role is not None
    starts, ends = hits[element.role]
    j = bisect_left(starts, lo)
    if j == len(starts) or starts[j] > hi:
        return False
    hi = min(hi, breaks.next(lo, stops))
    while j < len(starts) and starts[j] <= hi:
        if _chain(pattern, text, breaks, hits, index + 1, ends[j]):
            return True
        j += 1
    return False


def _stretch(text: str, lo: int, limit: int) -> int:
    """Return how far a ``<Na`` gap from ``lo`` may reach: ``limit`` characters that are not
    ASCII letters, digits or spaces, and up to :data:`LATIN_SLACK` that are.

    Examples:
        >>> _stretch("部分paynow和fast转账被中断", 2, 2)
        14
        >>> _stretch("部分用户", 2, 1)
        3
    """
    counted = latin = 0
    at, size = lo, len(text)
    while at < size:
        ch = text[at]
        if ch.isascii() and (ch.isalnum() or ch == " "):
            latin += 1
            if latin > LATIN_SLACK:
                break
        else:
            counted += 1
            if counted > limit:
                break
        at += 1
    return at
