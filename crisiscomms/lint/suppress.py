"""Inline suppression comments: ``<!-- crisiscomms: disable=RULE -->`` and friends."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Finding, line_column
from .registry import ALL, check_rule_id, registry

_COMMENT = re.compile(
    r"<!--\s{0,8}crisiscomms:\s{0,8}(?P<verb>disable-next-line|disable|enable)"
    r"(?:\s{0,8}=\s{0,8}(?P<rules>[\w\s,-]{0,400}?))?\s{0,8}-->",
    re.IGNORECASE,
)
_ALL = ALL


@dataclass(frozen=True, slots=True)
class _Region:
    rule: str  # a rule id, or "all"
    start: int
    end: int


def parse_suppressions(text: str) -> list[_Region]:
    """Return the text regions where rules are switched off by comments.

    ``disable=RULE`` runs to the matching ``enable=RULE`` or the end of the
    text; ``disable-next-line=RULE`` covers the line after the comment. Without
    ``=RULE`` a comment applies to every rule.

    Raises:
        ConfigError: for an unknown rule id, naming its line.

    Examples:
        >>> regions = parse_suppressions("<!-- crisiscomms: disable=vague-time -->尽快")
        >>> [(r.rule, r.start) for r in regions]
        [('vague-time', 0)]
    """
    regions: list[_Region] = []
    open_at: dict[str, int] = {}
    for m in _COMMENT.finditer(text):
        names = [n.strip().lower() for n in (m.group("rules") or _ALL).split(",") if n.strip()]
        for name in names:
            if name != _ALL and name not in registry():
                line, column = line_column(text, m.start())
                check_rule_id(name, f"line {line}, column {column}: in a comment")
        verb = m.group("verb").lower()
        if verb == "disable-next-line":
            line_end = text.find("\n", m.end())
            if line_end < 0:
                continue
            next_end = text.find("\n", line_end + 1)
            end = len(text) if next_end < 0 else next_end
            regions += [_Region(name, line_end + 1, end) for name in names]
        elif verb == "disable":
            for name in names:
                open_at.setdefault(name, m.start())
        else:
            for name in names:
                closing = [name] if name != _ALL else list(open_at)
                for key in closing:
                    if key in open_at:
                        regions.append(_Region(key, open_at.pop(key), m.start()))
    regions += [_Region(name, start, len(text)) for name, start in open_at.items()]
    return regions


def apply_suppressions(text: str, findings: list[Finding]) -> list[Finding]:
    """Return ``findings`` without those that fall in a suppressed region of ``text``."""
    if "crisiscomms" not in text:
        return findings
    regions = parse_suppressions(text)
    if not regions:
        return findings
    return [
        f
        for f in findings
        if not any(
            r.rule in (_ALL, f.rule)
            and r.start <= f.start
            and (f.start < r.end or f.start == r.end == len(text))
            for r in regions
        )
    ]
