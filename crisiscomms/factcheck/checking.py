"""Check any notice text against the facts, and a zh/en pair against each other.

A chatbot rewrites a draft fluently and gets a number wrong; a PR person types
22:00 where the facts say 21:00. :func:`check_draft` reads every count, amount,
duration, clock time, date and share the text states (:mod:`.quantities`) and
reports ``fact-mismatch`` (error) where one disagrees with the facts, or where the
text gives as the cause one the facts rule out (:mod:`.ruledout`);
``unsupported-claim`` where it gives a cause of a kind the facts' cause is not (an attack,
a fire, a power cut: :mod:`.othercause`);
``unsupported-claim`` (warning) where the text asserts what the facts do not hold
(a cause while the cause is unknown, safe data while it is being checked,
compensation the facts do not list; phrases in ``claims.toml``); plus everything
:func:`crisiscomms.lint.lint` finds. :func:`check_parity` compares the numbers
and times of a Chinese and an English text.

The work is done in :mod:`.factvalues` (what the facts hold),
:mod:`.mismatches` (numbers against the facts) and :mod:`.claims` (assertions
beyond them); this module puts them together.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..bulk import paused_collection
from ..facts import Incident, parse_incident
from ..findings import Finding
from ..text import normalize
from .claims import claim_families, family_matches, placeholder_paths, unsupported_claims
from .contradictions import contradictions
from .factvalues import FactValues, fact_values
from .mismatches import mismatches
from .names import lint_with_names
from .othercause import other_causes
from .parity import ParityReport, check_parity
from .ruledout import ruled_out_causes
from .textspans import message_lang

if TYPE_CHECKING:
    from ..lint.config import LintConfig

__all__ = [
    "FactValues",
    "ParityReport",
    "check_draft",
    "check_parity",
    "claim_families",
    "fact_values",
    "family_matches",
    "placeholder_paths",
    "unsupported_claims",
]


def check_draft(
    text: str,
    facts: Incident | Mapping[str, Any],
    lang: str = "auto",
    kind: str | None = None,
    config: LintConfig | None = None,
) -> list[Finding]:
    """Report what in ``text`` disagrees with the facts or goes beyond them, plus lint findings.

    Args:
        text: any notice text: our own draft, a person's rewrite, a chatbot's output.
        facts: an :class:`~crisiscomms.facts.Incident` or facts as a mapping (validated).
        lang: ``zh``, ``zh-Hant``, ``en`` or ``auto``; picks the message language and lint rules.
        kind: a notice kind, to add the linter's completeness checks.
        config: a team's lint configuration: its disabled rules and severities apply to
            the fact checks' findings too (``unsupported-claim`` may be turned off).

    Returns:
        Findings in text order: ``fact-mismatch`` (error), ``unsupported-claim``
        (warning) and the linter's own.

    Raises:
        FactsError: the facts are invalid.

    Examples:
        >>> facts = {"organization": {"zh": "示例科技"}, "service": {"zh": "示例App"},
        ...          "timezone": "Asia/Shanghai", "started_at": "2026-03-29T20:00:00+08:00",
        ...          "published_at": "2026-03-29T20:30:00+08:00",
        ...          "eta": "2026-03-29T22:00:00+08:00",
        ...          "impact": {"scale": [{"count": 8000000, "precision": "estimate"}]}}
        >>> found = check_draft("约500万用户无法登录，预计北京时间22:00前恢复。", facts, "zh")
        >>> [(f.rule, f.excerpt) for f in found if f.rule == "fact-mismatch"]
        [('fact-mismatch', '500万')]
    """
    incident = facts if isinstance(facts, Incident) else parse_incident(facts)
    shown = message_lang(text, lang)
    with paused_collection():  # a long text makes millions of acyclic objects: see ..bulk
        n = normalize(text)  # one normalising for the number and the claim checks
        found = list(mismatches(n, fact_values(incident), shown))
        found += unsupported_claims(n, incident, shown)
        found += ruled_out_causes(n, incident, shown)
        found += other_causes(n, incident, shown)
        found += contradictions(n, incident, shown)
        if config is not None:
            found = configured(found, config)
        found += lint_with_names(text, incident, lang, kind, config)  # names are not wording
        return sorted(found, key=lambda f: (f.start, f.end, f.rule))


def configured(found: list[Finding], config: LintConfig) -> list[Finding]:
    """Return ``found`` without the rules ``config`` disables, at the severities it sets."""
    from ..lint.registry import ALL, severity_of

    if ALL in config.disable:
        return []
    return [
        dataclasses.replace(f, severity=severity_of(f.rule, config.severity, f.severity))
        for f in found
        if f.rule not in config.disable
    ]
