"""Find a cause of a kind the facts' cause is not, given as the cause: ``unsupported-claim``.

The facts' cause (``cause.description``, preliminary or confirmed) is free text, so a
text that words it otherwise (基础设施故障 / a fault in our infrastructure / 机房故障)
cannot be told by its words from one that gives another cause. Some causes are of a
kind their words name whatever the wording: an attack, a fire, a power failure, a
deleted database, a cut cable, a natural disaster (``ruled_out_alike`` and
``cause_kinds`` of the ``cause`` claim). A text that gives as the cause one of these
kinds, where the facts' cause names nothing of that kind, repeats a rumour as fact
(trial G: 本次異常係遭駭客攻擊所致, where the facts give 內部系統交易量過高). A kind the
facts rule out (``cause.not_caused_by``) is a ``fact-mismatch`` already (:mod:`.ruledout`).

A cause named only by who caused it (腾讯云, GoDaddy) is not read: that needs the
names of suppliers, which neither the facts nor the contract hold.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from ..facts import Incident
from ..findings import Finding, frozen_messages
from ..text import LineIndex, Normalized
from ..text import normalize as _normalize
from .claims import claim, family_matches
from .textspans import clause_from


def other_causes(n: Normalized, incident: Incident, lang: str) -> list[Finding]:
    """Return an ``unsupported-claim`` warning for each stated cause of a kind the facts'
    cause is not.

    Examples:
        >>> from crisiscomms.facts import parse_incident
        >>> from crisiscomms.text import normalize
        >>> incident = parse_incident({"organization": {"zh": "示例"}, "service": {"zh": "示例App"},
        ...     "timezone": "Asia/Shanghai", "started_at": "2026-03-29T20:00:00+08:00",
        ...     "published_at": "2026-03-29T20:30:00+08:00",
        ...     "cause": {"status": "preliminary", "description": {"zh": "内部系统交易量过高"}}})
        >>> said = normalize("本次异常系遭黑客攻击所致。")
        >>> [f.excerpt for f in other_causes(said, incident, "zh")]
        ['本次异常系遭黑客攻击所致']
        >>> other_causes(normalize("本次异常系内部系统交易量过高所致。"), incident, "zh")
        []
    """
    cause = incident.cause
    if cause.status not in ("confirmed", "preliminary") or cause.description is None:
        return []  # an unknown cause: the [cause] claim speaks
    family = claim("cause")
    own = " ".join(_normalize(t).text for t in cause.description.given())
    ruled = " ".join(_normalize(t).text for item in cause.not_caused_by for t in item.given())
    # Kinds the facts' cause does not name, whose words the text holds somewhere (a plain
    # substring test first: the cause claims are then searched only in such a text).
    foreign = [
        kind
        for words, kind in _kinds()
        if not kind.search(own) and not kind.search(ruled) and any(w in n.text for w in words)
    ]
    if not foreign:
        return []
    original = n.original
    found: list[Finding] = []
    lines: LineIndex | None = None
    for start, end in family_matches(family, n):
        # What the cause words name: from them to the end of their clause.
        named = _normalize(clause_from(original, start)).text
        if not any(kind.search(named) for kind in foreign):
            continue
        lines = lines or LineIndex(original)
        found.append(
            Finding.at(
                original,
                start,
                end,
                rule="unsupported-claim",
                severity="warning",
                messages=_messages(),
                lang=lang,
                suggestions=family["other_cause_suggestion"],
                lines=lines,
            )
        )
    return found


@cache
def _kinds() -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """Each kind of cause (``ruled_out_alike`` and ``cause_kinds`` of the ``cause`` claim):
    its words normalised, and one pattern of them, Chinese words anywhere, English words
    as words (fire, not firewall; attack, attacks, attacked)."""
    family = claim("cause")
    out = []
    for group in [*family["ruled_out_alike"], *family.get("cause_kinds", [])]:
        words = tuple(_normalize(word).text for word in group)
        parts = [
            rf"(?<![a-z]){re.escape(w)}(?:s|es|ed|ing|ers?)?(?![a-z])"
            if w.isascii()
            else re.escape(w)
            for w in words
        ]
        out.append((words, re.compile("|".join(parts))))
    return tuple(out)


@cache
def _messages() -> Mapping[str, str]:
    return frozen_messages(claim("cause")["other_cause_message"])
