"""Lint configuration: which rules run, at which severity, with which extra phrases.

Read from ``[tool.crisiscomms.lint]`` in ``pyproject.toml`` or ``[lint]`` in
``.crisiscomms.toml``, found from the linted file's directory upwards, or
given explicitly.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..errors import ConfigError
from ..findings import SEVERITIES, Severity
from .registry import check_rule_id
from .ruleids import WORDING_RULES

#: Languages extra phrases may be given in (zh-Hant phrases are folded like the text).
EXTRA_LANGS = ("zh", "zh-Hant", "en")

_KEYS = {"disable", "severity", "extra-phrases"}


@dataclass(frozen=True, slots=True)
class LintConfig:
    """What a team changed about the default rules.

    Args:
        disable: rule ids that never report (any id of the registry; ``all`` for all).
        severity: rule id (or ``all``) -> ``info`` | ``warning`` | ``error``.
        extra_phrases: language -> rule id -> extra trigger phrases (the
            rule files' ``{a|b}`` notation works here too).

    Examples:
        >>> LintConfig(disable=frozenset({"vague-scope"})).disable
        frozenset({'vague-scope'})
    """

    disable: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    extra_phrases: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Reject unknown rule ids, severities and languages at once."""
        for rule_id in (*self.disable, *self.severity):
            _check_rule(rule_id, "config")
        for rule_id, level in self.severity.items():
            if level not in SEVERITIES:
                raise ConfigError(f"config: severity of {rule_id!r} must be one of {SEVERITIES}")
        for lang, table in self.extra_phrases.items():
            if lang not in EXTRA_LANGS:
                raise ConfigError(f"config: extra-phrases language {lang!r} not in {EXTRA_LANGS}")
            for rule_id in table:
                _check_rule(rule_id, f"config extra-phrases.{lang}")
                if rule_id not in WORDING_RULES:
                    raise ConfigError(f"config: {rule_id!r} takes no extra phrases")


def _check_rule(rule_id: str, where: str) -> None:
    check_rule_id(rule_id, where)


def load_config(path: str | Path) -> LintConfig:
    """Read a lint configuration from a ``pyproject.toml`` or ``.crisiscomms.toml``.

    Args:
        path: the file; in ``pyproject.toml`` the table is ``[tool.crisiscomms.lint]``,
            anywhere else ``[lint]``.

    Returns:
        The configuration (the defaults when the table is absent).

    Raises:
        ConfigError: naming the file for unreadable TOML, unknown keys or rule ids.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read lint config: {exc}") from exc
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("crisiscomms", {}).get("lint", {})
    else:
        table = data.get("lint", {})
    try:
        return _from_table(table)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def _from_table(table: Any) -> LintConfig:
    if not isinstance(table, dict):
        raise ConfigError("the lint table must be a table")
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(sorted(unknown))}; known: {sorted(_KEYS)}")
    disable = table.get("disable", [])
    severity = table.get("severity", {})
    extra = table.get("extra-phrases", {})
    if not (isinstance(disable, list) and all(isinstance(x, str) for x in disable)):
        raise ConfigError("disable must be a list of rule ids")
    if not isinstance(severity, dict) or not isinstance(extra, dict):
        raise ConfigError("severity and extra-phrases must be tables")
    phrases: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, rules in extra.items():
        if not isinstance(rules, dict):
            raise ConfigError(f"extra-phrases.{lang} must be a table of rule id = [phrases]")
        for rule_id, items in rules.items():
            if not (isinstance(items, list) and all(isinstance(x, str) and x for x in items)):
                raise ConfigError(f"extra-phrases.{lang}.{rule_id} must be a list of phrases")
            phrases.setdefault(lang, {})[rule_id] = tuple(items)
    return LintConfig(
        disable=frozenset(disable),
        severity=cast(dict[str, Severity], dict(severity)),
        extra_phrases=phrases,
    )


def find_config(start_dir: str | Path, table: str = "lint") -> Path | None:
    """Return the nearest ``.crisiscomms.toml`` or ``pyproject.toml`` with a ``table``.

    Searches ``start_dir`` and then each parent; a ``pyproject.toml`` without
    ``[tool.crisiscomms.<table>]`` (``lint``, ``plan``) is passed over.
    """
    directory = Path(start_dir).resolve()
    for folder in (directory, *directory.parents):
        dotfile = folder / ".crisiscomms.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject, table):
            return pyproject
    return None


def _has_table(pyproject: Path, table: str) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # Someone else's broken pyproject is not our config.
    return table in data.get("tool", {}).get("crisiscomms", {})
