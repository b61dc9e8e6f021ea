"""Normalise text for matching, keeping a map from every normalised span back to the original.

Chatbot output and hand-pasted statements reach the linter and the fact checker;
one zero-width space must not hide ``正在紧急修复中``. :func:`normalize` folds
what a reader does not see or does not tell apart:

- format characters (zero-width space, joiner and non-joiner, word joiner,
  soft hyphen, BOM, bidi controls, every other category Cf) and variation
  selectors are dropped;
- compatibility forms fold where that keeps the meaning (NFKC, one character at
  a time): full-width ``２２：００`` and ``Ｒ``, mathematical letters ``𝐟𝐢𝐱``,
  ligatures ``ﬁ``, Kangxi radicals; super- and subscripts, fractions and
  circled digits stay (``10²`` is not ``102``);
- curly quotes become straight, every line break becomes ``\\n`` (CRLF, CR,
  U+2028; U+2029 a blank line), tabs and odd-width spaces become spaces;
- spaces between two CJK characters are dropped (``正 在 紧 急 修 复 中``), and so are
  the single spaces of spelled-out Latin letters (``a s a p``);
- a letter that only looks Latin (Cyrillic ``о``, Greek ``Α``) is read as that
  Latin letter inside a word made of Latin letters and such look-alikes, from
  Unicode's confusables data; a Russian or Greek word keeps its letters;
- Traditional characters fold to Simplified one character at a time
  (``預計`` → ``预计``), from OpenCC's tables;
- everything is lower case.

The result keeps a piecewise map to the original: :meth:`Normalized.span`
turns a span of the normalised text into the span of the original text a
reader sees, in O(log k) for k edits (O(1) when nothing changed length).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .. import rulecache
from .tables import confusables, fold_table, format_chars

_HAN_BMP = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_ASTRAL = "\U00020000-\U0003134f"
# What may sit on either side of a dropped space: Han, CJK and full-width punctuation.
_CJK_BMP = (
    f"[{_HAN_BMP}\u3001-\u303f\u2e80-\u2fdf\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff60]"
)
_HSPACE = " \u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES = frozenset(" \u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
# Python's ``re`` looks a character up in a class of BMP characters in constant
# time, but walks a class holding astral characters range by range: those get
# patterns of their own, run only on text that has an astral character (_has_astral).
_WORD = re.compile(r"\w")


def char_class(chars: Iterable[str]) -> str:
    """Return the body of a regex character class holding ``chars``, as ranges.

    Examples:
        >>> char_class("abcxz-")
        '\\\\-a-cxz'
    """
    points = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        first = re.escape(chr(points[i]))
        parts.append(first if i == j else f"{first}-{re.escape(chr(points[j]))}")
        i = j + 1
    return "".join(parts)


def _bmp(chars: Iterable[str]) -> str:
    return char_class(c for c in chars if c <= "\uffff")


def _astral(chars: Iterable[str]) -> str:
    return char_class(c for c in chars if c > "\uffff")


class _Tables(NamedTuple):
    """What normalising derives from the character tables, as :func:`_tables` keeps it."""

    fold: dict[int, str]
    """:func:`~.tables.fold_table`."""
    rare: frozenset[str]
    """:func:`_rare_chars`."""
    fold_or_rare: str
    """The source of :func:`_fold_or_rare`."""
    fold_or_rare_chars: frozenset[str]
    """The characters of that class."""
    patterns: dict[str, str]
    """The sources of :func:`_patterns`, by name."""


@cache
def _tables() -> _Tables:
    """Return the tables and pattern sources normalising reads, built once per process.

    Building them walks Unicode's compatibility forms and writes classes of thousands
    of characters: a tenth of the command line's start. The command line keeps them
    on disk with the parsed rules (:mod:`crisiscomms.rulecache`, whose fingerprint
    holds every file of this package and Python's version, hence its Unicode data);
    a library caller builds them in memory.
    """
    kept = rulecache.load("normalize")
    if isinstance(kept, _Tables):
        return kept
    fold = fold_table()
    expanding = "".join(chr(c) for c, f in fold.items() if len(f) != 1)
    rare = frozenset(
        c for c in format_chars() + "\r" + expanding + "".join(confusables()) if c <= "\uffff"
    ) | (_SPACES - {" "})
    fold_or_rare = rare | {chr(c) for c, f in fold.items() if len(f) == 1}
    in_class = frozenset(c for c in fold_or_rare if c <= "\uffff")  # what _bmp keeps
    built = _Tables(fold, rare, f"[{_bmp(fold_or_rare)}]", in_class, _sources(expanding))
    rulecache.store("normalize", built)
    return built


def _sources(expanding: str) -> dict[str, str]:
    """Return the source of one pattern per kind of edit, each starting with a character class.

    ``re`` skips ahead to the next candidate in C only when a pattern starts with
    a class; an alternation of the same branches is several times slower.
    """
    fmt = _bmp(format_chars())
    letter = f"[A-Za-z{_bmp(confusables())}]"
    astral_expanding = _astral(expanding)
    return {
        # What may stand on the left of a gap: the text's character before it.
        "cjk": f"{_CJK_BMP}|[{_HAN_ASTRAL}]",
        # Spaces or invisible characters before a CJK character; the left side is
        # checked afterwards.
        # (``[x][x]*`` rather than ``[x]+``: ``re`` skips ahead only to a leading class
        # or literal, not to a leading repeat, and tries every position instead.)
        "gap": rf"[{_HSPACE}{fmt}][{_HSPACE}{fmt}]*(?={_CJK_BMP}|[{_HAN_ASTRAL}])",
        # The same, for a text without any of _rare_chars: plain spaces only.
        "space_gap": rf"[ ][ ]*(?={_CJK_BMP}|[{_HAN_ASTRAL}])",
        "format": rf"[{fmt}][{fmt}]*",
        "crlf": r"\r(?=\n)",
        "expand": rf"[{_bmp(expanding)}]",
        "look_alike": rf"[{_bmp(confusables())}]",
        # Three or more single letters after one or two spaces: ``(a) s a p``.
        # (Written as ``(?:[ ]{1,2}L(?!\w)){3,}`` unrolled once, to start with a literal.)
        "spelled": rf"[ ][ ]?{letter}(?!\w)(?:[ ]{{1,2}}{letter}(?!\w)){{2,}}",
        "astral": (
            rf"[{_astral(format_chars())}]+"
            + (rf"|(?P<expand>[{astral_expanding}])" if astral_expanding else "")
        ),
    }


class _OnFirstUse(dict[str, re.Pattern[str]]):
    """Patterns by name, each compiled when first looked up: most texts need few of them."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self.sources = sources

    def __missing__(self, name: str) -> re.Pattern[str]:
        pattern = self[name] = re.compile(self.sources[name])
        return pattern


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Return one pattern per kind of edit (:func:`_sources`), compiled on first use."""
    return _OnFirstUse(_tables().patterns)


@cache
def _one_to_one() -> dict[int, str]:
    return {c: f for c, f in _tables().fold.items() if len(f) == 1}


def _rare_chars() -> frozenset[str]:
    """Return the BMP characters the edit patterns but ``spelled`` start from.

    Format characters, CR, expanding and look-alike characters, and the spaces
    ``gap`` reads besides the plain one: most texts hold none, and then the passes
    that could not match are skipped.
    """
    return _tables().rare


@cache
def _fold_or_rare() -> re.Pattern[str]:
    """Return a class of every one-to-one fold's character and every rare character."""
    return re.compile(_tables().fold_or_rare)


def _present(text: str) -> frozenset[str]:
    """Return the characters of ``text`` that fold one to one or are rare: one search.

    A short text is read as a set instead: compiling the class of thousands of
    characters costs as much as searching a few hundred thousand of them.
    """
    if len(text) <= _SHORT:
        return _tables().fold_or_rare_chars.intersection(text)
    return frozenset(_fold_or_rare().findall(text))


#: Up to this length (about 0.2 ms as a set) a text's characters are not searched for.
_SHORT = 1 << 15


def _has_astral(text: str) -> bool:
    """Return True when ``text`` holds a character above U+FFFF.

    Such a character takes four bytes in UTF-16, every other one two: one encode in C,
    several times faster than a search for the range.

    Examples:
        >>> _has_astral("预计 22:00"), _has_astral("𝐟𝐢𝐱"), _has_astral("\\ud800")
        (False, True, False)
    """
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _fold(text: str, astral: bool, present: frozenset[str] | None = None) -> str:
    """Apply every one-to-one fold; a few distinct characters by ``str.replace``, fast in C.

    ``astral`` says whether ``text`` holds a character above U+FFFF (:func:`_has_astral`);
    ``present`` is :func:`_present` of ``text`` when known.
    """
    table = _one_to_one()
    if astral:
        return text.translate(table)
    if present is None:
        present = _present(text)
    present = frozenset(c for c in present if ord(c) in table)
    if len(present) > 24:
        return text.translate(table)
    for char in present:
        text = text.replace(char, table[ord(char)])
    return text


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and the map back to the text it came from.

    ``_norm[k]``/``_orig[k]`` start run k: from normalised index ``_norm[k]`` on,
    characters map one to one onto the original from ``_orig[k]`` on, unless
    ``_fixed[k]``, where every character of the run comes from the one original
    character at ``_orig[k]`` (a ligature ``ﬁ`` read as ``fi``).

    Examples:
        >>> n = normalize("正 在 紧 急 修\\u200b复中")
        >>> n.text
        '正在紧急修复中'
        >>> n.span(0, 6), n.original[slice(*n.span(4, 6))]
        ((0, 11), '修\\u200b复')
    """

    original: str
    text: str
    _norm: tuple[int, ...]
    _orig: tuple[int, ...]
    _fixed: tuple[bool, ...]

    def orig_index(self, index: int) -> int:
        """Return the original index of normalised character ``index`` (or the end)."""
        if index >= len(self.text):
            return len(self.original)
        k = bisect_right(self._norm, index) - 1
        return self._orig[k] if self._fixed[k] else self._orig[k] + index - self._norm[k]

    def orig_end(self, index: int) -> int:
        """Return the original index just past normalised character ``index - 1``."""
        if index <= 0:
            return 0
        k = bisect_right(self._norm, index - 1) - 1
        if self._fixed[k]:
            return self._orig[k] + 1
        return self._orig[k] + index - self._norm[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of normalised ``text[start:end]``.

        Characters dropped inside the span (a zero-width space, a space between
        CJK characters) are inside the original span; those at its edges are not.
        """
        if end <= start:
            point = self.orig_index(start)
            return point, point
        return self.orig_index(start), self.orig_end(end)

    def norm_index(self, orig: int) -> int:
        """Return the normalised index of original index ``orig`` (where it went, or would)."""
        k = bisect_right(self._orig, orig) - 1
        if k < 0:
            return 0
        if self._fixed[k]:
            return self._norm[k] if orig == self._orig[k] else self._next_norm(k)
        return min(self._norm[k] + orig - self._orig[k], self._next_norm(k))

    def _next_norm(self, k: int) -> int:
        return self._norm[k + 1] if k + 1 < len(self._norm) else len(self.text)


def normalize(text: str) -> Normalized:
    """Return ``text`` normalised for matching, with the map back to ``text``.

    Args:
        text: any text.

    Returns:
        A :class:`Normalized`; ``.text`` is what patterns run on, ``.span()``
        maps a match back into ``text``.

    Examples:
        >>> normalize("預計晚上十點恢復").text
        '预计晚上十点恢复'
        >>> n = normalize("We are wоrking on it ASAP.\\r\\nＮｅｘｔ update：２２：００")
        >>> n.text
        'we are working on it asap.\\nnext update:22:00'
        >>> n.span(n.text.index("next"), n.text.index("next") + 4)
        (28, 32)
    """
    astral = _has_astral(text)
    present = _present(text)
    edits = _edits(text, astral, not present.isdisjoint(_rare_chars()))
    if not edits:
        return Normalized(text, _fold(text, astral, present).lower(), (0,), (0,), (False,))
    pieces: list[str] = []
    norm: list[int] = [0]
    orig: list[int] = [0]
    fixed: list[bool] = [False]
    n = previous = 0
    for i in sorted(edits):
        pieces.append(text[previous:i])
        n += i - previous
        replacement = edits[i]
        if len(replacement) > 1:
            _start_run(norm, orig, fixed, n, i, True)
            _start_run(norm, orig, fixed, n + len(replacement), i + 1, False)
        elif not replacement:
            _start_run(norm, orig, fixed, n, i + 1, False)
        pieces.append(replacement)
        n += len(replacement)
        previous = i + 1
    pieces.append(text[previous:])
    folded = _fold("".join(pieces), astral).lower()
    return Normalized(text, folded, tuple(norm), tuple(orig), tuple(fixed))


def _start_run(
    norm: list[int], orig: list[int], fixed: list[bool], n: int, o: int, is_fixed: bool
) -> None:
    if norm[-1] == n:  # the previous run is empty: replace it
        norm.pop(), orig.pop(), fixed.pop()
    if norm and not is_fixed and not fixed[-1] and orig[-1] - norm[-1] == o - n:
        return  # same offset: the previous run goes on
    norm.append(n)
    orig.append(o)
    fixed.append(is_fixed)


def _edits(text: str, astral: bool, rare: bool) -> dict[int, str]:
    """Return the characters whose fold depends on context or changes length, by index.

    ``astral`` says whether ``text`` holds a character above U+FFFF (:func:`_has_astral`),
    ``rare`` whether it holds one of :func:`_rare_chars`.
    """
    edits: dict[int, str] = {}
    patterns = _patterns()
    table = _tables().fold
    for m in patterns["spelled"].finditer(text):
        _spelled(text, m, edits)
    # A gap is read only before a CJK character: an ASCII text (str.isascii is O(1)) has none.
    gaps = () if text.isascii() else patterns["gap" if rare else "space_gap"].finditer(text)
    for m in gaps:
        start, end = m.span()
        if start and patterns["cjk"].match(text, start - 1):
            edits.update(dict.fromkeys(range(start, end), ""))
    if rare:
        _rare_edits(text, edits)
    if astral:
        for m in patterns["astral"].finditer(text):
            if m.lastgroup == "expand":
                edits[m.start()] = table[ord(m.group())]
            else:
                edits.update(dict.fromkeys(range(m.start(), m.end()), ""))
    return edits


def _rare_edits(text: str, edits: dict[int, str]) -> None:
    """Add the edits of format characters, CR, expanding and look-alike characters."""
    patterns = _patterns()
    table = _tables().fold
    for name in ("format", "crlf"):
        for m in patterns[name].finditer(text):
            edits.update(dict.fromkeys(range(m.start(), m.end()), ""))
    for m in patterns["expand"].finditer(text):
        edits[m.start()] = table[ord(m.group())]
    word_end = 0  # the look-alikes of one word are read together, once
    for m in patterns["look_alike"].finditer(text):
        if m.start() >= word_end:
            start, word_end = _word_around(text, m.start())
            _look_alikes(start, text[start:word_end], edits)


def _word_around(text: str, index: int) -> tuple[int, int]:
    start, end = index, index + 1
    while start > 0 and _is_word_letter(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word_letter(text[end]):
        end += 1
    return start, end


def _is_word_letter(char: str) -> bool:
    return char.isalpha() and (char.isascii() or char in confusables() or char < "\u3000")


def _spelled(text: str, m: re.Match[str], edits: dict[int, str]) -> None:
    """Join ``a s a p`` into ``asap``; two spaces stay a word break (``w e  a r e``)."""
    start, end = m.span()
    letters = m.group().count(" ") and sum(1 for c in m.group() if c != " ")
    before = text[start - 1] if start else ""
    if before and _is_word_letter(before) and (start < 2 or not _WORD.match(text, start - 2)):
        start -= 1  # the first letter, right before the first space
        letters += 1
    else:
        start += len(m.group()) - len(m.group().lstrip(" "))
    if letters < 4:
        return
    look_alike = confusables()
    i = start
    while i < end:
        char = text[i]
        if char == " ":
            edits[i] = ""
            i += 1 if text[i + 1] == " " else 0  # of two spaces, one stays
        elif char in look_alike:
            edits[i] = look_alike[char]
        i += 1


def _look_alikes(start: int, word: str, edits: dict[int, str]) -> None:
    """Read a word's look-alike letters as Latin when every other letter is ASCII."""
    look_alike = confusables()
    if all(c in look_alike or (c.isascii() and c.isalpha()) for c in word):
        for offset, char in enumerate(word):
            if char in look_alike:
                edits[start + offset] = look_alike[char]
