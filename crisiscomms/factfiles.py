"""Read incident facts from YAML, JSON or TOML files (or stdin), with errors that name the line.

Every format is read the same careful way: a regular file or stdin only, at most
:data:`~crisiscomms.inputs.MAX_FACTS_BYTES`, UTF-8 with or without a byte-order
mark, no key given twice, nesting at most :data:`~crisiscomms.inputs.MAX_DEPTH`
deep. Invalid facts name their field and the line it is on, in every format.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .facts import FactsError, Incident, format_loc, parse_incident
from .inputs import MAX_DEPTH, MAX_FACTS_BYTES, check_shape, decode, display_name, read_input
from .locate import Loc, json_locations, toml_locations


@dataclass(frozen=True)
class FactsFile:
    """Facts read from a file, and what is needed to point back into it."""

    name: str
    text: str
    incident: Incident

    def explain(self, error: FactsError) -> FactsError:
        """Return ``error`` naming this file and the line of each problem.

        For problems found after reading, such as a fact with no text in a language
        a draft was asked in.
        """
        return _located(error, self.text, self.name)


def read_facts(source: str) -> Incident:
    """Read and validate the facts in file ``source`` (``-`` for stdin).

    The format follows the file's extension (``.json``, ``.toml``, otherwise
    YAML, which also reads JSON).

    Raises:
        InputError: the file cannot be read or parsed; the message names the file and line.
        FactsError: the facts are invalid; every problem names its field and line.
    """
    return load_facts(source).incident


def load_facts(source: str) -> FactsFile:
    """Like :func:`read_facts`, keeping the text so later errors can name lines too."""
    name = display_name(source)
    text = decode(read_input(source, MAX_FACTS_BYTES), name)
    data = parse_text(text, name)
    try:
        incident = parse_incident(data, source=name)
    except FactsError as error:
        raise _located(error, text, name) from None
    return FactsFile(name, text, incident)


def _located(error: FactsError, text: str, name: str) -> FactsError:
    locs = [p.loc for p in error.problems]
    suffix = _suffix(name)
    if suffix == ".json":
        found = json_locations(text)
        lines = {loc: line for loc in locs if (line := found.line_of(loc)) is not None}
    elif suffix == ".toml":
        found = toml_locations(text)
        lines = {loc: line for loc in locs if (line := found.line_of(loc)) is not None}
    else:
        lines = yaml_lines(text, locs)
    return FactsError(error.problems, name, lines)


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def parse_text(text: str, name: str) -> Any:
    """Parse facts text by the name's extension; errors name the file and line."""
    text = text.removeprefix("\ufeff")
    suffix = _suffix(name)
    try:
        if suffix == ".json":
            data = _parse_json(text, name)
        elif suffix == ".toml":
            data = _parse_toml(text, name)
        else:
            data = _parse_yaml(text, name)
    except RecursionError:
        raise InputError(f"{name}: nested too deeply") from None
    check_shape(data, name)
    return data


def _duplicate(name: str, loc: Loc, first: int, again: int) -> InputError:
    lines = f"twice on line {first}" if first == again else f"on line {first} and {again}"
    return InputError(
        f"{name}:{again}: duplicate key {format_loc(loc)}, given {lines}; give each key once"
    )


