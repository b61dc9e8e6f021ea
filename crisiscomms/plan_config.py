"""The communication plan's figures: the shipped defaults, and what an organisation changes.

The defaults are data (``crisiscomms/plan.toml``). An organisation changes them in the
``[plan]`` table of its ``.crisiscomms.toml`` (or ``[tool.crisiscomms.plan]`` in
``pyproject.toml``), found from the facts file's folder upwards, or given with ``--config``.
Every key is checked; an error names the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args

from .errors import ConfigError, TemplateError
from .factparts import Severity
from .kinds import KINDS, NoticeKind

SEVERITIES: tuple[str, ...] = get_args(Severity)
_KEYS = ("first-statement-minutes", "update-every-minutes", "updates-ahead", "kind-channels")
_MINUTES = (1, 1440)
_AHEAD = (1, 24)


@cache
def plan_data() -> dict[str, Any]:
    """Return the shipped plan data (``crisiscomms/plan.toml``)."""
    path = Path(__file__).with_name("plan.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateError(f"{path}: {error}") from None


def known_channels() -> tuple[str, ...]:
    """Return the channel names a plan may use (``notice``, ``statuspage``, ``sms``…)."""
    return tuple(plan_data()["channels"])


@dataclass(frozen=True)
class PlanConfig:
    """How fast and where an organisation publishes.

    Args:
        first_statement_minutes: severity -> minutes after detection for the first statement.
        update_every_minutes: severity -> minutes between progress updates.
        updates_ahead: how many progress updates a plan lists after ``published_at``.
        kind_channels: notice kind -> the channels it goes out on, in order.

    Examples:
        >>> config = PlanConfig.defaults()
        >>> config.update_every_minutes["P0"], config.update_every_minutes["P1"]
        (30, 60)
    """

    first_statement_minutes: Mapping[str, int]
    update_every_minutes: Mapping[str, int]
    updates_ahead: int
    kind_channels: Mapping[NoticeKind, tuple[str, ...]]

    @classmethod
    def defaults(cls) -> PlanConfig:
        """Return the shipped defaults."""
        return _defaults()


@cache
def _defaults() -> PlanConfig:
    data = plan_data()
    try:
        return _from_table(
            {
                "first-statement-minutes": data["first-statement-minutes"],
                "update-every-minutes": data["update-every-minutes"],
                "updates-ahead": data["defaults"]["updates-ahead"],
                "kind-channels": data["kind-channels"],
            },
            None,
        )
    except (KeyError, ConfigError) as error:
        raise TemplateError(f"crisiscomms/plan.toml: {error}") from None


def plan_config_from_table(table: Any, base: PlanConfig | None = None) -> PlanConfig:
    """Return ``base`` (the defaults) changed by a ``[plan]`` table; check every key.

    Raises:
        ConfigError: an unknown key, severity, kind or channel, or a value out of range;
            the message names the key (``[plan] update-every-minutes.P0: ...``).

    Examples:
        >>> plan_config_from_table({"update-every-minutes": {"P0": 20}}).update_every_minutes["P0"]
        20
        >>> try:
        ...     plan_config_from_table({"update-every-minutes": {"P0": 0}})
        ... except ConfigError as error:
        ...     print(str(error)[:38])
        [plan] update-every-minutes.P0: must b
    """
    return _from_table(table, base or PlanConfig.defaults())


def _from_table(table: Any, base: PlanConfig | None) -> PlanConfig:
    if not isinstance(table, Mapping):
        raise ConfigError("[plan] must be a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"[plan] unknown key {unknown[0]!r}; known keys: {', '.join(_KEYS)}")
    first = _per_severity(table, "first-statement-minutes", base)
    every = _per_severity(table, "update-every-minutes", base)
    ahead = table.get("updates-ahead", base.updates_ahead if base else None)
    _whole(ahead, "updates-ahead", _AHEAD, "a whole number")
    channels = dict(base.kind_channels) if base else {}
    given = table.get("kind-channels", {})
    if not isinstance(given, Mapping):
        raise ConfigError("[plan] kind-channels: must be a table of kind = [channels]")
    for kind, names in given.items():
        if kind not in KINDS:
            raise ConfigError(
                f"[plan] kind-channels.{kind}: not a notice kind; known: {', '.join(KINDS)}"
            )
        channels[kind] = _channel_list(names, f"kind-channels.{kind}")
    missing = [k for k in KINDS if k not in channels]
    if missing:
        raise ConfigError(f"[plan] kind-channels.{missing[0]}: no channels given")
    return PlanConfig(first, every, int(ahead), channels)


def _per_severity(table: Mapping[str, Any], key: str, base: PlanConfig | None) -> dict[str, int]:
    values: dict[str, int] = {}
    if base is not None:
        attr = key.replace("-", "_")
        values.update(getattr(base, attr))
    given = table.get(key, {})
    if not isinstance(given, Mapping):
        raise ConfigError(f"[plan] {key}: must be a table of severity = minutes (P0 = 30)")
    for severity, minutes in given.items():
        if severity not in SEVERITIES:
            raise ConfigError(
                f"[plan] {key}.{severity}: not a severity; use {', '.join(SEVERITIES)}"
            )
        _whole(minutes, f"{key}.{severity}", _MINUTES, "a whole number of minutes")
        values[severity] = minutes
    for severity in SEVERITIES:
        if severity not in values:
            raise ConfigError(f"[plan] {key}.{severity}: missing")
    return values


def _whole(value: Any, key: str, bounds: tuple[int, int], what: str) -> None:
    low, high = bounds
    if type(value) is not int or not low <= value <= high:
        raise ConfigError(f"[plan] {key}: must be {what} from {low} to {high}, not {value!r}")


def _channel_list(names: Any, key: str) -> tuple[str, ...]:
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"[plan] {key}: must be a list of channel names")
    for name in names:
        if name not in known_channels():
            raise ConfigError(
                f"[plan] {key}: unknown channel {name!r}; known: {', '.join(known_channels())}"
            )
    if len(set(names)) != len(names):
        raise ConfigError(f"[plan] {key}: a channel is listed twice")
    return tuple(names)


def load_plan_config(path: str | Path) -> PlanConfig:
    """Read the ``[plan]`` table of a ``.crisiscomms.toml`` (or ``pyproject.toml``).

    Raises:
        ConfigError: the file cannot be read, or a key is wrong; the message names the file.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the plan configuration: {error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("crisiscomms", {}).get("plan", {})
    else:
        table = data.get("plan", {})
    try:
        return plan_config_from_table(table)
    except ConfigError as error:
        raise ConfigError(f"{path}: {error}") from None


def find_plan_config(start_dir: str | Path) -> Path | None:
    """Return the nearest ``.crisiscomms.toml``, or ``pyproject.toml`` with a plan table."""
    from .lint.config import find_config

    return find_config(start_dir, table="plan")
