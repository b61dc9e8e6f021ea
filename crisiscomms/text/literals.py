"""The words a regular expression cannot match without: a quick test before a slow search.

Python's regular expressions skip quickly to where a match may start only when a
pattern opens with a plain character or class. A pattern that opens with ``\\b``,
a lookbehind or an optional group is tried at every position of the text: a
claim pattern such as ``[^。]{2,24}?所致`` reads a notice of 2,500 characters in
about a millisecond, whether or not 所致 is in it. :class:`Gated` finds, once
per pattern, strings one of which every match must contain (所致), and
searches only texts that hold one. The matches are exactly the pattern's own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["Gated", "Search", "fold_for_gates", "required_strings"]

#: Characters that a case-insensitive pattern matches to an ASCII letter although
#: ``str.lower()`` does not give that letter: ı and ſ (Python's extra case pairs),
#: and İ, whose lower case is two characters (i and a combining dot).
_ASCII_LIKE = (("i\u0307", "i"), ("\u0131", "i"), ("\u017f", "s"))


def fold_for_gates(text: str) -> str:
    """Return ``text`` as :meth:`Gated.could_match` reads it for case-insensitive patterns.

    Examples:
        >>> fold_for_gates("CAUSED BY")
        'caused by'
        >>> fold_for_gates("İnſide")
        'inside'
    """
    folded = text.lower()
    if not folded.isascii():
        for odd, letter in _ASCII_LIKE:
            if odd in folded:
                folded = folded.replace(odd, letter)
    return folded


class Gated:
    """A compiled pattern with the strings one of which each of its matches contains.

    Examples:
        >>> g = Gated(re.compile(r"(?i)\\b(?:was|were)\\s+caused\\s+by\\b"))
        >>> g.needs, g.ignorecase
        (('caused',), True)
        >>> [m.group() for m in g.finditer("It WAS caused by a fault.")]
        ['WAS caused by']
        >>> list(g.finditer("Nothing here."))
        []

    ``also`` is a further test the text must pass, one that every text holding a match
    passes (a :class:`Search` for what each match must contain), asked after the strings.
    """

    __slots__ = ("_any", "_ignorecase", "_needs", "_reach", "also", "pattern")

    def __init__(self, pattern: re.Pattern[str], also: Callable[[str], bool] | None = None) -> None:
        self.pattern = pattern
        self.also = also
        self._needs: tuple[str, ...] | bool | None = False  # False: not worked out yet
        self._ignorecase = False
        self._any: re.Pattern[str] | None = None
        self._reach: tuple[int, int] | None = None

    def _work_out(self) -> None:
        # On first use, not at import: parsing a pattern again costs about half a
        # millisecond, and a command that never reads a time need not pay for it.
        found = _analysed(self.pattern)
        if found is None:
            self._needs = None
            return
        self._needs, self._ignorecase, reach = found
        if len(self._needs) > _MANY:
            # Hundreds of strings (the amounts' currency forms): one search for any of
            # them, which re runs in C, instead of a Python test per string.
            self._any = _any_of(self._needs)
        if reach is not None:
            # A match holding a string that starts at q lies in [q - width, q + width);
            # what it looks at ahead, within the lookahead's width more (and one
            # character, for a \b or $ at its end); a string found may hide another
            # one that starts inside it, up to the longest string further on.
            width, ahead = reach
            self._reach = (width, width + ahead + 1 + max(map(len, self._needs)))

    @property
    def needs(self) -> tuple[str, ...] | None:
        """Strings one of which every match contains (None: no such strings known)."""
        if self._needs is False:
            self._work_out()
        return self._needs  # type: ignore[return-value]

    @property
    def ignorecase(self) -> bool:
        """Whether :attr:`needs` are looked for case-insensitively."""
        if self._needs is False:
            self._work_out()
        return self._ignorecase

    def could_match(self, text: str, folded: str | None = None) -> bool:
        """Return False only when no match of the pattern can be in ``text``.

        ``folded`` is :func:`fold_for_gates` of ``text``, passed when many patterns
        read one text.
        """
        needs = self.needs
        if needs is not None:
            read = text
            if self._ignorecase:
                read = fold_for_gates(text) if folded is None else folded
            if self._any is not None:
                if self._any.search(read) is None:
                    return False
            elif not any(word in read for word in needs):
                return False
        return self.also is None or self.also(text)

    def finditer(self, text: str, folded: str | None = None) -> Iterator[re.Match[str]]:
        """Return the pattern's ``finditer`` over ``text``, or nothing when it cannot match.

        A pattern whose matches are a few characters long (at most ``width``, with what its
        lookaheads read) is searched only in windows around its strings, where they are
        few in the text: a pattern led by a look-behind or a common class is otherwise
        tried at every position. The matches are the same: one that holds a string at q
        starts after ``q - width``, and a search from ``pos`` to ``endpos`` reads before
        ``pos`` as the whole text does (look-behinds, ``\b``, ``^``), and the windows end
        past all a match can read.
        """
        if not self.could_match(text, folded):
            return iter(())
        if self._reach is not None and len(text) > _WIDE * sum(self._reach):
            windows = self._windows(text, folded)
            if windows is not None:
                if len(windows) == 1:
                    return self.pattern.finditer(text, *windows[0])
                return self._in_windows(text, windows)
        return self.pattern.finditer(text)

    def _windows(self, text: str, folded: str | None) -> list[list[int]] | None:
        """The merged windows around the strings in ``text``; None when they are too many
        to be worth it (most of the text)."""
        read = text
        if self._ignorecase:
            read = fold_for_gates(text) if folded is None else folded
            if len(read) != len(text):
                return None  # i + combining dot folded to one letter: positions moved
        before, after = self._reach  # type: ignore[misc]
        size = len(text)
        most = size // _SPARSE
        if self._any is None:  # the search for any of the strings also finds where they are
            self._any = _any_of(self._needs)  # type: ignore[arg-type]
        windows: list[list[int]] = []
        for count, found in enumerate(self._any.finditer(read)):
            if count > most:
                return None
            q = found.start()
            lo, hi = (q - before if q > before else 0), q + after
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        if sum(hi - lo for lo, hi in windows) * 2 > size:
            return None  # most of the text: one search of it is cheaper
        return windows

    def _in_windows(self, text: str, windows: list[list[int]]) -> Iterator[re.Match[str]]:
        finditer = self.pattern.finditer
        for lo, hi in windows:
            yield from finditer(text, lo, hi)


#: Above this many strings, :meth:`Gated.could_match` looks for them all in one search.
_MANY = 8


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of ``words``."""
    return re.compile("|".join(map(re.escape, words)))


