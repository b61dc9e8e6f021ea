"""Free-text facts for a Traditional draft: as given in Traditional, else converted from zh.

A ``zh-Hant-HK`` draft reads each free-text fact's ``zh-Hant-HK`` text, else its
``zh-Hant`` text (both written by a person and used as given), else its ``zh``
text converted with OpenCC's Hong Kong configuration and the regional fixes
(:func:`crisiscomms.hant.convert`). Each converted field is reported, so a
person checks what a machine wrote before it is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..factbase import Text, format_loc
from . import OPENCC_CONFIGS, convert


@dataclass(frozen=True)
class Converted:
    """A fact field given only in Simplified Chinese and converted for a Traditional draft."""

    path: str
    """Where the fact is, as in the facts file: ``impact.symptoms``, ``audiences[0].name``."""
    source: str
    """The text it was converted from (the fact's ``zh``)."""
    text: str
    """The Traditional text the draft uses."""
    config: str
    """The OpenCC configuration used (``s2hk``, ``s2twp``), before the regional fixes."""

    def to_dict(self) -> dict[str, str]:
        """Return the conversion as JSON-ready data."""
        return {"path": self.path, "from": self.source, "text": self.text, "opencc": self.config}


def hant_facts(incident: Any, lang: str) -> tuple[Any, tuple[Converted, ...]]:
    """Return ``incident`` with each free-text fact's ``lang`` text filled in, and the conversions.

    Facts with none of ``lang``, ``zh-Hant`` or ``zh`` stay as they are (the
    draft reports them as missing translations).

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> incident = parse_incident({
        ...     "organization": {"zh": "示例科技", "zh-Hant": "示例科技"},
        ...     "service": {"zh": "示例网络"},
        ...     "timezone": "Asia/Taipei",
        ...     "started_at": "2026-03-29T01:00:00+08:00",
        ...     "published_at": "2026-03-29T01:20:00+08:00",
        ... })
        >>> filled, converted = hant_facts(incident, "zh-Hant-TW")
        >>> filled.service.zh_Hant_TW, [c.path for c in converted]
        ('示例網路', ['service'])
    """
    converted: list[Converted] = []
    filled = _fill(incident, (), lang, converted)
    return filled, tuple(converted)


def _fill(value: Any, loc: tuple[str | int, ...], lang: str, out: list[Converted]) -> Any:
    if isinstance(value, Text):
        return _text(value, loc, lang, out)
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _fill(old, (*loc, name), lang, out)
            if new is not old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, list):
        items = [_fill(item, (*loc, i), lang, out) for i, item in enumerate(value)]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    return value


def _text(value: Text, loc: tuple[str | int, ...], lang: str, out: list[Converted]) -> Text:
    key = lang.replace("-", "_")
    if getattr(value, key) is not None:
        return value
    if value.zh_Hant is not None:
        return value.model_copy(update={key: value.zh_Hant})
    if value.zh is None:
        return value
    text = convert(value.zh, lang)
    out.append(Converted(format_loc(loc), value.zh, text, OPENCC_CONFIGS[lang]))
    return value.model_copy(update={key: text})
