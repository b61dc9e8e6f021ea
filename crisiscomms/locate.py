"""Find the line of each field in a JSON or TOML facts file, and every key given twice.

The parsers in the standard library give values without positions; these small
scanners read the same text once more to tell a person *where* a field is. They
assume text the parser has accepted (or nearly: a TOML file with a repeated key),
and they are approximate only in what they cannot see (a key inside a one-line
inline table is placed on that line, which is where a person looks for it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

Loc = tuple[str | int, ...]


@dataclass
class Located:
    """Where each field path starts (1-based line), and the keys given more than once."""

    lines: dict[Loc, int] = field(default_factory=dict)
    duplicates: list[tuple[Loc, int, int]] = field(default_factory=list)
    """(path, line of the first, line of the repeat)."""

    def add(self, loc: Loc, line: int) -> None:
        if loc in self.lines:
            self.duplicates.append((loc, self.lines[loc], line))
        else:
            self.lines[loc] = line

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest parent that has one."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


#: JSON's tokens: a string, a punctuation mark or line feed, a bare word or number.
#: Compiled when first used (a facts file with no error in it needs no locations).
_JSON_TOKEN = r'"(?:[^"\\\n]|\\.)*"|[{}\[\],:\n]|[^\s{}\[\],:"]+'


def json_locations(text: str) -> Located:
    r"""Locate every key and list item in JSON ``text``.

    Examples:
        >>> found = json_locations('{"a": 1,\n "b": [\n  {"c": 2}],\n "a": 3}')
        >>> found.lines[("b", 0, "c")], found.duplicates
        (3, [(('a',), 1, 4)])
    """
    found = Located()
    line = 1
    # Each frame: [path, key or list index, whether the next string is a key].
    stack: list[list[object]] = []
    for match in _compiled(_JSON_TOKEN).finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
            continue
        top = stack[-1] if stack else None
        if token in ":":
            continue
        if token == ",":
            if top is not None and isinstance(top[1], int):
                top[1] += 1
            elif top is not None:
                top[2] = True
            continue
        if token in "}]":
            if stack:
                stack.pop()
            continue
        if top is not None and top[2] is True and token.startswith('"'):
            key = json.loads(token)
            top[1], top[2] = key, False
            found.add((*_loc(top[0]), key), line)
            continue
        # A value starts here.
        path: Loc = ()
        if top is not None:
            path = (*_loc(top[0]), _part(top[1]))
            if isinstance(top[1], int):
                found.add(path, line)
        if token == "{":
            stack.append([path, None, True])
        elif token == "[":
            stack.append([path, 0, False])
    return found


def _loc(value: object) -> Loc:
    assert isinstance(value, tuple)
    return value


def _part(value: object) -> str | int:
    assert isinstance(value, str | int)
    return value


_TOML_KEY = r'\s*(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+))\s*'


def _toml_key(text: str) -> tuple[list[str], str] | None:
    """Split a dotted key at the start of ``text``; return its parts and the rest."""
    parts: list[str] = []
    rest = text
    while True:
        match = _compiled(_TOML_KEY).match(rest)
        if match is None:
            return None
        quoted, literal, bare = match.groups()
        parts.append(json.loads(f'"{quoted}"') if quoted is not None else (literal or bare or ""))
        rest = rest[match.end() :]
        if not rest.startswith("."):
            return parts, rest
        rest = rest[1:]


def toml_locations(text: str) -> Located:
    """Locate every table, key and array-of-tables entry in TOML ``text``.

    Examples:
        >>> found = toml_locations('a = 1\\n[[plan]]\\nx = 1\\n[[plan]]\\nx = 2\\na = 2\\n')
        >>> found.lines[("plan", 1, "x")], found.duplicates
        (5, [])
        >>> toml_locations('a = 1\\n[t]\\nb = 1\\n[t]\\n').duplicates
        [(('t',), 2, 4)]
    """
    found = Located()
    table: Loc = ()
    entries: dict[Loc, int] = {}  # array of tables -> how many entries so far
    lines = text.split("\n")
    skip_until: str | None = None  # the closing of a multi-line string
    depth = 0  # bracket depth of a multi-line array
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if skip_until is not None:
            if raw.count(skip_until) % 2 == 1:
                skip_until = None
            continue
        if depth > 0:
            depth = max(0, depth + _brackets(raw))
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[["):
            key = _toml_key(stripped[2:])
            if key is not None:
                base = (*_resolve(tuple(key[0][:-1]), entries), key[0][-1])
                index = entries.get(base, 0)
                entries[base] = index + 1
                found.lines.setdefault(base, number)
                table = (*base, index)
                found.add(table, number)
            continue
        if stripped.startswith("["):
            key = _toml_key(stripped[1:])
            if key is not None:
                table = _resolve(tuple(key[0]), entries)
                found.add(table, number)
            continue
        key = _toml_key(raw)
        if key is None or not key[1].startswith("="):
            continue
        for end in range(1, len(key[0])):  # a dotted key also places its parents
            found.lines.setdefault((*table, *key[0][:end]), number)
        found.add((*table, *key[0]), number)
        value = key[1][1:].lstrip()
        for quote in ('"""', "'''"):
            if value.startswith(quote) and value.count(quote) == 1:
                skip_until = quote
        if value.startswith("["):
            depth = max(0, _brackets(value))
    return found


def _resolve(path: Loc, entries: dict[Loc, int]) -> Loc:
    """Put the current index after each prefix that is an array of tables."""
    out: Loc = ()
    for part in path:
        out = (*out, part)
        if out in entries:
            out = (*out, entries[out] - 1)
    return out


def _brackets(text: str) -> int:
    """Open minus closed square brackets, outside strings and comments (roughly)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", text).split("#", 1)[0]
    return text.count("[") - text.count("]")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
