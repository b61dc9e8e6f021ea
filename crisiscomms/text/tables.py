"""The character tables normalising reads: Traditional → Simplified, confusables, NFKC.

The first two are generated into ``data/`` by :mod:`.generate_tables`; the
compatibility forms come from :mod:`unicodedata`. Everything is built on first
use and cached, so importing the text layer costs nothing.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")

# Compatibility forms that are a different way of drawing the same letters,
# digits or punctuation. Super- and subscripts (10² is not 102), fractions,
# circled and squared forms change what a reader sees, and stay as they are.
_SAFE_TAGS = ("<font>", "<wide>", "<narrow>", "<small>", "<vertical>", "<noBreak>")
# Code point ranges holding every character with a compatibility decomposition
# worth folding: letters and punctuation, CJK compatibility and radicals,
# presentation and half/full-width forms, mathematical alphanumerics.
_COMPAT_RANGES = (
    (0x00A0, 0x0250),
    (0x2000, 0x2070),
    (0x2100, 0x2190),
    (0x2E80, 0x2FE0),
    (0x3000, 0x3100),
    (0xF900, 0xFB50),
    (0xFE10, 0xFE70),
    (0xFF00, 0xFFF0),
    (0x1D400, 0x1D800),
    (0x1FBF0, 0x1FC00),
    (0x2F800, 0x2FA20),
)

# Quotes and breaks a reader does not tell apart.
_PLAIN = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\t": " ",
    "\r": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2008": " ",
    "\u200a": " ",
    "\u205f": " ",
    "\u0130": "i",  # the one letter whose lower case is two characters
}


_FORMAT_BLOCKS = (
    (0x00A0, 0x0100), (0x0600, 0x0900), (0x1800, 0x1810), (0x2000, 0x2070),
    (0xFE00, 0xFF00), (0xFFF0, 0x10000), (0x11080, 0x110D0), (0x13430, 0x13460),
    (0x1BCA0, 0x1BCB0), (0x1D170, 0x1D180), (0xE0000, 0xE0080),
)  # fmt: skip


@cache
def t2s() -> dict[str, str]:
    """Return the Traditional → Simplified character table (``data/t2s.txt``).

    A character some other one folds to is Simplified already, and is kept as it is: the
    data also maps a few of them on to a variant (麼 → 么 → 幺), and folding 么 too
    made a Simplified 什么 and a Traditional 什麼 two different words to the linter.

    Examples:
        >>> t2s()["點"], t2s()["預"], t2s()["麼"], "点" in t2s(), "么" in t2s()
        ('点', '预', '么', False, False)
    """
    table: dict[str, str] = {}
    for line in (_DATA / "t2s.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            table[line[0]] = line[1]
    targets = set(table.values())
    return {char: to for char, to in table.items() if char not in targets}


@cache
def confusables() -> dict[str, str]:
    """Return the letters that look like an ASCII letter, and the letter (``data/confusables.txt``).

    Examples:
        >>> confusables()["о"], confusables()["Α"]  # Cyrillic o, Greek capital alpha
        ('o', 'A')
    """
    table: dict[str, str] = {}
    for line in (_DATA / "confusables.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            char, letter, _ = line.split("\t", 2)
            table[char] = letter
    return table


@cache
def compat_forms() -> dict[str, str]:
    """Return the characters NFKC may fold safely, and what they fold to.

    Examples:
        >>> compat_forms()["Ｒ"], compat_forms()["𝐟"], compat_forms()["ﬁ"], "²" in compat_forms()
        ('R', 'f', 'fi', False)
    """
    table: dict[str, str] = {}
    for lo, hi in _COMPAT_RANGES:
        for cp in range(lo, hi):
            char = chr(cp)
            decomposition = unicodedata.decomposition(char)
            if not decomposition:
                continue
            folded = unicodedata.normalize("NFKC", char)
            if folded == char:
                continue
            tag = decomposition.split(" ", 1)[0]
            safe = (
                not tag.startswith("<")  # canonical: CJK compatibility ideographs, Ω
                or tag in _SAFE_TAGS
                or (tag == "<compat>" and folded.isalpha())  # ligatures, radicals
            )
            if safe:
                table[char] = folded
    return table


@cache
def fold_table() -> dict[int, str]:
    """Return the :meth:`str.translate` table of every context-free fold but case.

    Compatibility forms first, then quotes and breaks, then Traditional →
    Simplified on the result: ``豐`` (CJK compatibility) and ``豐`` both end as ``丰``.
    """
    simplified = t2s()
    table: dict[int, str] = {}
    for char, folded in {**compat_forms(), **_PLAIN}.items():
        table[ord(char)] = "".join(simplified.get(c, c) for c in folded)
    for char, target in simplified.items():
        table.setdefault(ord(char), target)
    return table


@cache
def format_chars() -> str:
    """Return every format character (category Cf) and variation selector, for a regex class.

    Examples:
        >>> all(c in format_chars() for c in "\\u200b\\u200d\\u2060\\u00ad\\ufeff")
        True
    """
    # Format characters live only in these blocks (Latin-1, Arabic, Syriac, Mongolian,
    # general punctuation, BOM, specials, Kaithi, Egyptian hieroglyph controls,
    # shorthand controls, musical symbols, tags); a test checks against a full scan.
    blocks = _FORMAT_BLOCKS
    chars = [chr(cp) for lo, hi in blocks for cp in range(lo, hi)]
    found = [c for c in chars if unicodedata.category(c) == "Cf"]
    found += [chr(cp) for cp in range(0xFE00, 0xFE10)]  # variation selectors
    return "".join(found)
