"""Find the numbers a notice states, in Chinese or English, as comparable values.

A reader of a notice checks its counts (800万用户 / 8 million users), amounts
(10元, CNY 10, ¥10), durations (两小时 / 2 hours / 半小时), clock times
(晚上十点, 22:00 UTC+8), dates (3月29日 / Mar 29) and shares (30%). The text
layer reads them (:func:`crisiscomms.text.times.find_times`,
:func:`crisiscomms.text.quantities.find_quantities`), the same reader the
linter uses; this module turns each into a :class:`~crisiscomms.factcheck.mention.Mention`
with the hedge around it, ready to compare with the facts or with the other
language's text.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

from ..bulk import paused_collection
from ..text import Normalized, normalize
from ..text.currencies import BARE_YUAN
from ..text.quantities import find_quantities_outside
from ..text.segments import Segments
from ..text.times import TimeExpr, find_times
from .mention import Mention, MentionKind, Qualifier, iter_kind, qualifier

__all__ = ["Mention", "MentionKind", "Qualifier", "find_mentions", "iter_kind"]


def find_mentions(text: str | Normalized, lang: str | None = None) -> list[Mention]:
    """Return every count, amount, duration, clock time, date and share stated in ``text``.

    Mentions do not overlap; times and dates come first, then amounts, shares
    and counts (``3月29日`` is a date, not a count; ``10元`` an amount). Phone
    numbers, versions, ``7×24小时`` and bare small numbers are not mentions.
    Traditional Chinese, full-width digits and invisible characters read as
    their plain forms; spans point into ``text`` as given.

    Args:
        text: any notice text, Chinese, English or both (or one already normalised).
        lang: the text's language where it decides what a word means: in ``zh-Hant-TW``
            a bare 元 may be the New Taiwan dollar (see :func:`~crisiscomms.text.
            quantities.find_quantities`); None reads it as the yuan.

    Returns:
        The mentions in text order.

    Examples:
        >>> [(m.kind, str(m.value)) for m in find_mentions("约800万用户受影响，补偿10元。")]
        [('count', '8000000'), ('money', '10')]
        >>> m = find_mentions("预计晚上十点半（北京时间）恢复")[0]
        >>> (m.kind, m.hour, m.minute, m.offset)
        ('clock', 22, 30, 480)
        >>> m, = find_mentions("預計晚上十點恢復")
        >>> (m.kind, m.hour, m.minute)
        ('clock', 22, 0)
        >>> [int(m.value) for m in find_mentions("about two hours, then half an hour")]
        [7200, 1800]
    """
    lang = lang if lang in BARE_YUAN else None  # the languages that read differently
    if lang is not None and "元" not in (text.original if isinstance(text, Normalized) else text):
        # Only a bare 元 reads differently: a text without one is read (and kept) once for
        # every language that asks, as a pack asks for each text with and without one.
        lang = None
    if not isinstance(text, Normalized):
        if len(text) <= KEPT_CHARS:
            return list(_kept_mentions(text, lang))
        return _find_mentions(text, lang)
    original = text.original
    if len(original) > KEPT_CHARS:
        return _find_mentions(text, lang)
    # Kept by the text as written; read from the normalised one given, if not kept yet
    # (check_draft normalises a document once for every check, this one included).
    _GIVEN[original] = text
    try:
        return list(_kept_mentions(original, lang))
    finally:
        _GIVEN.pop(original, None)


#: Texts up to this long keep their mentions (see :func:`_kept_mentions`); longer ones are
#: read anew each time, so that the kept texts stay a few megabytes at most.
KEPT_CHARS = 16_384


#: Texts whose normalised form a caller of :func:`find_mentions` holds, while it asks.
_GIVEN: dict[str, Normalized] = {}


@lru_cache(maxsize=256)
def _kept_mentions(text: str, lang: str | None) -> tuple[Mention, ...]:
    """The mentions of a notice-sized text, read once: a pack checks each text several
    times (its own facts, then its parity with every other language and channel)."""
    return tuple(_find_mentions(_GIVEN.get(text, text), lang))


def _find_mentions(text: str | Normalized, lang: str | None = None) -> list[Mention]:
    n = text if isinstance(text, Normalized) else normalize(text)
    s = n.text
    found: list[Mention] = []
    spans: list[tuple[int, int]] = []
    with paused_collection():  # a long text makes many acyclic objects: see ..bulk
        for expr in find_times(n):
            spans.append((expr.norm_start, expr.norm_end))
            found += _time_mentions(expr, s)
        for q in find_quantities_outside(n, spans, lang):
            hedge = qualifier(s, q.norm_start, q.norm_end)
            found.append(
                Mention(
                    q.kind,
                    q.start,
                    q.end,
                    q.value,
                    q.unit,
                    hedge,
                    currency=q.currency,
                    norm_start=q.norm_start,
                    norm_end=q.norm_end,
                )
            )
        found.sort(key=_START)
        return _share_zones(found, Segments(s))


_START = attrgetter("start")


def _time_mentions(expr: TimeExpr, s: str) -> list[Mention]:
    out: list[Mention] = []
    parts = expr.parts or (expr,)
    for i, part in enumerate(parts):
        if part.kind == "date":
            out.append(
                Mention(
                    "date",
                    part.start,
                    part.end,
                    year=part.year,
                    month=part.month,
                    day=part.day,
                    norm_start=part.norm_start,
                    norm_end=part.norm_end,
                )
            )
        elif part.kind == "clock" and part.hour is not None:
            end, norm_end = part.end, part.norm_end
            following = parts[i + 1] if i + 1 < len(parts) else None
            if following is not None and following.kind == "zone":
                end, norm_end = following.end, following.norm_end  # "22:00 UTC" is one excerpt
            out.append(
                Mention(
                    "clock",
                    part.start,
                    end,
                    hour=part.hour % 24,
                    minute=part.minute,
                    other_hours=part.other_hours,
                    offset=expr.utc_offset_minutes,
                    zone_key=expr.zone_key,
                    year=part.year,
                    month=part.month,
                    day=part.day,
                    day_shift=part.day_offset,
                    norm_start=part.norm_start,
                    norm_end=norm_end,
                )
            )
        elif part.kind == "duration" and part.seconds is not None:
            out.append(
                Mention(
                    "duration",
                    part.start,
                    part.end,
                    Decimal(part.seconds),
                    Decimal(part.precision or 1),
                    qualifier(s, part.norm_start, part.norm_end),
                    norm_start=part.norm_start,
                    norm_end=part.norm_end,
                )
            )
    return out


def _share_zones(mentions: list[Mention], segments: Segments) -> list[Mention]:
    """Give a clock time without a zone the zone of the nearest zoned one in its sentence.

    北京时间…上午10点起…预计下午1点恢复 and "from 08:00 to 20:00 UTC+8" state the
    zone once for every time of the sentence. One pass each way: linear.
    """
    clocks = [i for i, m in enumerate(mentions) if m.kind == "clock"]
    sentence = [segments.bounds(mentions[i].norm_start, "sentence") for i in clocks]
    Zone = tuple[int | None, str | None]  # offset, IANA zone ("from 2:25 to 4:12 PM ET")
    nearest: dict[int, tuple[int, Zone]] = {}  # mention index -> (distance, zone)
    for order in (range(len(clocks)), range(len(clocks) - 1, -1, -1)):
        last: tuple[int, Zone, tuple[int, int]] | None = None  # position, zone, sentence
        for k in order:
            m = mentions[clocks[k]]
            if m.offset is not None or m.zone_key is not None:
                last = (m.norm_start, (m.offset, m.zone_key), sentence[k])
                continue
            if last is None or last[2] != sentence[k]:
                continue
            distance = abs(m.norm_start - last[0])
            if clocks[k] not in nearest or distance < nearest[clocks[k]][0]:
                nearest[clocks[k]] = (distance, last[1])
    out = list(mentions)
    for i, (_, (offset, key)) in nearest.items():
        out[i] = out[i]._replace(offset=offset, zone_key=key)
    return out
