"""Find the links a platform will shorten, so they can be counted at a fixed length.

Two kinds, after twitter-text's rules in outline (read, not copied):

* with a scheme: ``http://`` or ``https://``, an ASCII host, then a path of URL characters
  (ASCII, Latin and Cyrillic letters); a Chinese character or full-width punctuation ends
  it, and trailing sentence punctuation is not part of it;
* without a scheme (``status.example.com/x``): only when the top-level domain is in the
  configured list, no label is longer than 63 characters, and it does not continue a word.

Internationalised host names (``例子.中国``) are not recognised; they are counted character
by character, which over-counts.

Examples:
    >>> [m.group() for m in find_urls("详情见https://status.example.com/i/42。谢谢", ("com",))]
    ['https://status.example.com/i/42']
    >>> [m.group() for m in find_urls("访问status.example.cn了解进展", ("cn",))]
    ['status.example.cn']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

_PATH_CHAR = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%\u00c0-\u024f\u0400-\u04ff]"
_TRAILING = ".,;:!?'\")]}"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"


@cache
def _pattern(tlds: tuple[str, ...]) -> re.Pattern[str]:
    tld = "|".join(sorted((re.escape(t.lower()) for t in tlds), key=len, reverse=True)) or "(?!)"
    with_scheme = rf"https?://(?:{_LABEL}\.)*{_LABEL}(?::\d{{1,5}})?(?:[/?#]{_PATH_CHAR}*)?"
    bare = (
        rf"(?<![A-Za-z0-9@$#＠＃._-])(?:{_LABEL}\.)+(?:{tld})(?![A-Za-z0-9@+_-])"
        rf"(?:/{_PATH_CHAR}*)?"
    )
    return re.compile(rf"(?:{with_scheme})|(?:{bare})", re.IGNORECASE)


class UrlMatch:
    """One link found: ``start``/``end`` code-point indices and the text."""

    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    def group(self) -> str:
        """Return the link as written."""
        return self.text

    def __repr__(self) -> str:
        return f"UrlMatch({self.text!r}, {self.start}, {self.end})"


def find_urls(text: str, tlds: Sequence[str] = ()) -> Iterator[UrlMatch]:
    """Yield the links in ``text``, left to right; bare domains only with a TLD in ``tlds``."""
    for match in _pattern(tuple(tlds)).finditer(text):
        found = match.group()
        while found and found[-1] in _TRAILING and not _balanced_close(found):
            found = found[:-1]
        if "://" in found and found.endswith("://"):
            continue
        yield UrlMatch(found, match.start(), match.start() + len(found))


def _balanced_close(url: str) -> bool:
    """Keep a closing bracket that closes one opened inside the URL (wiki-style links)."""
    last = url[-1]
    pairs = {")": "(", "]": "[", "}": "{"}
    if last not in pairs:
        return False
    return url.count(pairs[last]) >= url.count(last)
