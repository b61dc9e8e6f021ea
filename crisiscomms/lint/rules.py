"""Read rule data files into typed rules; checking what they say is :mod:`.engine`'s job.

A rule file is TOML with one ``[language]`` table and one ``[[rule]]`` table
per rule. The keys are documented in ``rules/README.md`` next to the files.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal, cast, get_args

from ..errors import ConfigError
from ..findings import SEVERITIES, Severity
from .phrases import expand_all
from .ruleids import RULE_IDS

CheckType = Literal["existence", "requires-nearby", "completeness"]
Scope = Literal["sentence", "paragraph", "text"]
SATISFIERS = ("concrete-time", "quantity", "acknowledgment")
RULE_LANGS = ("zh", "zh-Hant", "en")

_RULE_KEYS = {
    "id", "severity", "check", "scope", "message", "suggestion", "phrases", "exceptions",
    "satisfier", "satisfier_phrases", "extend", "word_boundaries", "once", "kinds",
    "supersedes", "should_fail", "should_pass",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of one language, with its phrases expanded and folded for matching."""

    id: str
    lang: str
    severity: Severity
    check: CheckType
    scope: Scope
    messages: dict[str, str]
    suggestions: dict[str, str]
    phrases: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    satisfier: str | None = None
    satisfier_phrases: tuple[str, ...] = ()
    extend: re.Pattern[str] | None = None
    word_boundaries: bool = False
    once: bool = False
    kinds: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    should_fail: tuple[str, ...] = ()
    should_pass: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules of one language, in file order."""

    lang: str
    word_boundaries: bool
    rules: tuple[Rule, ...] = field(default_factory=tuple)

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
        ConfigError: naming the file and rule for any unknown key or bad value.
    """
    language = data.get("language", {})
    lang = language.get("code")
    if lang not in RULE_LANGS:
        raise ConfigError(f"{origin}: [language] code must be one of {RULE_LANGS}, not {lang!r}")
    default_wb = bool(language.get("word_boundaries", False))
    rules = tuple(_parse_rule(raw, lang, default_wb, origin) for raw in data.get("rule", []))
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ConfigError(f"{origin}: a rule id appears twice")
    return RuleSet(lang=lang, word_boundaries=default_wb, rules=rules)


def _parse_rule(raw: dict[str, Any], lang: str, default_wb: bool, origin: str) -> Rule:
    rule_id = raw.get("id", "?")
    where = f"{origin}: rule {rule_id!r}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if rule_id not in RULE_IDS:
        raise ConfigError(f"{where}: not a known rule id")
    severity = raw.get("severity")
    check = raw.get("check", "existence")
    scope = raw.get("scope", "sentence")
    satisfier = raw.get("satisfier")
    if severity not in SEVERITIES:
        raise ConfigError(f"{where}: severity must be one of {SEVERITIES}")
    if check not in get_args(CheckType) or scope not in get_args(Scope):
        raise ConfigError(f"{where}: bad check {check!r} or scope {scope!r}")
    if satisfier is not None and satisfier not in SATISFIERS:
        raise ConfigError(f"{where}: unknown satisfier {satisfier!r}")
    messages, suggestions = raw.get("message", {}), raw.get("suggestion", {})
    if not (messages.get("zh") and messages.get("en")):
        raise ConfigError(f"{where}: needs message.zh and message.en")
    try:
        extend = re.compile(raw["extend"]) if "extend" in raw else None
    except re.error as exc:
        raise ConfigError(f"{where}: bad extend pattern: {exc}") from exc
    phrases = expand_all(raw.get("phrases", []))
    if check != "completeness" and not phrases:
        raise ConfigError(f"{where}: a {check} rule needs phrases")
    if not (raw.get("should_fail") and raw.get("should_pass")):
        raise ConfigError(f"{where}: needs should_fail and should_pass examples")
    return Rule(
        id=rule_id,
        lang=lang,
        severity=cast(Severity, severity),
        check=cast(CheckType, check),
        scope=cast(Scope, scope),
        messages=dict(messages),
        suggestions=dict(suggestions),
        phrases=phrases,
        exceptions=expand_all(raw.get("exceptions", [])),
        satisfier=satisfier,
        satisfier_phrases=expand_all(raw.get("satisfier_phrases", [])),
        extend=extend,
        word_boundaries=bool(raw.get("word_boundaries", default_wb)),
        once=bool(raw.get("once", False)),
        kinds=tuple(raw.get("kinds", ())),
        supersedes=tuple(raw.get("supersedes", ())),
        should_fail=tuple(raw.get("should_fail", ())),
        should_pass=tuple(raw.get("should_pass", ())),
    )
