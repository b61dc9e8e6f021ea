"""Read incident facts from YAML, JSON or TOML files (or stdin), with errors that name the line."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from .errors import InputError
from .facts import Incident, parse_incident


def read_facts(source: str) -> Incident:
    """Read and validate the facts in file ``source`` (``-`` for stdin).

    The format follows the file's extension (``.json``, ``.toml``, otherwise
    YAML, which also reads JSON).

    Raises:
        InputError: the file cannot be read or parsed; the message names the file and line.
        FactsError: the facts are invalid; every problem names its field.
    """
    name = "<stdin>" if source == "-" else source
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror}") from None
    return parse_incident(parse_text(text, name), source=name)


def parse_text(text: str, name: str) -> Any:
    """Parse facts text by the name's extension; errors name the file and line."""
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{name}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
            ) from None
    if suffix == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise InputError(f"{name}: invalid TOML: {error}") from None
    return _parse_yaml(text, name)


def _parse_yaml(text: str, name: str) -> Any:
    import yaml  # imported here: only YAML input pays for it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise InputError(f"{where}: invalid YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise InputError(f"{name}: invalid YAML: {error}") from None
