"""X (Twitter) weighted length, as twitter-text v3 counts it.

The text is NFC-normalised first. Then, left to right: a link counts ``url_length`` (23)
whatever its length; an emoji -- a whole sequence, skin tone, ZWJ family, flag or keycap
included -- counts 2; any other code point counts 1 inside the ranges listed in
``channels.toml`` (Latin, Greek, Cyrillic, ..., U+2000-U+200D, U+2010-U+201F,
U+2032-U+2037) and 2 outside them: Chinese, full-width punctuation, ``…``. The limit is 280.

Emoji sequences are found as grapheme clusters (UAX #29, via ``wcwidth``) of more than one
code point that start with an Extended_Pictographic code point, a regional indicator or a
keycap base; a single emoji code point already weighs 2 by the ranges. twitter-text uses a
generated regular expression of known emoji; the two agree on every published example.

Examples:
    >>> count_x("服务已恢复").weighted
    10
    >>> count_x("Restored: https://status.example.com/incidents/20261128 👍🏽").weighted
    36
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wcwidth import iter_graphemes
from wcwidth.table_grapheme import EXTENDED_PICTOGRAPHIC

from .limits import Limits, default_limits
from .urls import find_urls

_PICTO_STARTS = tuple(start for start, _ in EXTENDED_PICTOGRAPHIC)
_PICTO_ENDS = tuple(end for _, end in EXTENDED_PICTOGRAPHIC)
_KEYCAP_BASES = frozenset("#*0123456789")


@dataclass(frozen=True, slots=True)
class XCount:
    """X's weighted length of a text.

    Attributes:
        weighted: the weighted length (what X compares with 280).
        limit: the configured maximum.
        urls: links counted at the fixed URL length.
        emoji: emoji sequences counted as 2.
        normalized: True when NFC changed the text (then ``over_at`` is approximate).
        over_at: code-point index in the text of the first character past the limit, or None.
    """

    weighted: int
    limit: int
    urls: int
    emoji: int
    normalized: bool
    over_at: int | None

    def figures(self) -> dict[str, Any]:
        """Return the JSON-ready figures."""
        return {
            "weighted": self.weighted,
            "limit": self.limit,
            "urls": self.urls,
            "emoji": self.emoji,
        }


def is_emoji_sequence(cluster: str) -> bool:
    """Return True for a multi-code-point emoji cluster (skin tone, ZWJ, flag, keycap, VS16).

    Examples:
        >>> [is_emoji_sequence(c) for c in ("👍🏽", "🇨🇳", "1️⃣", "é", "中")]
        [True, True, True, False, False]
    """
    if len(cluster) < 2 or "\ufe0e" in cluster:  # U+FE0E asks for text presentation
        return False
    first = cluster[0]
    if first in _KEYCAP_BASES:
        return "\u20e3" in cluster
    code = ord(first)
    if 0x1F1E6 <= code <= 0x1F1FF:
        return True
    return _is_pictographic(code)


def _is_pictographic(code: int) -> bool:
    i = bisect_right(_PICTO_STARTS, code) - 1
    return i >= 0 and code <= _PICTO_ENDS[i]


@dataclass(frozen=True, slots=True)
class _Settings:
    light: bytes  # light[code] == 1: the code point weighs 100 (1 after scale)
    scale: int
    default: int
    url_weight: int
    emoji_weight: int
    limit: int
    tlds: tuple[str, ...]


@lru_cache(maxsize=16)
def _settings(limits: Limits) -> _Settings:
    ranges = [(int(a), int(b)) for a, b in limits.get("x.ranges")]
    top = max((b for _, b in ranges), default=-1)
    light = bytearray(top + 1)
    for start, end in ranges:
        light[start : end + 1] = b"\x01" * (end - start + 1)
    scale = limits.number("x.scale")
    return _Settings(
        light=bytes(light),
        scale=scale,
        default=limits.number("x.default_weight"),
        url_weight=limits.number("x.url_length") * scale,
        emoji_weight=limits.number("x.emoji_weight"),
        limit=limits.number("x.max_weighted") * scale,
        tlds=tuple(str(t) for t in limits.get("x.bare_url_tlds")),
    )


def count_x(text: str, limits: Limits | None = None) -> XCount:
    """Return X's weighted length of ``text``. Never raises for any string."""
    s = _settings(limits or default_limits())
    light, top, default = s.light, len(s.light), s.default
    nfc = unicodedata.normalize("NFC", text)
    total = 0
    urls = emoji = 0
    over_at: int | None = None
    position = 0
    for match in [*find_urls(nfc, s.tlds), None]:
        stop = len(nfc) if match is None else match.start
        for cluster in iter_graphemes(nfc, position, stop):
            if len(cluster) > 1 and is_emoji_sequence(cluster):
                emoji += 1
                total += s.emoji_weight
                if over_at is None and s.limit and total > s.limit:
                    over_at = position
                position += len(cluster)
                continue
            for ch in cluster:
                code = ord(ch)
                total += 100 if code < top and light[code] else default
                if over_at is None and s.limit and total > s.limit:
                    over_at = position
                position += 1
        if match is not None:
            urls += 1
            total += s.url_weight
            if over_at is None and s.limit and total > s.limit:
                over_at = match.start
            position = match.end

    normalized = nfc != text
    if normalized and over_at is not None:
        over_at = min(over_at + len(text) - len(nfc), len(text))
    return XCount(
        weighted=-(-total // s.scale),
        limit=s.limit // s.scale,
        urls=urls,
        emoji=emoji,
        normalized=normalized,
        over_at=over_at,
    )