#: A pattern is searched in windows when its strings stand at most once in this many
#: characters of a text (else it reads the whole text, windows would cover most of it).
_SPARSE = 64
#: Matches (with what their lookaheads read) at most this long are searched in windows.
_NARROW = 200
#: Only a text this many times longer than a window is searched in windows.
_WIDE = 4


class Search:
    """A test that ``pattern`` is found in a text (in the text read backwards if ``reverse``),
    compiled on first use: a :class:`Gated` pattern's ``also``.

    A pattern led by a look-behind or an optional part is tried at every position of a
    text; a test for what each of its matches must contain, led by a character or a
    class, lets ``re`` skip in C to where that may be, and rules most texts out.

    Examples:
        >>> Search(r"\\d\\s?[ap]\\.?m")("back by 10 pm"), Search("ab", reverse=True)("xba")
        (True, True)
    """

    __slots__ = ("_compiled", "reverse", "source")

    def __init__(self, source: str, reverse: bool = False) -> None:
        self.source = source
        self.reverse = reverse
        self._compiled: re.Pattern[str] | None = None

    def __call__(self, text: str) -> bool:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled.search(text[::-1] if self.reverse else text) is not None


def required_strings(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    """Return strings one of which every match of ``pattern`` contains, and whether they are
    to be looked for case-insensitively; None when no such strings are known.

    Only what the pattern must consume is counted (never a lookaround, nothing optional):
    the set is a necessary condition, never a guess.

    Examples:
        >>> required_strings(re.compile(r"[^。]{2,24}?所致"))
        (('所致',), False)
        >>> required_strings(re.compile(r"(?:由于|因为)(?!本次)"))
        (('因为', '由于'), False)
        >>> required_strings(re.compile(r"(?i)\\b\\d+\\s?(?:hours?|h)\\b"))
        (('h',), True)
        >>> required_strings(re.compile(r"\\d+(?:%|percent)?")) is None  # all of it optional
        True
    """
    found = _analysed(pattern)
    return None if found is None else found[:2]


def _analysed(
    pattern: re.Pattern[str],
) -> tuple[tuple[str, ...], bool, tuple[int, int] | None] | None:
    """:func:`required_strings`, and the longest a match is and the farthest a lookahead
    reads past where it stands (None when either is unbounded or long)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        ignorecase = bool(parsed.state.flags & re.IGNORECASE)
        found = _Walk(c, ignorecase).sequence(list(parsed.data))
        if found is None:
            return None
        width = parsed.getwidth()[1]
        ahead = _lookahead(c, list(parsed.data))
        reach = None if ahead is None or width + ahead > _NARROW else (width, ahead)
    except Exception:  # a private parser that may change: then no gate at all
        return None
    if ignorecase and not all(map(_foldable, found)):
        return None
    words = tuple(sorted(word.lower() if ignorecase else word for word in found))
    return words, ignorecase, reach


def _lookahead(c: Any, items: list[tuple[Any, Any]]) -> int | None:
    """The widest lookahead in a parsed pattern (0 for none); None when one is unbounded."""
    widest = 0
    for op, av in items:
        inner: list[Any] = []
        if op in (c.ASSERT, c.ASSERT_NOT):
            direction, sub = av
            if direction == 1:
                widest = max(widest, sub.getwidth()[1])
            inner = [sub]
        elif op is c.SUBPATTERN:
            inner = [av[3]]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            inner = [av[2]]
        elif op is c.BRANCH:
            inner = list(av[1])
        elif op is c.ATOMIC_GROUP:
            inner = [av]
        elif op is c.GROUPREF_EXISTS:
            inner = [sub for sub in av[1:] if sub is not None]
        elif op in (c.GROUPREF, c.GROUPREF_IGNORE, c.GROUPREF_LOC_IGNORE, c.GROUPREF_UNI_IGNORE):
            return None  # what a back-reference reads is not known here: no windows
        for sub in inner:
            found = _lookahead(c, list(sub.data))
            if found is None:
                return None
            widest = max(widest, found)
    return widest if widest <= _NARROW else None


def _foldable(word: str) -> bool:
    """Return True when ``word`` reads the same in :func:`fold_for_gates`'s text as the
    pattern reads it: ASCII, or characters with no case (Chinese characters, punctuation)."""
    return all(ch.isascii() or unicodedata.category(ch) in _NO_CASE for ch in word)


#: Unicode categories whose characters have no case: ideographs, digits, punctuation, symbols.
_NO_CASE = frozenset(
    ["Lo", "Nd", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs"]
)


class _Walk:
    """Walk a parsed pattern for the strings one of which it must consume."""

    def __init__(self, constants: Any, ignorecase: bool) -> None:
        self.c, self.ignorecase = constants, ignorecase

    def sequence(self, items: list[tuple[Any, Any]]) -> frozenset[str] | None:
        """The best set for a sequence: its longest run of literal characters, or the best
        set of one of its parts, whichever has the longer shortest string."""
        c = self.c
        best: frozenset[str] | None = None
        run: list[str] = []

        def offer(found: frozenset[str] | None) -> None:
            nonlocal best
            if found and (best is None or _rank(found) > _rank(best)):
                best = found

        for op, av in items:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            offer(frozenset({"".join(run)}) if run else None)
            run = []
            if op is c.SUBPATTERN:
                _group, add_flags, del_flags, sub = av
                if (add_flags | del_flags) & re.IGNORECASE:
                    continue  # case changes inside: nothing from here
                offer(self.sequence(list(sub.data)))
            elif op is c.ATOMIC_GROUP:
                offer(self.sequence(list(av.data)))
            elif op is c.BRANCH:
                offer(self.branch(av[1]))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                low, _high, body = av
                if low >= 1:
                    offer(self.sequence(list(body.data)))
            # Anything else (a class, any character, an assertion, a lookaround, a
            # back-reference, a conditional) requires no string of its own.
        offer(frozenset({"".join(run)}) if run else None)
        return best

    def branch(self, alternatives: list[Any]) -> frozenset[str] | None:
        found: set[str] = set()
        for alternative in alternatives:
            part = self.sequence(list(alternative.data))
            if part is None:
                return None  # one way through needs nothing: the branch needs nothing
            found |= part
        return frozenset(found)


def _rank(found: frozenset[str]) -> tuple[int, int]:
    # The longer its shortest string, the rarer a set is in text; then the fewer strings.
    return min(map(len, found)), -len(found)
