"""Lint crisis communications for vague wording, in Simplified/Traditional Chinese and English.

The main entry point is :func:`lint`; rules live in data files under
``crisiscomms/lint/rules/``, every rule id in the registry (:mod:`.registry`).
"""

from __future__ import annotations

from ..bulk import paused_collection
from ..findings import Finding
from ..kinds import lint_lang, normalize_kind
from .catalog import plan_for
from .config import LintConfig, find_config, load_config
from .engine import Plan, evaluate
from .registry import ALL
from .ruleids import COMPLETENESS_RULES, RULE_IDS, WORDING_RULES
from .suppress import apply_suppressions
from .variant import chinese_variant

__all__ = [
    "COMPLETENESS_RULES",
    "RULE_IDS",
    "WORDING_RULES",
    "Finding",
    "LintConfig",
    "find_config",
    "lint",
    "load_config",
]

# Traditional Chinese is folded to Simplified before matching: one Chinese rule set serves both.
_RULE_SETS = {
    "zh": ("zh",),
    "zh-Hant": ("zh",),
    "en": ("en",),
    "auto": ("zh", "en"),
}


def lint(
    text: str,
    lang: str = "auto",
    kind: str | None = None,
    config: LintConfig | None = None,
) -> list[Finding]:
    """Return what a reader would find vague in ``text``, sorted by position.

    Args:
        text: any notice, statement or chatbot answer.
        lang: ``zh``, ``zh-Hant``, ``en``, or ``auto`` (every rule set applies
            to its own script, so mixed zh/en text is linted throughout). A draft's
            own ``zh-Hant-HK`` or ``zh-Hant-TW`` reads as ``zh-Hant``.
        kind: a notice kind (``first_statement``, ``progress-update``...) to
            add the completeness checks for that kind.
        config: disabled rules, severity overrides and extra phrases.

    Returns:
        The findings; spans are code-point indices into ``text``.

    Raises:
        InputError: for an unknown language or kind.
        ConfigError: for an unknown rule id in a suppression comment.

    Examples:
        >>> [(f.rule, f.excerpt) for f in lint("系统故障，目前正在紧急修复中。")]
        [('vague-fix-no-timeline', '目前正在紧急修复')]
        >>> lint("系统故障，正在紧急修复，预计今晚22:00前恢复。")
        []
        >>> [f.rule for f in lint("We are investigating. We apologize for any inconvenience.")]
        ['vague-fix-no-timeline', 'empty-apology']
    """
    lang = lint_lang(lang)  # a draft's own zh-Hant-HK / -TW: both regions lint alike
    notice_kind = normalize_kind(kind) if kind else None
    config = config or _DEFAULT
    if ALL in config.disable:
        return []
    merged: dict[tuple[str, str], tuple[str, ...]] = {}
    for lg, table in sorted(config.extra_phrases.items()):
        for rule_id, phrases in sorted(table.items()):
            # Traditional phrases are folded like the text: they join the Chinese rules.
            key = ("zh" if lg == "zh-Hant" else lg, rule_id)
            merged[key] = merged.get(key, ()) + phrases
    extras = tuple((lg, rule_id, phrases) for (lg, rule_id), phrases in merged.items())
    base = plan_for(_RULE_SETS[lang], extras)
    chinese = (
        chinese_variant(text) if lang == "auto" else ("zh-Hant" if lang == "zh-Hant" else "zh")
    )
    plan = Plan(base.scanner, base.rules, notice_kind, config.disable, config.severity, chinese)
    with paused_collection():  # a long text makes millions of acyclic objects: see ..bulk
        return apply_suppressions(text, evaluate(text, plan))


_DEFAULT = LintConfig()
