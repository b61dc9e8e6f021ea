"""What a length check returns: figures per part of a payload, and findings.

Findings use the shared :class:`~crisiscomms.findings.Finding`. ``over-length`` (the id
DESIGN.md names) is for a text past a channel's limit; ``channel-format`` is for a field a
platform rejects for its shape rather than its length (a WeChat ``phrase`` that is not
Chinese, a ``time`` that is not a time, a line break in an e-mail subject). Both ids are in
:data:`RULE_IDS` for the rule registry.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..findings import Finding, Severity, has_errors
from ..hant.lookup import with_hant

OVER_LENGTH = "over-length"
CHANNEL_FORMAT = "channel-format"
RULE_IDS: tuple[str, ...] = (OVER_LENGTH, CHANNEL_FORMAT)

# Units a count is given in: (zh, en).
UNITS: dict[str, tuple[str, str]] = {
    "septets": ("个 GSM-7 字符位", "GSM-7 septets"),
    "utf16": ("个 UTF-16 码元", "UTF-16 code units"),
    "chars": ("个字", "characters"),
    "parts": ("条（计费条数）", "billed parts"),
    "weighted": ("个加权字符", "weighted characters"),
    "weibo": ("字（半角算半个）", "Weibo characters (half-width counts ½)"),
    "bytes": ("字节", "bytes"),
    "columns": ("列显示宽度", "display columns"),
    "lines": ("行", "lines"),
}

# What happens past the limit: (zh, en).
CONSEQUENCES: dict[str, tuple[str, str]] = {
    "rejected": ("平台会拒绝发送", "the platform rejects it"),
    "split": ("会被拆成多条并分别计费", "it is split and each part is billed"),
    "folded": ("超出部分会被折叠", "the rest is folded away"),
    "truncated": ("超出部分会被截断并加省略号", "the rest is cut off with …"),
    "cut": ("手机上显示不全", "the phone cuts it off"),
    "long": ("超过建议长度", "it is longer than recommended"),
}

SUGGESTIONS = {
    "zh": "改用更短的模板或精简措辞，不要截断：被截掉的可能正是最重要的那个事实。",
    "en": "Use a shorter template or tighten the wording rather than cutting: "
    "the part cut off may be the one fact that mattered.",
}


#: Added to an over-length finding when a shorter form needs a link the facts do not hold.
LINK_HINT = {
    "zh": "事实中没有全文链接：写入 links.notice 后，可改用只写要点并附链接的简短版本。",
    "en": "The facts hold no link to the full notice: with links.notice, the brief form "
    "(the key points and the link) can be used.",
}


@dataclass(frozen=True, slots=True)
class LengthReport:
    """Length figures and findings for one channel's text or payload.

    Attributes:
        channel: the channel measured (``sms``, ``x``, ...).
        figures: JSON-ready figures per part of the payload (``{"text": {...}}``,
            ``{"subject": {...}}``, ``{"thing1": {...}}``, ...).
        findings: ``over-length`` / ``channel-format`` findings; never a truncated text.
    """

    channel: str
    figures: Mapping[str, Any]
    findings: tuple[Finding, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when no finding is at error severity."""
        return not has_errors(self.findings)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-ready data."""
        return {
            "channel": self.channel,
            "figures": _plain(self.figures),
            "findings": [f.to_dict() for f in self.findings],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@cache
def _suggestions() -> dict[str, str]:
    return with_hant(SUGGESTIONS)


def with_link_hint(finding: Finding, lang: str) -> Finding:
    """Return ``finding``; when it is ``over-length``, its suggestion also says a link would
    allow the brief form (X, Weibo: the brief form is only written when the facts hold one)."""
    if finding.rule != OVER_LENGTH:
        return finding
    hints = _link_hints()
    hint = hints.get(lang) or hints["zh" if lang.startswith("zh") else "en"]
    joined = f"{finding.suggestion}{'' if lang.startswith('zh') else ' '}{hint}"
    return dataclasses.replace(finding, suggestion=joined)


@cache
def _link_hints() -> dict[str, str]:
    return with_hant(LINK_HINT)


def over_length(
    text: str,
    start: int,
    *,
    what: tuple[str, str],
    count: int,
    limit: int,
    unit: str | tuple[str, str],
    consequence: str,
    severity: Severity,
    lang: str,
    note: tuple[str, str] | None = None,
) -> Finding:
    """Build an ``over-length`` finding spanning ``text[start:]`` (the part past the limit).

    ``what`` names the thing measured in zh and en; the message gives the count, the unit
    (a key of ``UNITS`` or a ``(zh, en)`` pair) and the limit in both languages, then
    ``note`` when given, and in each Traditional region's text, which a draft in that
    language (``zh-Hant-HK``) shows (:mod:`crisiscomms.hant.lookup`).

    Examples:
        >>> f = over_length("一二三四五六", 5, what=("短信", "SMS"), count=6, limit=5,
        ...                 unit="chars", consequence="split", severity="error", lang="zh")
        >>> f.message
        '短信长度 6 个字，超过上限 5 个字，会被拆成多条并分别计费。'
        >>> f.messages["en"]
        'SMS is 6 characters, over the limit of 5 characters: it is split and each part is billed.'
        >>> (f.start, f.end, f.excerpt)
        (5, 6, '六')
    """
    unit_zh, unit_en = UNITS[unit] if isinstance(unit, str) else unit
    then_zh, then_en = CONSEQUENCES[consequence]
    note_zh, note_en = note or ("", "")
    start = max(0, min(start, len(text)))
    messages = {
        "zh": f"{what[0]}长度 {count} {unit_zh}，超过上限 {limit} {unit_zh}，{then_zh}。{note_zh}",
        "en": f"{what[1]} is {count} {_en(unit_en, count)}, over the limit of {limit} "
        f"{_en(unit_en, limit)}: "
        f"{then_en}.{' ' + note_en if note_en else ''}",
    }
    return Finding.at(
        text,
        start,
        len(text),
        rule=OVER_LENGTH,
        severity=severity,
        messages=with_hant(messages),
        lang=lang,
        suggestions=_suggestions(),
    )


def bad_format(
    text: str,
    *,
    messages: dict[str, str],
    severity: Severity,
    lang: str,
    suggestions: dict[str, str] | None = None,
) -> Finding:
    """Build a ``channel-format`` finding spanning the whole field ``text``."""
    return Finding.at(
        text,
        0,
        len(text),
        rule=CHANNEL_FORMAT,
        severity=severity,
        messages=with_hant(messages),
        lang=lang,
        suggestions=with_hant(suggestions) if suggestions else None,
    )


def _en(unit: str, count: object) -> str:
    """Return an English unit for ``count``: one line, two lines (its first plural made one)."""
    return re.sub(r"s\b", "", unit, count=1) if str(count) == "1" else unit
