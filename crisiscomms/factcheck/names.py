"""Names the facts give are names, not wording: lint a text with them masked.

华南银行 contains 银行 (a bank, which the linter reads as blaming a bank); 唯品会
contains 会 (will, a promise with no time); an audience called 航空公司 (airlines)
or partners reads as a party the notice blames. These are the organisation's,
the product's or the audience's names, taken from the facts, and a reader sees
them as names.

Before linting a text checked against facts, every name the facts give is
masked: organisation, service and signature names become filler of the same
length (甲 for a Chinese character, q for any other letter or digit); an
audience's name becomes the plain word for people (用户 / users), so that
"部分乘客" stays as vague as "部分用户". The text keeps its length, so every
finding's span, line and column still point into the text given, and the
excerpt is taken from that text again.

Features and components are not masked: they are descriptions more than names
(大部分地域的控制台 / consoles in most regions, 支付, logins), and their words are
the scope and the data topics the linter must still read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..facts import Incident, Text
from ..findings import Finding
from ..keptfor import KeptFor
from ..text.lines import LineIndex

if TYPE_CHECKING:
    from ..lint.config import LintConfig

__all__ = ["lint_with_names", "mask_names", "name_spans"]

#: Which Text field each language reads; ``auto`` reads them all.
_FIELDS = {
    "zh": ("zh",),
    "en": ("en",),
    "zh-Hant": ("zh_Hant", "zh_Hant_HK", "zh_Hant_TW", "zh"),
    "zh-Hant-HK": ("zh_Hant_HK", "zh_Hant", "zh"),
    "zh-Hant-TW": ("zh_Hant_TW", "zh_Hant", "zh"),
}
_ALL_FIELDS = ("zh", "en", "zh_Hant", "zh_Hant_HK", "zh_Hant_TW")

#: The plain word for people an audience's name stands for, by script.
_PEOPLE = {"han": ("用户", "用戶"), "latin": ("users", "user")}

# A Latin name stands on its own: "Visa" is not the start of "Visas", but "App" ends 银行App服务.
_LATIN_AFTER = r"(?![a-z0-9])"


def _han(char: str) -> bool:
    """True for a Han character (CJK unified, extension A, compatibility ideographs).

    Two comparisons, where a class of 27,000 characters took a millisecond to compile.
    """
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _values(text: Text | None, fields: Iterable[str]) -> Iterator[str]:
    if text is None:
        return
    for name in fields:
        value = getattr(text, name, None)
        if value:
            yield value


def _names(incident: Incident, fields: tuple[str, ...]) -> Iterator[tuple[str, bool]]:
    """Yield (name, is an audience) for every name the facts give."""
    for text in (incident.organization, incident.service, incident.signature):
        for value in _values(text, fields):
            yield value, False
    for audience in incident.audiences:
        for value in _values(audience.name, fields):
            yield value, True


def name_spans(text: str, incident: Incident, lang: str = "auto") -> list[tuple[int, int, bool]]:
    """Return ``(start, end, is_audience)`` for each name of the facts in ``text``.

    Longer names win where two overlap (华南银行 over 银行); English names match
    regardless of case, on word boundaries.
    """
    folded = text.casefold()
    taken = [False] * len(text)
    spans: list[tuple[int, int, bool]] = []
    for pattern, audience in _patterns(incident, _FIELDS.get(lang, _ALL_FIELDS)):
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            spans.append((start, end, audience))
    return sorted(spans)


#: The name patterns of the last few incidents linted, by the fields read.
_PATTERNS: KeptFor[list[tuple[re.Pattern[str], bool]]] = KeptFor(16)


def _patterns(incident: Incident, fields: tuple[str, ...]) -> list[tuple[re.Pattern[str], bool]]:
    """The facts' names as patterns, longest first: built once per incident (facts are frozen)."""
    return _PATTERNS.get(incident, fields, lambda: _built_patterns(incident, fields))


def _built_patterns(
    incident: Incident, fields: tuple[str, ...]
) -> list[tuple[re.Pattern[str], bool]]:
    patterns: list[tuple[re.Pattern[str], bool]] = []
    for name, audience in sorted(set(_names(incident, fields)), key=lambda n: -len(n[0])):
        needle = name.casefold()
        if len(needle) < 2 or len(needle) != len(name):
            continue
        literal = re.escape(needle)
        # "Not after a letter or digit" is checked once the name has matched (a lookbehind
        # over the name and the character before it), so the pattern starts with the name
        # itself and the regex engine can search for it instead of trying every position.
        edge = f"(?<![a-z0-9]{literal})" if _latin(needle[0]) else ""
        tail = _LATIN_AFTER if _latin(needle[-1]) else ""
        patterns.append((re.compile(literal + edge + tail), audience))
    return patterns


@lru_cache(maxsize=1024)
def _filler(name: str, audience: bool) -> str:
    masked = "".join("甲" if _han(c) else "q" if c.isalnum() else c for c in name)
    if not audience:
        return masked
    han = _han(name[0])
    for word in _PEOPLE["han" if han else "latin"]:
        if len(word) <= len(name):
            return word + ("甲" if han else " ") * (len(name) - len(word))
    return masked


def mask_names(text: str, incident: Incident, lang: str = "auto") -> str:
    """Return ``text`` with the facts' names masked, keeping every other character in place.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> facts = parse_incident({"organization": {"zh": "华南银行"},
        ...     "service": {"zh": "行动银行App"}, "audiences": ["passengers"],
        ...     "timezone": "Asia/Taipei", "started_at": "2024-11-07T13:38:00+08:00",
        ...     "published_at": "2024-11-07T18:06:00+08:00"})
        >>> mask_names("行动银行App出现服务异常，影响部分乘客。华南银行", facts, "zh")
        '甲甲甲甲qqq出现服务异常，影响部分用户。甲甲甲甲'
    """
    return _masked(text, name_spans(text, incident, lang))


def _masked(text: str, spans: list[tuple[int, int, bool]]) -> str:
    """``text`` with each span (sorted, apart) replaced by its filler of the same length."""
    pieces: list[str] = []
    done = 0
    for start, end, audience in spans:
        pieces.append(text[done:start])
        pieces.append(_filler(text[start:end], audience))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def lint_with_names(
    text: str,
    incident: Incident,
    lang: str = "auto",
    kind: str | None = None,
    config: LintConfig | None = None,
) -> list[Finding]:
    """Lint ``text`` with the facts' names masked; findings point into ``text`` itself."""
    from ..lint import lint

    spans = name_spans(text, incident, lang)
    if not spans:
        return list(lint(text, lang=lang, kind=kind, config=config))
    masked = lint(_masked(text, spans), lang=lang, kind=kind, config=config)
    return [_unmasked(f, text, spans) for f in masked]


def _unmasked(finding: Finding, text: str, spans: list[tuple[int, int, bool]]) -> Finding:
    """Point ``finding`` at the text given: a span that ends inside a name takes the name whole."""
    start, end = finding.start, finding.end
    for lo, hi, _ in spans:
        if lo < start < hi:
            start = lo
        if lo < end < hi:
            end = hi
    if (start, end) != (finding.start, finding.end):
        line, column = LineIndex(text).line_col(start)
        return dataclasses.replace(
            finding, start=start, end=end, line=line, column=column, excerpt=text[start:end]
        )
    return dataclasses.replace(finding, excerpt=text[start:end])
