"""Read rule files into typed rules: a lexicon of roles, and rules built from patterns.

A rule file (``rules/<lang>.toml``) has a ``[language]`` table, a ``[lexicon]``
table mapping each role to its words, and one ``[[rule]]`` table per rule:

- ``match``: patterns (see :mod:`.grammar`) whose matches are findings;
- ``unless``: patterns that cancel a match whose key element they cover;
- ``scope`` with ``satisfier`` (named checks: a concrete time, a quantity...)
  and ``satisfied_by`` (patterns): a match is fine when one of them holds in
  the same sentence, paragraph or text;
- ``should_fail`` / ``should_pass``: examples, run whenever the rules load.

Severity, messages and descriptions are the registry's (:mod:`.registry`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal, cast, get_args

from ..errors import ConfigError
from ..text.segments import Scope
from .grammar import Pattern, parse_pattern
from .phrases import expand_all
from .ruleids import LINT_RULES

CheckType = Literal["match", "completeness"]
SATISFIERS = ("concrete-time", "quantity", "acknowledgment")
RULE_LANGS = ("zh", "en")

_RULE_KEYS = {
    "id", "check", "scope", "match", "unless", "satisfier", "satisfied_by", "extend", "once",
    "kinds", "supersedes", "topic", "should_fail", "should_pass",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of one language: patterns over the language's lexicon roles."""

    id: str
    lang: str
    check: CheckType
    scope: Scope
    match: tuple[Pattern, ...] = ()
    unless: tuple[Pattern, ...] = ()
    satisfiers: tuple[str, ...] = ()
    satisfied_by: tuple[Pattern, ...] = ()
    topic: tuple[Pattern, ...] = ()
    extend: re.Pattern[str] | None = None
    once: bool = False
    kinds: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    should_fail: tuple[str, ...] = ()
    should_pass: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The lexicon and rules of one language, in file order."""

    lang: str
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()

    def get(self, rule_id: str) -> Rule | None:
        """Return the rule with ``rule_id``, or None when this language lacks it."""
        return next((r for r in self.rules if r.id == rule_id), None)


def read_rule_file(lang: str) -> dict[str, Any]:
    """Return the parsed TOML data of the packaged rule file for ``lang``."""
    if lang not in RULE_LANGS:
        raise ConfigError(f"no rules for language {lang!r}; choose one of {', '.join(RULE_LANGS)}")
    source = resources.files("crisiscomms.lint").joinpath("rules", f"{lang}.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def parse_rules(data: dict[str, Any], origin: str) -> RuleSet:
    """Turn parsed rule-file data into a :class:`RuleSet`, rejecting anything malformed.

    Args:
        data: the parsed TOML.
        origin: the file name, quoted in errors.

    Returns:
        The rules; their examples are not run yet (see :mod:`.catalog`).

    Raises:
        ConfigError: naming the file and rule for any unknown key, role or bad value.
    """
    lang = data.get("language", {}).get("code")
    if lang not in RULE_LANGS:
        raise ConfigError(f"{origin}: [language] code must be one of {RULE_LANGS}, not {lang!r}")
    lexicon: dict[str, tuple[str, ...]] = {}
    for role, words in data.get("lexicon", {}).items():
        if not (isinstance(words, list) and words and all(isinstance(w, str) for w in words)):
            raise ConfigError(f"{origin}: lexicon role {role!r} must be a list of words")
        lexicon[role] = expand_all(words)
    roles = frozenset(lexicon)
    rules = tuple(_parse_rule(raw, lang, roles, origin) for raw in data.get("rule", []))
    # A rule id may have several entries: patterns that need different satisfiers.
    return RuleSet(lang=lang, lexicon=lexicon, rules=rules)


def _patterns(
    raw: dict[str, Any], key: str, roles: frozenset[str], where: str
) -> tuple[Pattern, ...]:
    items = raw.get(key, [])
    if not (isinstance(items, list) and all(isinstance(p, str) for p in items)):
        raise ConfigError(f"{where}: {key} must be a list of patterns")
    return tuple(parse_pattern(p, roles, where) for p in items)


def _parse_rule(raw: dict[str, Any], lang: str, roles: frozenset[str], origin: str) -> Rule:
    rule_id = raw.get("id", "?")
    where = f"{origin}: rule {rule_id!r}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if rule_id not in LINT_RULES:
        raise ConfigError(f"{where}: not a lint rule id of the registry")
    check = raw.get("check", "match")
    scope = raw.get("scope", "sentence")
    satisfiers = tuple(raw.get("satisfier", ()))
    if check not in get_args(CheckType) or scope not in get_args(Scope):
        raise ConfigError(f"{where}: bad check {check!r} or scope {scope!r}")
    if any(s not in SATISFIERS for s in satisfiers):
        raise ConfigError(f"{where}: unknown satisfier in {satisfiers!r}; known: {SATISFIERS}")
    try:
        extend = re.compile(raw["extend"]) if "extend" in raw else None
    except re.error as exc:
        raise ConfigError(f"{where}: bad extend pattern: {exc}") from exc
    match = _patterns(raw, "match", roles, where)
    if check == "match" and not match:
        raise ConfigError(f"{where}: a match rule needs match patterns")
    if not (raw.get("should_fail") and raw.get("should_pass")):
        raise ConfigError(f"{where}: needs should_fail and should_pass examples")
    return Rule(
        id=rule_id,
        lang=lang,
        check=cast(CheckType, check),
        scope=cast(Scope, scope),
        match=match,
        unless=_patterns(raw, "unless", roles, where),
        satisfiers=satisfiers,
        satisfied_by=_patterns(raw, "satisfied_by", roles, where),
        topic=_patterns(raw, "topic", roles, where),
        extend=extend,
        once=bool(raw.get("once", False)),
        kinds=tuple(raw.get("kinds", ())),
        supersedes=tuple(raw.get("supersedes", ())),
        should_fail=tuple(raw.get("should_fail", ())),
        should_pass=tuple(raw.get("should_pass", ())),
    )
