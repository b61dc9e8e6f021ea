"""Macro modules imported ``with context`` are kept only while they would be made the same.

A kept module is handed back only for the very same read-only inputs (the facts view,
the language, the functions); any other input, or one a template can vary (a loop),
makes the module again, so a draft reads as if every import ran afresh.
"""

from __future__ import annotations

from typing import Any

from jinja2 import DictLoader, StrictUndefined

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
