"""No custom template reaches the machine, and the table proves it would notice if one did.

Every row of :data:`sandbox_attempts.ATTEMPTS` runs as a real template pack
through :func:`crisiscomms.draft` and must end with a one-line
``TemplateError`` naming the template, with no file created and no secret in
the output or the message. The meta-tests then run the same rows in weakened
settings (no sandbox, Jinja's stock sandbox, a model instead of the view) and
require a large share of them to escape: a table that stayed green there would
prove nothing.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from sandbox_attempts import ATTEMPTS, TABLE_LIMITS, Attempt
from support import ROOT, run_cli

from crisiscomms import draft, limits
from crisiscomms.errors import TemplateError
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import Incident
from crisiscomms.filters import our_filters
from crisiscomms.resources import templates_root
from crisiscomms.templating import placeholder, render_with
from crisiscomms.view import view_of

EXAMPLE = ROOT / "examples" / "ecommerce-cooling-failure.yaml"
TEMPLATE_ID = "en/first_statement"


@pytest.fixture(scope="module")
def incident() -> Incident:
    return read_facts(str(EXAMPLE))


@pytest.fixture(autouse=True)
def table_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "LIMITS", TABLE_LIMITS)


@dataclass
class Trap:
    """A folder with a secret file to steal and a canary path to create."""

    folder: Path
    secret: Path
    token: str
    canary: Path

    def body(self, attempt: Attempt) -> str:
        return attempt.body.replace("@CANARY@", str(self.canary)).replace(
            "@SECRET@", str(self.secret)
        )

    def files(self) -> set[Path]:
        return set(self.folder.rglob("*"))


@pytest.fixture
def trap(tmp_path: Path) -> Trap:
    token = secrets.token_hex(16)
    secret = tmp_path / "secret.json"
    secret.write_text(f'{{"zh": "{token}", "en": "{token}"}}', encoding="utf-8")
    return Trap(tmp_path, secret, token, tmp_path / "pwned")


@dataclass
class Outcome:
    text: str | None
    error: BaseException | None


def escaped(outcome: Outcome, trap: Trap, before: set[Path]) -> list[str]:
    """Return how an attempt got through: rendered, left a file, or leaked the secret."""
    how = []
    if outcome.error is None:
        how.append("rendered without an error")
    if trap.canary.exists():
        how.append("created the canary file")
    if trap.files() - before:
        how.append(f"created {sorted(map(str, trap.files() - before))}")
    shown = (outcome.text or "") + str(outcome.error or "")
    if trap.token in shown:
        how.append("leaked the secret")
    return how


def write_pack(trap: Trap, attempt: Attempt) -> Path:
    pack = trap.folder / "pack"
    (pack / "en").mkdir(parents=True, exist_ok=True)
    (pack / "en" / "first_statement.txt.j2").write_text(trap.body(attempt), encoding="utf-8")
    return pack


def attempt_in_pack(trap: Trap, attempt: Attempt, incident: Incident) -> Outcome:
    pack = write_pack(trap, attempt)
    try:
        return Outcome(draft(incident, "first_statement", "en", templates=pack).text, None)
    except TemplateError as error:
        return Outcome(None, error)


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=[a.id for a in ATTEMPTS])
def test_escape_attempt_ends_in_a_clear_error_and_touches_nothing(
    attempt: Attempt, trap: Trap, incident: Incident
) -> None:
    write_pack(trap, attempt)
    before = trap.files()
    outcome = attempt_in_pack(trap, attempt, incident)
    assert escaped(outcome, trap, before) == []
    message = str(outcome.error)
    assert "\n" not in message and len(message) < 600
    assert "first_statement" in message, message


def test_the_table_is_large_enough() -> None:
    assert len(ATTEMPTS) >= 40


# -- the same table in weakened settings must turn red --------------------------------


def _weak_env(cls: type[jinja2.Environment], body: str) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader(
        [
            jinja2.DictLoader({f"{TEMPLATE_ID}.txt.j2": body}),
            jinja2.FileSystemLoader(str(templates_root())),
        ]
    )
    env = cls(loader=loader, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(our_filters())
    env.globals["placeholder"] = placeholder
    return env


Setting = Callable[[str, Incident], Outcome]


def _weakened(cls: type[jinja2.Environment], give_model: bool) -> Setting:
    def run(body: str, incident: Incident) -> Outcome:
        facts: Any = incident if give_model else view_of(incident, "incident")
        try:
            compiled = _weak_env(cls, body).get_template(f"{TEMPLATE_ID}.txt.j2")
            return Outcome(render_with(compiled, TEMPLATE_ID, facts, incident, "en"), None)
        except Exception as error:
            return Outcome(None, error)

    return run


WEAKENED: dict[str, Setting] = {
    # (a) no sandbox at all: the view alone does not stop Python's object graph.
    "plain-environment": _weakened(jinja2.Environment, give_model=False),
    # (b) Jinja's stock mutable sandbox: no allowlist, no size or time bounds.
    "stock-mutable-sandbox": _weakened(SandboxedEnvironment, give_model=False),
    # (c) the model handed to templates instead of the view, in the sandbox main had.
    "model-instead-of-view": _weakened(ImmutableSandboxedEnvironment, give_model=True),
}

#: How much of the table must escape in each weakened setting. Measured with 102 rows:
#: 63 / 29 / 43 escape; the rest still fail there because another layer (the view, the
#: stock sandbox's dunder rule) stops them, which is the point of having layers.
MUST_ESCAPE = {
    "plain-environment": 0.5,
    "stock-mutable-sandbox": 0.25,
    "model-instead-of-view": 0.35,
}
#: Attempts that must do real harm there: create the canary file or leak the secret.
MUST_HARM = {
    "plain-environment": {"builtins-open-secret", "cycler-globals-os", "lipsum-popen"},
    "stock-mutable-sandbox": set(),
    "model-instead-of-view": {"pydantic-parse-raw-pickle", "pydantic-parse-file"},
}


def _run_table(
    setting: Setting, incident: Incident, tmp_path: Path
) -> Iterator[tuple[str, list[str]]]:
    for i, attempt in enumerate(ATTEMPTS):
        token = secrets.token_hex(16)
        folder = tmp_path / str(i)
        folder.mkdir(parents=True)
        secret = folder / "secret.json"
        secret.write_text(f'{{"zh": "{token}", "en": "{token}"}}', encoding="utf-8")
        trap = Trap(folder, secret, token, folder / "pwned")
        before = trap.files()
        outcome = setting(trap.body(attempt), incident)
        yield attempt.id, escaped(outcome, trap, before)


@pytest.mark.parametrize("name", list(WEAKENED))
def test_the_table_turns_red_when_the_sandbox_is_weakened(
    name: str, incident: Incident, tmp_path: Path
) -> None:
    results = dict(_run_table(WEAKENED[name], incident, tmp_path))
    escapes = {k: v for k, v in results.items() if v}
    harm = {k: v for k, v in escapes.items() if v != ["rendered without an error"]}
    share = len(escapes) / len(results)
    print(f"{name}: {len(escapes)}/{len(results)} escape, {len(harm)} do harm: {sorted(harm)}")
    assert share >= MUST_ESCAPE[name], sorted(escapes)
    assert MUST_HARM[name] <= set(harm), harm


def test_the_table_stays_green_in_the_real_setting_run_the_same_way(
    incident: Incident, tmp_path: Path
) -> None:
    # The meta-tests' harness itself must not be what makes attempts escape.
    from crisiscomms.packs import read_pack
    from crisiscomms.templating import environment

    def real(body: str, incident: Incident) -> Outcome:
        pack = tmp_path / f"pack{secrets.token_hex(4)}"
        (pack / "en").mkdir(parents=True)
        (pack / "en" / "first_statement.txt.j2").write_text(body, encoding="utf-8")
        try:
            compiled = environment(read_pack(str(pack))).get_template(f"{TEMPLATE_ID}.txt.j2")
            facts = view_of(incident, "incident")
            return Outcome(render_with(compiled, TEMPLATE_ID, facts, incident, "en"), None)
        except Exception as error:  # compiled here, not through draft(): Jinja's own errors
            return Outcome(None, error)

    results = dict(_run_table(real, incident, tmp_path / "runs"))
    assert {k: v for k, v in results.items() if v} == {}


# -- real-size bombs with the default limits ---------------------------------------------

BOMBS = {
    "loop-10-to-the-10": "{% for i in range(100000) %}{% for j in range(100000) %}"
    "{% endfor %}{% endfor %}",
    "build-100-mb": "{% set a = 'x' * 1000000 %}{{ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a }}"
    "{% for i in range(100) %}{{ a }}{% endfor %}",
    "recursion-2-to-the-40": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"
    "{% endmacro %}{{ f(40) }}",
    "repr-2-to-the-40": "{% set a = [1, 1] %}" + "{% set a = [a, a] %}" * 40 + "{{ a }}",
}


@pytest.mark.parametrize("body", list(BOMBS.values()), ids=list(BOMBS))
def test_real_size_bombs_stop_with_the_default_limits(
    body: str, tmp_path: Path, incident: Incident, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "LIMITS", limits.RenderLimits())
    trap = Trap(tmp_path, tmp_path / "none", "-", tmp_path / "none")
    outcome = attempt_in_pack(trap, Attempt("bomb", body), incident)
    assert isinstance(outcome.error, TemplateError)
    assert TEMPLATE_ID in str(outcome.error)


def test_the_time_limit_stops_a_loop_of_slow_filter_calls(
    tmp_path: Path, incident: Incident, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "LIMITS", limits.RenderLimits(seconds=0.2, steps=10**12))
    body = (
        "{% set s = range(50000)|list %}"
        "{% for i in range(100000) %}{{ (s|sort)|length }}{% endfor %}"
    )
    trap = Trap(tmp_path, tmp_path / "none", "-", tmp_path / "none")
    outcome = attempt_in_pack(trap, Attempt("slow", body), incident)
    assert isinstance(outcome.error, TemplateError)
    assert "more than 0.2 s of processor time" in str(outcome.error)


def test_a_runaway_draft_in_one_thread_leaves_the_others_alone(
    tmp_path: Path, incident: Incident
) -> None:
    trap = Trap(tmp_path, tmp_path / "none", "-", tmp_path / "none")
    results: dict[str, object] = {}

    def bomb() -> None:
        results["bomb"] = attempt_in_pack(
            trap, Attempt("bomb", BOMBS["loop-10-to-the-10"]), incident
        )

    def normal(i: int) -> None:
        results[f"normal{i}"] = draft(incident, "apology", "zh").text

    threads = [threading.Thread(target=bomb)] + [
        threading.Thread(target=normal, args=(i,)) for i in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    bombed = results.pop("bomb")
    assert isinstance(bombed, Outcome) and isinstance(bombed.error, TemplateError)
    assert len(set(results.values())) == 1  # four identical, complete drafts


# -- through the command line ------------------------------------------------------------

CLI_ATTEMPTS = ["pydantic-parse-raw-pickle", "pydantic-parse-file", "lipsum-popen", "attr-format"]


@pytest.mark.parametrize("attempt_id", CLI_ATTEMPTS)
def test_escape_attempt_through_the_cli_is_bad_input_on_one_line(
    attempt_id: str, trap: Trap
) -> None:
    attempt = next(a for a in ATTEMPTS if a.id == attempt_id)
    pack = write_pack(trap, attempt)
    example = str(ROOT / "examples" / "login-outage.yaml")
    result = run_cli("draft", "first-statement", example, "--lang", "en", "--templates", str(pack))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "en/first_statement" in result.stderr
    assert "Traceback" not in result.stderr
    assert trap.token not in result.stderr
    assert not trap.canary.exists()


# -- each layer holds on its own -----------------------------------------------------------


def test_the_sandbox_reads_nothing_of_a_model_handed_in_by_mistake(incident: Incident) -> None:
    # The allowlist reads data keys of views only, so a model instead of the view fails
    # closed (every template stops) rather than exposing parse_raw and friends.
    from crisiscomms.templating import get_template

    template = get_template("first_statement", "en")
    with pytest.raises(TemplateError, match="not data"):
        render_with(template.compiled, template.id, incident, incident, "en")


def test_every_loop_and_macro_body_is_charged_a_step() -> None:
    # The step count relies on Jinja's code generator calling blockvisit for every body;
    # if a Jinja release stops doing so, this fails instead of the bombs hanging.
    from crisiscomms.templating import environment

    source = environment().compile(
        "{% macro m() %}x{% endmacro %}{% for i in range(2) %}{% endfor %}{{ 'a' ~ 'b' ~ i }}",
        raw=True,
    )
    assert isinstance(source, str)
    assert source.count("environment.tick()") >= 3  # template, macro, loop bodies
    assert "environment.join_text((" in source and "str_join((" not in source
