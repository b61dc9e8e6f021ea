"""Weibo's length: a full-width character is 1, a half-width one is ½, rounded up.

Weibo publishes no counting rule; this follows the long-standing client implementations
(third-party behaviour, configurable in ``channels.toml``): over the UTF-16 code units of
the text, ``ceil((units + units above U+00FF) / 2)``, so ``ab`` is 1, ``中`` is 1, an emoji
(two UTF-16 units) is 2. A link is shortened to a t.cn link and counts about 10.

140 are shown in the feed (the rest folds behind 全文); a post may be up to 2,000.

Examples:
    >>> count_weibo("服务已恢复").length
    5
    >>> count_weibo("Service restored").length      # 16 half-width characters
    8
    >>> count_weibo("详情：https://status.example.com/incidents/20261128").length   # 3 + link
    13
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .limits import Limits, default_limits
from .urls import find_urls


@dataclass(frozen=True, slots=True)
class WeiboCount:
    """Weibo's count of a text.

    Attributes:
        length: the count Weibo shows (characters, half-width counting ½, rounded up).
        visible: how many are shown in the feed before folding.
        max_total: the most a post may hold.
        urls: links counted at the configured length.
        over_visible_at: code-point index of the first character past ``visible``, or None.
        over_total_at: code-point index of the first character past ``max_total``, or None.
    """

    length: int
    visible: int
    max_total: int
    urls: int
    over_visible_at: int | None
    over_total_at: int | None

    def figures(self) -> dict[str, Any]:
        """Return the JSON-ready figures."""
        return {
            "length": self.length,
            "visible": self.visible,
            "max_total": self.max_total,
            "urls": self.urls,
        }


def count_weibo(text: str, limits: Limits | None = None) -> WeiboCount:
    """Return Weibo's count of ``text``. Never raises for any string."""
    limits = limits or default_limits()
    url_halves = 2 * limits.number("weibo.url_length")
    narrow = limits.number("weibo.half_width_max")
    visible = limits.number("weibo.visible")
    max_total = limits.number("weibo.max_total")
    # One pass of weights per code point (in halves), links replaced by their fixed weight.
    weights: list[tuple[int, int]] = []  # (index, halves)
    urls = 0
    position = 0
    for match in [*find_urls(text), None]:
        stop = len(text) if match is None else match.start
        weights.extend(
            (i, (2 if ord(ch) > 0xFFFF else 1) * (1 if ord(ch) <= narrow else 2))
            for i, ch in enumerate(text[position:stop], position)
        )
        if match is not None:
            urls += 1
            weights.append((match.start, url_halves))
            position = match.end
    halves = sum(w for _, w in weights)
    over_visible = _first_past(weights, visible) if visible and halves > 2 * visible else None
    over_total = _first_past(weights, max_total) if max_total and halves > 2 * max_total else None
    return WeiboCount(
        length=-(-halves // 2),
        visible=visible,
        max_total=max_total,
        urls=urls,
        over_visible_at=over_visible,
        over_total_at=over_total,
    )


def _first_past(weights: list[tuple[int, int]], limit: int) -> int:
    """Return the index where the shown count (halves / 2, rounded up) first passes ``limit``."""
    halves = 0
    for index, weight in weights:
        halves += weight
        if halves > 2 * limit:
            return index
    return weights[-1][0] if weights else 0
