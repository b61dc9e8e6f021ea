"""Load, check and cache the packaged rules, and build scanners for a configuration."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from ..errors import ConfigError
from .compiled import load_compiled, source_text
from .engine import Plan, evaluate, rules_of
from .phrases import expand_all
from .rules import RULE_LANGS, RuleSet, parse_rules, read_rule_file
from .scanner import Scanner

ExtraPhrases = tuple[tuple[str, str, tuple[str, ...]], ...]  # (lang, rule id, phrases)


@cache
def ruleset(lang: str) -> RuleSet:
    """Return the packaged rules for ``lang``, whose own examples are known to hold.

    The precompiled data (see :mod:`.compile_rules`) had its examples run when
    it was generated and is used only while ``rules/<lang>.toml`` is the file it
    was generated from; otherwise the TOML is parsed and every example run here.

    Raises:
        ConfigError: when the data is malformed, or a rule's ``should_fail``
            example does not fire or a ``should_pass`` example does.
    """
    compiled = load_compiled(lang, source_text(lang)) if lang in RULE_LANGS else None
    if compiled is not None:
        return compiled
    loaded = parse_rules(read_rule_file(lang), f"rules/{lang}.toml")
    check_examples(loaded, f"rules/{lang}.toml")
    return loaded


def check_examples(rules: RuleSet, origin: str) -> None:
    """Raise ConfigError unless every rule in ``rules`` behaves as its examples say."""
    scanner = Scanner([rules])
    for rule in rules.rules:
        kind = rule.kinds[0] if rule.kinds else None
        plan = Plan(scanner=scanner, rules=rules.rules, kind=kind, chinese=rules.lang)
        for example in rule.should_fail:
            if rule.id not in {f.rule for f in evaluate(example, plan)}:
                raise ConfigError(f"{origin}: rule {rule.id!r} misses its should_fail {example!r}")
        for example in rule.should_pass:
            if rule.id in {f.rule for f in evaluate(example, plan)}:
                raise ConfigError(
                    f"{origin}: rule {rule.id!r} fires on its should_pass {example!r}"
                )


@lru_cache(maxsize=64)
def _scanner(langs: tuple[str, ...], extras: ExtraPhrases) -> tuple[Scanner, tuple[RuleSet, ...]]:
    sets = []
    for lang in langs:
        base = ruleset(lang)
        added = {rule_id: phrases for lg, rule_id, phrases in extras if lg == lang}
        if added:
            rules = tuple(
                replace(r, phrases=r.phrases + expand_all(added[r.id])) if r.id in added else r
                for r in base.rules
            )
            base = replace(base, rules=rules)
        sets.append(base)
    return Scanner(sets), tuple(sets)


def plan_for(langs: tuple[str, ...], extras: ExtraPhrases = ()) -> Plan:
    """Return a cached plan (scanner and rules) for the rule sets of ``langs``."""
    scanner, sets = _scanner(langs, extras)
    return Plan(scanner=scanner, rules=rules_of(sets), chinese=langs[0])


@lru_cache(maxsize=1)
def _variant_markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    hans = set("".join(p for r in ruleset("zh").rules for p in r.phrases))
    hant = set("".join(p for r in ruleset("zh-Hant").rules for p in r.phrases))
    only_hans, only_hant = "".join(sorted(hans - hant)), "".join(sorted(hant - hans))
    return re.compile(f"[{re.escape(only_hans)}]"), re.compile(f"[{re.escape(only_hant)}]")


def chinese_variant(text: str) -> str:
    """Return ``zh-Hant`` when ``text`` reads as Traditional Chinese, else ``zh``.

    Examples:
        >>> chinese_variant("正在緊急修復中"), chinese_variant("正在紧急修复中")
        ('zh-Hant', 'zh')
    """
    hans, hant = _variant_markers()
    return "zh-Hant" if len(hant.findall(text)) > len(hans.findall(text)) else "zh"
