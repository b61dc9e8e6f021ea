"""Find the numbers a notice states, in Chinese or English, as comparable values.

A reader of a notice checks its counts (800万用户 / 8 million users), amounts
(10元, CNY 10, ¥10), durations (两小时 / 2 hours / 半小时), clock times
(晚上十点, 22:00 UTC+8), dates (3月29日 / Mar 29) and shares (30%). This module
turns each of them into a :class:`~crisiscomms.factcheck.mention.Mention` with a value
that can be compared with the facts or with the other language's text,
whatever the wording. Each kind is read in its own module: :mod:`.amounts`,
:mod:`.durations` and :mod:`.clocktimes`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .amounts import COUNT, MONEY, PERCENT, parse_zh_number, read_count, read_money, read_percent
from .clocktimes import CLOCK, DATE, attach_dates, read_clock, read_date, share_zones
from .durations import DURATION, read_duration
from .mention import Mention, MentionKind, Qualifier, iter_kind

__all__ = ["Mention", "MentionKind", "Qualifier", "find_mentions", "iter_kind", "parse_zh_number"]

_Reader = Callable[[str, re.Match[str]], Mention | None]

# Full-width digits, colon and percent sign read as ASCII; the full-width comma stays punctuation.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９：％", "0123456789:%")
# The first kind to claim a span keeps it: 3月29日 is a date before 29 can be a
# count, 10元 an amount before 10 can be one.
_KINDS: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (DATE, read_date),
    (CLOCK, read_clock),
    (MONEY, read_money),
    (PERCENT, read_percent),
    (DURATION, read_duration),
    (COUNT, read_count),
)


def find_mentions(text: str) -> list[Mention]:
    """Return every count, amount, duration, clock time, date and share stated in ``text``.

    Mentions do not overlap; dates win over clock times, amounts, shares,
    durations and counts, in that order (``3月29日`` is a date, not a count;
    ``10元`` an amount). Phone numbers, versions, ``7×24小时`` and bare small
    numbers are not mentions.

    Args:
        text: any notice text, Chinese, English or both.

    Returns:
        The mentions in text order.

    Examples:
        >>> [(m.kind, str(m.value)) for m in find_mentions("约800万用户受影响，补偿10元。")]
        [('count', '8000000'), ('money', '10')]
        >>> m = find_mentions("预计晚上十点半（北京时间）恢复")[0]
        >>> (m.kind, m.hour, m.minute, m.offset)
        ('clock', 22, 30, 480)
        >>> [int(m.value) for m in find_mentions("about two hours, then half an hour")]
        [7200, 1800]
    """
    plain = text.translate(_FULL_WIDTH)
    taken = [False] * len(plain)
    found: list[Mention] = []
    for pattern, read in _KINDS:
        for match in pattern.finditer(plain):
            start, end = match.span()
            if start == end or any(taken[start:end]):
                continue
            mention = read(plain, match)
            if mention is None:
                continue
            found.append(mention)
            for i in range(mention.start, mention.end):
                taken[i] = True
    found.sort(key=lambda m: m.start)
    return share_zones(plain, attach_dates(plain, found))
