"""The stable rule ids: a contract with drafting, the CLI, configs and users."""

from __future__ import annotations

#: Rules that judge wording, in any text.
WORDING_RULES: tuple[str, ...] = (
    "vague-fix-no-timeline",
    "vague-time",
    "empty-apology",
    "vague-scope",
    "over-promise",
    "blame-shift",
    "minimizing",
    "no-data-safety-statement",
    "unfilled-placeholder",
)

#: Rules that judge what a notice of a given kind leaves out (need ``kind``).
COMPLETENESS_RULES: tuple[str, ...] = (
    "missing-next-update",
    "missing-claim-method",
    "missing-claim-deadline",
    "missing-eligibility",
    "missing-data-statement",
)

RULE_IDS: tuple[str, ...] = WORDING_RULES + COMPLETENESS_RULES
