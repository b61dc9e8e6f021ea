"""The facts view is built generically from any pydantic model and holds plain data only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from pydantic import BaseModel, computed_field

from crisiscomms.facts import Text
from crisiscomms.view import Record, TextView, Value, view_of


class Colour(Enum):
    RED = "red"


class Leaf(BaseModel):
    items: list[int] = [1, 2]
    when: datetime = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)


class Tree(BaseModel):
    name: Text = Text(zh="树", en="tree")
    leaves: list[Leaf] = [Leaf()]
    amount: Decimal = Decimal("9.90")
    span: timedelta = timedelta(minutes=5)
    colour: Colour = Colour.RED
    extra: dict[str, int] = {"a": 1}
    tags: frozenset[str] = frozenset({"b", "a"})

    @computed_field  # type: ignore[prop-decorator]
    @property
    def size(self) -> int:
        return len(self.leaves)


PLAIN = (Record, TextView, Value, tuple, str, int, float, bool, type(None))


def _walk(value: Any) -> list[Any]:
    if isinstance(value, Record):
        return [value, *(x for key in value._data for x in _walk(value[key]))]
    if isinstance(value, tuple):
        return [value, *(x for item in value for x in _walk(item))]
    return [value]


def test_any_model_becomes_plain_read_only_data_whatever_its_field_names() -> None:
    view = view_of(Tree())
    assert all(type(v) in PLAIN for v in _walk(view))
    assert isinstance(view.name, TextView) and view.name.en == "tree"
    leaf = view.leaves[0]
    assert leaf.items == (1, 2)  # a data key named like a mapping method is the data
    assert isinstance(leaf.when, Value) and str(leaf.when) == "2026-03-29T12:00:00+00:00"
    assert view.amount.raw == Decimal("9.90") and view.span.raw == timedelta(minutes=5)
    assert view.colour == "red" and view.extra.a == 1 and view.tags == ("a", "b")
    assert view.size == 1  # computed fields are data too
    with pytest.raises(AttributeError):
        view.name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        _ = view.parse_raw


def test_a_field_of_an_unknown_type_fails_closed_naming_the_field() -> None:
    class Odd(BaseModel):
        model_config = {"arbitrary_types_allowed": True}
        fine: int = 1
        handle: list[object] = [1, object()]

    with pytest.raises(TypeError, match=r"incident\.handle\[1\]"):
        view_of(Odd(), "incident")
