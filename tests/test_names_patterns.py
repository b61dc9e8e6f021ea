"""The names' patterns find what a plain "not inside a word" search finds (factcheck/names.py).

The patterns put the name first and check the character before it afterwards, so the
regex engine searches for the name; this pins that they match exactly where a
lookbehind written first would.
"""

from __future__ import annotations

import random
import re

import pytest

from crisiscomms.factcheck.names import name_spans
from crisiscomms.facts import parse_incident


def _reference(needle: str, text: str) -> list[tuple[int, int]]:
    latin = lambda c: c.isascii() and c.isalnum()  # noqa: E731
    edge = r"(?<![a-z0-9])" if latin(needle[0]) else ""
    tail = r"(?![a-z0-9])" if latin(needle[-1]) else ""
    return [m.span() for m in re.finditer(edge + re.escape(needle) + tail, text)]


@pytest.mark.parametrize("name", ["ab", "a.b", "a b", "aba", "app", "9z", "x用", "用x", "a(b"])
def test_a_name_is_found_where_it_stands_on_its_own_and_nowhere_else(name: str) -> None:
    facts = parse_incident({
        "organization": {"en": name, "zh": "示例"},
        "service": {"en": "qqqq", "zh": "示例服务"},
        "timezone": "UTC",
        "started_at": "2026-03-29T01:00:00+00:00",
        "published_at": "2026-03-29T01:20:00+00:00",
    })  # fmt: skip
    pieces = [*"ab9z .用户x(", "app", "aba", name]
    rng = random.Random(name)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        found = [(start, end) for start, end, _ in name_spans(text, facts, "en")]
        assert found == _reference(name, text), text
