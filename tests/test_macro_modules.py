"""Macro modules imported ``with context`` are kept only while they would be made the same.

A kept module is handed back only for the very same read-only inputs (the facts view,
the language, the functions); any other input, or one a template can vary (a loop),
makes the module again, so a draft reads as if every import ran afresh.
"""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import DictLoader, StrictUndefined
from jinja2.exceptions import UndefinedError

from crisiscomms import limits
from crisiscomms.sandbox import NoticeSandbox
from crisiscomms.view import Record

MACROS = "{% set greeting = 'hi ' ~ who.name %}{% macro name() %}{{ who.name }}{% endmacro %}"


def _environment(templates: dict[str, str], *functions: Any) -> NoticeSandbox:
    return NoticeSandbox(functions, loader=DictLoader(templates), undefined=StrictUndefined)


def _render(env: NoticeSandbox, name: str, **data: Any) -> str:
    with limits.budget(name):
        return env.get_template(name).render(**data)


def test_a_module_is_made_once_for_the_same_facts_and_again_for_other_facts() -> None:
    made: list[str] = []

    def note(what: str) -> str:
        made.append(what)
        return ""

    env = _environment(
        {
            "m": MACROS + "{{ note('made') }}",
            "t": "{% import 'm' as m with context %}{{ m.name() }}",
        },
        note,
    )
    ann, bob = Record({"name": "Ann"}), Record({"name": "Bob"})
    assert _render(env, "t", who=ann) == "Ann"
    assert _render(env, "t", who=ann) == "Ann"
    assert len(made) == 1
    assert _render(env, "t", who=bob) == "Bob"
    assert _render(env, "t", who=Record({"name": "Ann"})) == "Ann"  # equal, not the same
    assert len(made) == 3


def test_a_module_imported_inside_a_loop_is_made_for_each_pass() -> None:
    env = _environment(
        {
            "m": "{% set here = pass.index ~ x %}{% macro at() %}{{ here }}{% endmacro %}",
            "t": "{% for x in items %}{% set pass = loop %}"
            "{% import 'm' as m with context %}{{ m.at() }}{% endfor %}",
        }
    )
    assert _render(env, "t", items=("a", "a", "a")) == "1a2a3a"


def test_a_module_handed_a_value_that_prints_otherwise_is_made_again() -> None:
    env = _environment(
        {
            "m": "{% macro show() %}{{ n }}{% endmacro %}",
            "t": "{% import 'm' as m with context %}{{ m.show() }}",
        }
    )
    assert _render(env, "t", n=0.0) == "0.0"
    assert _render(env, "t", n=-0.0) == "-0.0"
    assert _render(env, "t", n=1) == "1"
    assert _render(env, "t", n=True) == "True"


def _counting(body: str) -> tuple[NoticeSandbox, list[str]]:
    written: list[str] = []

    def note(what: Any) -> str:
        written.append(str(what))
        return ""

    macros = (
        "{% macro say(x, y='-') %}{{ note(x) }}{{ x }}{{ y }}{% endmacro %}"
        "{% macro first(xs) %}{{ note('first') }}{{ xs[0] }}{% endmacro %}"
    )
    return _environment({"m": macros, "t": body}, note), written


def test_a_kept_macro_writes_once_per_set_of_plain_arguments() -> None:
    env, written = _counting(
        "{% import 'm' as m with context %}"
        "{{ m.say('a') }}{{ m.say('a') }}{{ m.say('a', y='+') }}{{ m.say(1) }}{{ m.say(true) }}"
    )
    assert _render(env, "t", who=Record({})) == "a-a-a+1-True-"
    assert written == ["a", "a", "1", "True"]  # 1 and true are equal, but print apart
    assert _render(env, "t", who=Record({})) == "a-a-a+1-True-"
    assert len(written) == 8  # other facts: written again


def test_a_macro_given_facts_or_defined_in_the_notice_itself_is_called_each_time() -> None:
    env, written = _counting(
        "{% import 'm' as m with context %}{% macro own() %}{{ note('own') }}{% endmacro %}"
        "{{ m.say(who.name) }}{{ m.first(who.names) }}{{ m.first(who.names) }}"
        "{{ own() }}{{ own() }}"
    )
    who = Record({"name": "Ann", "names": ("Bo", "Cy")})
    assert _render(env, "t", who=who) == "Ann-BoBo"
    assert _render(env, "t", who=who) == "Ann-BoBo"
    assert written.count("own") == 4
    assert written.count("first") == 4
    assert written.count("Ann") == 1  # text read from the facts is plain text: kept


def test_a_macro_that_fails_is_not_kept() -> None:
    env = _environment(
        {
            "m": "{% macro at(i) %}{{ items[i] }}{% endmacro %}",
            "t": "{% import 'm' as m with context %}{{ m.at(0) }}",
        }
    )
    with pytest.raises(UndefinedError):
        _render(env, "t", items=())
    assert _render(env, "t", items=("a",)) == "a"
