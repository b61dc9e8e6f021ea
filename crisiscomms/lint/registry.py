"""The registry of every rule id the library emits, read from ``data/registry.toml``.

Lint rules, the completeness checks, the drafting layer's ``missing-*``
findings, the fact checker's and the channels' ids: each has one entry with
its severity, a description, its messages and examples. Configuration and
suppression comments accept exactly these ids (and ``all``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, cast, get_args

from .. import rulecache
from ..errors import ConfigError
from ..findings import SEVERITIES, Severity

Source = Literal["lint", "lint-completeness", "drafting", "factcheck", "channels"]
_KEYS = {
    "severity",
    "source",
    "summary",
    "description",
    "message",
    "suggestion",
    "examples",
    "kinds",
}
#: What configs and comments may name besides a rule id: every rule.
ALL = "all"


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """What the registry says about one rule id."""

    id: str
    severity: Severity
    source: Source
    summary: dict[str, str]
    description: str
    messages: dict[str, str]
    suggestions: dict[str, str]
    bad: tuple[str, ...]
    good: tuple[str, ...]
    kinds: tuple[str, ...] = ()


def _data(name: str) -> str:
    return resources.files("crisiscomms.lint").joinpath("data", name).read_text(encoding="utf-8")


@cache
def registry() -> dict[str, RuleDoc]:
    """Return every rule id's entry, in registry order.

    Raises:
        ConfigError: when the data file is malformed (a packaging bug).

    Examples:
        >>> registry()["vague-time"].severity
        'warning'
        >>> registry()["vague-time"].messages["zh-Hant"][:6]
        '用模糊的詞代'
    """
    cached = rulecache.load("registry")
    if isinstance(cached, dict) and all(isinstance(doc, RuleDoc) for doc in cached.values()):
        return cached
    raw = tomllib.loads(_data("registry.toml"))
    hant = tomllib.loads(_data("registry.zh-Hant.toml"))
    entries = {
        rule_id: _entry(rule_id, table, hant.get(rule_id, {})) for rule_id, table in raw.items()
    }
    rulecache.store("registry", entries)
    return entries


def _entry(rule_id: str, table: dict[str, Any], hant: dict[str, Any]) -> RuleDoc:
    where = f"registry.toml [{rule_id}]"
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if table.get("severity") not in SEVERITIES or table.get("source") not in get_args(Source):
        raise ConfigError(f"{where}: bad severity or source")
    examples = table.get("examples", {})
    if not (examples.get("bad") and examples.get("good") and table.get("description")):
        raise ConfigError(f"{where}: needs a description and bad and good examples")
    messages = dict(table.get("message", {}))
    suggestions = dict(table.get("suggestion", {}))
    if "message" in hant:
        messages["zh-Hant"] = hant["message"]
    if "suggestion" in hant:
        suggestions["zh-Hant"] = hant["suggestion"]
    return RuleDoc(
        id=rule_id,
        severity=cast(Severity, table["severity"]),
        source=cast(Source, table["source"]),
        summary=dict(table.get("summary", {})),
        description=" ".join(str(table["description"]).split()),
        messages=messages,
        suggestions=suggestions,
        bad=tuple(examples["bad"]),
        good=tuple(examples["good"]),
        kinds=tuple(table.get("kinds", ())),
    )


def ids_from(*sources: Source) -> tuple[str, ...]:
    """Return the ids of the given sources, in registry order."""
    return tuple(r.id for r in registry().values() if r.source in sources)


def severity_of(rule_id: str, severities: Mapping[str, Severity], default: Severity) -> Severity:
    """Return a rule's severity under a team's overrides: its own, else ``all``'s, else its default.

    Examples:
        >>> severity_of("vague-time", {"all": "error"}, "warning")
        'error'
        >>> severity_of("vague-time", {"all": "error", "vague-time": "info"}, "warning")
        'info'
    """
    return severities.get(rule_id, severities.get(ALL, default))


def check_rule_id(rule_id: str, where: str) -> None:
    """Raise ConfigError unless ``rule_id`` is a registered id or ``all``.

    Examples:
        >>> check_rule_id("fact-mismatch", "config")
        >>> check_rule_id("vauge-time", "config")
        Traceback (most recent call last):
        ...
        crisiscomms.errors.ConfigError: config: unknown rule id 'vauge-time'
    """
    if rule_id != ALL and rule_id not in registry():
        raise ConfigError(f"{where}: unknown rule id {rule_id!r}")
