"""Channel limits: the figures in ``channels.toml``, with a caller's overrides on top.

The shipped file cites a source for every figure. A caller overrides any of them with a
nested mapping (or another TOML file of the same shape); a key the shipped file does not
have, or a value of the wrong type, is refused so a typo never silently keeps the default.

Examples:
    >>> limits = load_limits({"sms": {"max_parts": 2}})
    >>> limits.number("sms.max_parts"), limits.number("sms.gsm7.single")
    (2, 160)
    >>> load_limits({"sms": {"max_prats": 2}})
    Traceback (most recent call last):
    ...
    ValueError: unknown channel limit 'sms.max_prats'
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..findings import SEVERITIES, Severity

DATA_FILE = Path(__file__).resolve().parent / "channels.toml"


@cache
def _shipped() -> dict[str, Any]:
    with DATA_FILE.open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True, slots=True, eq=False)
class Limits:
    """Read-only view of the merged limits, with typed accessors by dotted key."""

    data: Mapping[str, Any]

    def get(self, key: str) -> Any:
        """Return the raw value at dotted ``key`` (``KeyError`` when absent)."""
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise KeyError(key)
            node = node[part]
        return node

    def number(self, key: str) -> int:
        """Return an integer limit; 0 means "no limit" where the data file says so."""
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"channel limit {key!r} is not an integer: {value!r}")
        return value

    def string(self, key: str) -> str:
        """Return a string setting."""
        value = self.get(key)
        if not isinstance(value, str):
            raise TypeError(f"channel limit {key!r} is not a string: {value!r}")
        return value

    def severity(self, key: str) -> Severity:
        """Return a severity setting (``info``, ``warning`` or ``error``)."""
        value = self.string(key)
        for severity in SEVERITIES:
            if value == severity:
                return severity
        raise ValueError(f"channel limit {key!r} is not a severity: {value!r}")

    def source(self, section: str) -> str:
        """Return the cited source of a section, e.g. ``sms.gsm7``."""
        try:
            return self.string(f"{section}.source")
        except KeyError:
            return ""


def load_limits(
    overrides: Mapping[str, Any] | None = None, *, path: str | Path | None = None
) -> Limits:
    """Return the shipped limits, with a TOML file's and then ``overrides``' values on top.

    Raises:
        ValueError: an override names a key the shipped file does not have, or gives a value
            of another type (an integer where a string is expected, a negative limit, ...).
    """
    merged = _copy(_shipped())
    if path is not None:
        with Path(path).open("rb") as handle:
            _merge(merged, tomllib.load(handle), "")
    if overrides:
        _merge(merged, overrides, "")
    return Limits(merged)


@cache
def default_limits() -> Limits:
    """Return the shipped limits (cached)."""
    return Limits(_copy(_shipped()))


def _copy(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _copy(v) if isinstance(v, Mapping) else v for k, v in data.items()}


def _merge(into: dict[str, Any], extra: Mapping[str, Any], prefix: str) -> None:
    for key, value in extra.items():
        dotted = f"{prefix}{key}"
        if key not in into:
            raise ValueError(f"unknown channel limit {dotted!r}")
        current = into[key]
        if isinstance(current, dict):
            if not isinstance(value, Mapping):
                raise ValueError(f"channel limit {dotted!r} is a table, got {value!r}")
            _merge(current, value, dotted + ".")
            continue
        if isinstance(value, Mapping) or type(value) is not type(current):
            raise ValueError(
                f"channel limit {dotted!r} must be {type(current).__name__}, got {value!r}"
            )
        if isinstance(value, int) and value < 0:
            raise ValueError(f"channel limit {dotted!r} must not be negative, got {value}")
        if key.endswith("severity") and value not in SEVERITIES:
            raise ValueError(f"channel limit {dotted!r} must be one of {SEVERITIES}, got {value!r}")
        into[key] = value