class _Repeated(Exception):
    """A key given twice; the locator then finds both lines."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Repeated
    return out


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a JSON number")


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{name}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
        ) from None
    except _Repeated:
        for loc, first, again in json_locations(text).duplicates:
            raise _duplicate(name, loc, first, again) from None
        raise InputError(f"{name}: invalid JSON: a key is given twice") from None
    except ValueError as error:  # a constant such as NaN, an integer with 5,000 digits
        raise InputError(f"{name}: invalid JSON: {error}") from None


_TOML_AT = r"\(at line (\d+), column (\d+)\)"  # in tomllib's messages; searched on error only


def _parse_toml(text: str, name: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if "overwrite" in message or "twice" in message:
            for loc, first, again in toml_locations(text).duplicates:
                raise _duplicate(name, loc, first, again) from None
        at = re.search(_TOML_AT, message)
        where = f"{name}:{at.group(1)}:{at.group(2)}" if at else name
        raise InputError(f"{where}: invalid TOML: {message}") from None
    except ValueError as error:
        raise InputError(f"{name}: invalid TOML: {error}") from None


def yaml_lines(text: str, locs: list[tuple[str | int, ...]]) -> dict[tuple[str | int, ...], int]:
    r"""Return the 1-based line in YAML ``text`` where each field path is, or its nearest parent.

    Examples:
        >>> yaml_lines("impact:\n  affected:\n    count: -5\n", [("impact", "affected", "count")])
        {('impact', 'affected', 'count'): 3}
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
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
        if part == 0:  # one plan written without its list is validated as plans[0]
            return None, node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None


def _parse_yaml(text: str, name: str) -> Any:
    import yaml  # imported here: only YAML input pays for it

    # libyaml before 0.2.6 (in PyYAML wheels before 6.0.3) has no nesting limit and
    # overflows its C stack on deep input; text that might nest deeply goes to the
    # pure-Python loader, whose RecursionError is caught as "nested too deeply".
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = (fast if _nesting_bound(text) <= 2 * MAX_DEPTH else yaml.SafeLoader)(text)
    root = None
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        for loc, first, again in _yaml_repeats(root):
            raise _duplicate(name, loc, first, again)
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise InputError(f"{where}: invalid YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise InputError(f"{name}: invalid YAML: {error}") from None
    except ValueError as error:  # e.g. an integer with 5,000 digits, or hour 25 in a time
        mark = _unreadable_scalar(loader, root)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise InputError(f"{where}: invalid YAML: {error}") from None
    finally:
        loader.dispose()


def _unreadable_scalar(loader: Any, root: Any) -> Any:
    """Return where the first scalar that cannot be read as its type starts (or None).

    PyYAML raises a bare ValueError for ``2024-07-08T25:00:00+08:00``; each scalar is
    read again on its own to find the line (only after such an error).
    """
    import yaml

    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue  # an alias, perhaps of a collection that holds itself
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            construct = loader.yaml_constructors.get(node.tag)
            try:
                if construct is not None:
                    construct(loader, node)
            except ValueError:
                return node.start_mark
        elif isinstance(node, yaml.MappingNode):
            stack += [part for pair in reversed(node.value) for part in reversed(pair)]
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)
    return None


def _nesting_bound(text: str) -> int:
    r"""An upper bound on how deeply YAML ``text`` nests (generous, never too low).

    A block collection nests at most two levels per column of indentation; on one line,
    each ``-``, ``?`` or ``:`` may open one more; flow brackets open one each.

    Examples:
        >>> _nesting_bound("a:\n  b: [1, {c: 2}]\n")
        10
    """
    worst = flow = 0
    for line in text.split("\n"):
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        opens = content.count("[") + content.count("{")
        inline = content.count("-") + content.count("?") + content.count(":")
        worst = max(worst, 2 * (indent + 1) + inline + flow + opens)
        flow = max(0, flow + opens - content.count("]") - content.count("}"))
    return worst


def _yaml_repeats(root: Any) -> list[tuple[Loc, int, int]]:
    """Every key given twice in one mapping, with both lines; each node is visited once."""
    import yaml

    repeats: list[tuple[Loc, int, int]] = []
    seen_nodes: set[int] = set()
    stack: list[tuple[Any, Loc]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if id(node) in seen_nodes:
            continue  # an alias: its node was checked where it was defined
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[tuple[str, str], int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    line = key.start_mark.line + 1
                    if (key.tag, key.value) in keys:
                        repeats.append(((*loc, key.value), keys[key.tag, key.value], line))
                    keys.setdefault((key.tag, key.value), line)
                    stack.append((value, (*loc, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, i)) for i, item in enumerate(node.value))
    return sorted(repeats, key=lambda r: r[2])
