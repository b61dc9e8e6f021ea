"""Fold text for matching without moving a single index.

Every function here returns a string of exactly the same length as its input,
so a match found in the folded text is a valid span of the original text.
"""

from __future__ import annotations

# Full-width ASCII (！ to ～) and the ideographic space fold to plain ASCII:
# ２２：００ is 22:00 to a reader, and phrase lists stay single-width.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
# Curly apostrophes and no-break spaces fold so "we’re" matches "we're".
_WIDTH.update({0x2019: 0x27, 0x2018: 0x27, 0x00A0: 0x20, 0x202F: 0x20, 0x2009: 0x20})
# Any line or tab break inside a phrase is read as a space (wrapped English lines).
_WIDTH.update({0x09: 0x20, 0x0D: 0x20})


def fold(text: str) -> str:
    """Return ``text`` lower-cased, full-width ASCII narrowed, curly quotes straightened.

    The result always has the length of ``text`` (characters whose lower case
    is longer, such as "İ", are left as they are).

    Args:
        text: any text.

    Returns:
        The folded text, index for index.

    Examples:
        >>> fold("ＵＴＣ ２２：００，We’re")
        "utc 22:00,we're"
    """
    narrowed = text.translate(_WIDTH)
    lowered = narrowed.lower()
    if len(lowered) == len(narrowed):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in narrowed)
