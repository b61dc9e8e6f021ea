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
    halves = 0
    urls = 0
    over_visible: int | None = None
    over_total: int | None = None

    def add(amount: int, at: int) -> None:
        nonlocal halves, over_visible, over_total
        halves += amount
        shown = -(-halves // 2)
        if over_visible is None and visible and shown > visible:
            over_visible = at
        if over_total is None and max_total and shown > max_total:
            over_total = at

    position = 0
    for match in [*find_urls(text), None]:
        stop = len(text) if match is None else match.start
        for index in range(position, stop):
            code = ord(text[index])
            units = 2 if code > 0xFFFF else 1
            # A surrogate pair: both units are above U+00FF.
            add(units * (1 if code <= narrow else 2), index)
        if match is not None:
            urls += 1
            add(url_halves, match.start)
            position = match.end
    return WeiboCount(
        length=-(-halves // 2),
        visible=visible,
        max_total=max_total,
        urls=urls,
        over_visible_at=over_visible,
        over_total_at=over_total,
    )
