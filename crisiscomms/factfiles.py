"""Read incident facts from YAML, JSON or TOML files (or stdin), with errors that name the line."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from .errors import InputError
from .facts import FactsError, Incident, parse_incident


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
    data = parse_text(text, name)
    try:
        return parse_incident(data, source=name)
    except FactsError as error:
        if _is_yaml(name):
            raise error.with_lines(yaml_lines(text, [p.loc for p in error.problems])) from None
        raise


def _is_yaml(name: str) -> bool:
    return Path(name).suffix.lower() not in (".json", ".toml")


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


def yaml_lines(text: str, locs: list[tuple[str | int, ...]]) -> dict[tuple[str | int, ...], int]:
    r"""Return the 1-based line in YAML ``text`` where each field path is, or its nearest parent.

    Examples:
        >>> yaml_lines("impact:\n  affected:\n    count: -5\n", [("impact", "affected", "count")])
        {('impact', 'affected', 'count'): 3}
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    found: dict[tuple[str | int, ...], int] = {}
    for loc in locs:
        node, line = root, None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
            line = (key_node or node).start_mark.line + 1
        if line is not None:
            found[loc] = line
    return found


def _child(node: Any, part: str | int) -> tuple[Any, Any] | None:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None


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
