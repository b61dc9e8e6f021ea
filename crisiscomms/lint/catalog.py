"""Load, check and cache the packaged rules, and build scanners for a configuration.

Rules are parsed and every rule's examples run once per process, when the
rules are first needed. That is most of the command line's start after its
imports, so the command line keeps the checked rules on disk between runs
(:mod:`crisiscomms.rulecache`, opt-in); a library caller parses them in memory.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache, lru_cache

from .. import rulecache
from ..errors import ConfigError
from .engine import Plan, evaluate
from .grammar import parse_pattern
from .phrases import expand_all
from .rules import RULE_LANGS, Rule, RuleSet, parse_rules, read_rule_file
from .scanner import Scanner

ExtraPhrases = tuple[tuple[str, str, tuple[str, ...]], ...]  # (lang, rule id, phrases)


@cache
def ruleset(lang: str) -> RuleSet:
    """Return the packaged rules for ``lang``, whose own examples are known to hold.

    Raises:
        ConfigError: when the data is malformed, or a rule's ``should_fail``
            example does not fire or a ``should_pass`` example does.
    """
    if lang in RULE_LANGS:  # else read_rule_file names the languages there are
        cached = rulecache.load(f"rules-{lang}")
        if isinstance(cached, RuleSet) and cached.lang == lang:
            return cached
    loaded = parse_rules(read_rule_file(lang), f"rules/{lang}.toml")
    check_examples(loaded, f"rules/{lang}.toml")
    rulecache.store(f"rules-{lang}", loaded)
    return loaded


def check_examples(rules: RuleSet, origin: str) -> None:
    """Raise ConfigError unless every rule in ``rules`` behaves as its examples say."""
    scanner = Scanner([rules])
    for rule in rules.rules:
        kind = rule.kinds[0] if rule.kinds else None
        plan = Plan(scanner=scanner, rules=rules.rules, kind=kind)
        for example in rule.should_fail:
            if rule.id not in {f.rule for f in evaluate(example, plan)}:
                raise ConfigError(f"{origin}: rule {rule.id!r} misses its should_fail {example!r}")
        for example in rule.should_pass:
            if rule.id in {f.rule for f in evaluate(example, plan)}:
                raise ConfigError(
                    f"{origin}: rule {rule.id!r} fires on its should_pass {example!r}"
                )


def with_extras(base: RuleSet, added: dict[str, tuple[str, ...]]) -> RuleSet:
    """Return ``base`` with a team's extra trigger phrases: one new role and pattern per rule."""
    if not added:
        return base
    lexicon = dict(base.lexicon)
    rules = []
    for rule in base.rules:
        if rule.id in added:
            role = f"extra-{rule.id}"
            lexicon[role] = expand_all(added[rule.id])
            pattern = parse_pattern(f"@{role}", frozenset({role}), f"extra-phrases.{rule.id}")
            rule = replace(rule, match=(*rule.match, pattern))
        rules.append(rule)
    return replace(base, lexicon=lexicon, rules=tuple(rules))


@lru_cache(maxsize=64)
def _scanner(
    langs: tuple[str, ...], extras: ExtraPhrases
) -> tuple[Scanner, tuple[RuleSet, ...], tuple[Rule, ...]]:
    sets = []
    for lang in langs:
        added = {rule_id: phrases for lg, rule_id, phrases in extras if lg == lang}
        unknown = set(added) - {r.id for r in ruleset(lang).rules}
        if unknown:
            raise ConfigError(f"extra-phrases.{lang}: {sorted(unknown)} take no extra phrases")
        sets.append(with_extras(ruleset(lang), added))
    # One tuple of the rules per configuration: the engine keys what it derives from the
    # rules (which are active, for a kind) on it.
    return Scanner(sets), tuple(sets), tuple(r for s in sets for r in s.rules)


def plan_for(langs: tuple[str, ...], extras: ExtraPhrases = ()) -> Plan:
    """Return a cached plan (scanner and rules) for the rule sets of ``langs``."""
    scanner, _, rules = _scanner(langs, extras)
    return Plan(scanner=scanner, rules=rules)
