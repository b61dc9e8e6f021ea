"""The sandbox's fast paths decide exactly as its slow ones: same refusals, same calls.

Reading a data key and calling a macro or a registered function skip work on the
common case (crisiscomms.sandbox); these tests pin what the skipped work decided.
"""

from __future__ import annotations

from typing import Any

import pytest
from jinja2 import DictLoader, StrictUndefined, pass_context
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.runtime import Context

from crisiscomms import limits
from crisiscomms.sandbox import NoticeSandbox
from crisiscomms.view import Record


def _render(body: str, functions: tuple[Any, ...] = (), **data: Any) -> str:
    env = NoticeSandbox(
        functions=functions, loader=DictLoader({"t": body}), undefined=StrictUndefined
    )
    with limits.budget("t"):
        return env.get_template("t").render(**data)


@pytest.mark.parametrize("body", ["{{ r._hidden }}", "{{ r['_hidden'] }}", "{{ r.__class__ }}"])
def test_a_key_starting_with_an_underscore_is_never_read_even_when_the_data_has_it(
    body: str,
) -> None:
    record = Record({"_hidden": "secret", "shown": "ok"})
    with pytest.raises(SecurityError, match="is not a fact"):
        _render(body, r=record)
    assert _render("{{ r.shown }}", r=record) == "ok"


def test_a_missing_data_key_is_undefined_and_names_the_key() -> None:
    with pytest.raises(UndefinedError, match="no fact named 'absent'"):
        _render("{{ r.absent }}", r=Record({"shown": "ok"}))


def test_a_registered_function_that_asks_for_the_context_still_gets_it() -> None:
    @pass_context
    def lang_of(context: Context) -> str:
        return str(context["lang"])

    def shout(word: str, *, twice: bool = False) -> str:
        return word.upper() * (2 if twice else 1)

    assert _render("{{ lang_of() }}", (lang_of,), lang="zh") == "zh"
    assert _render("{{ shout('a', twice=true) }}", (shout,)) == "AA"


def test_a_macro_called_inside_a_loop_or_with_a_caller_works_as_in_jinja() -> None:
    body = (
        "{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}"
        "{% macro wrap() %}[{{ caller() }}]{% endmacro %}"
        "{% for i in range(2) %}{% set y = i %}{{ twice(y) }}{% endfor %}"
        "{% call wrap() %}in{% endcall %}"
    )
    assert _render(body) == "0011[in]"


def test_a_function_not_registered_is_refused_even_with_a_registered_ones_name() -> None:
    def placeholder(element: str) -> str:
        return element

    def impostor(element: str) -> str:
        return "escaped"

    with pytest.raises(SecurityError, match="calls only its macros"):
        _render("{{ f('x') }}", (placeholder,), f=impostor)
    assert _render("{{ placeholder('x') }}", (placeholder,)) == "x"
