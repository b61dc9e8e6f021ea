"""What keeps the command line's start short: what is imported when, and the same results.

Times are measured in benchmarks/bench_coldstart.py, never here.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic._internal._docs_extraction import extract_docstrings_from_cls

import crisiscomms
from crisiscomms import factbase
from crisiscomms.facts import Incident, incident_json_schema


def _imported_after(code: str) -> set[str]:
    probe = f"{code}; import sys; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_importing_the_package_loads_no_model_template_or_rule() -> None:
    loaded = _imported_after("import crisiscomms")
    # Only the few lines that import the public names when first used (lazynames).
    assert {m for m in loaded if m.startswith("crisiscomms.")} <= {"crisiscomms.lazynames"}
    assert "pydantic" not in loaded and "jinja2" not in loaded


@pytest.mark.parametrize("command", ["draft", "pack", "example", "plan", "schema", "mcp"])
def test_a_command_of_the_cli_parses_without_the_other_commands_packages(command: str) -> None:
    loaded = _imported_after(f"import crisiscomms.cli as c; c._parser({command!r})")
    heavy = {"crisiscomms.lint", "crisiscomms.journal", "crisiscomms.facts", "pydantic", "yaml"}
    assert not heavy & loaded


def test_a_one_language_draft_loads_no_fact_checker() -> None:
    """The checker (claims, quantities, fact values) is read only to compare zh with en."""
    example = Path(__file__).resolve().parents[1] / "examples" / "ecommerce-cooling-failure.yaml"
    argv = ["draft", "first-statement", str(example), "--lang", "zh"]
    code = (
        "import io, sys; from crisiscomms.cli import main; "
        f"out, sys.stdout = sys.stdout, io.StringIO(); main({argv!r}); sys.stdout = out"
    )
    loaded = _imported_after(code)
    assert "crisiscomms.drafting" in loaded and "crisiscomms.lint.engine" in loaded
    checker = {"checking", "claims", "factvalues", "quantities", "mismatches", "parity"}
    assert not {f"crisiscomms.factcheck.{name}" for name in checker} & loaded


def test_the_full_parser_still_has_every_command() -> None:
    from crisiscomms.cli import _parser

    full = _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"draft", "pack", "lint", "journal", "example", "plan", "schema", "mcp"} <= set(full)


def test_the_public_names_are_the_modules_own() -> None:
    from crisiscomms.drafting import draft
    from crisiscomms.lint import lint

    assert crisiscomms.draft is draft
    assert crisiscomms.lint is lint  # the function, though the subpackage is loaded
    assert crisiscomms.Incident is Incident
    with pytest.raises(AttributeError):
        _ = crisiscomms.no_such_name  # type: ignore[attr-defined]


def test_fields_are_described_as_pydantic_would_describe_them() -> None:
    incident_json_schema()  # describes every fact model's fields
    assert factbase._FACT_MODELS
    for model in factbase._FACT_MODELS:
        expected: dict[str, str] = {}
        for klass in reversed(model.__mro__):
            if klass in factbase._FACT_MODELS:
                own = extract_docstrings_from_cls(klass, use_inspect=True)
                annotated = inspect.get_annotations(klass)
                expected |= {name: doc for name, doc in own.items() if name in annotated}
        described = {n: f.description for n, f in model.model_fields.items() if f.description}
        assert described == {n: d for n, d in expected.items() if n in model.model_fields}, model


def test_the_schema_describes_fields_when_asked_for_first_in_a_process() -> None:
    code = (
        "import json; from crisiscomms.facts import Incident; "
        "print(json.dumps(Incident.model_json_schema(), ensure_ascii=False))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    schema = json.loads(done.stdout)
    assert schema["properties"]["timezone"]["description"].startswith("IANA time zone")
    assert (
        schema["$defs"]["Text"]["properties"]
        == Incident.model_json_schema()["$defs"]["Text"]["properties"]
    )


def test_a_fact_model_defined_after_a_schema_was_asked_for_is_described_too() -> None:
    incident_json_schema()

    class Later(factbase.FactModel):
        note: str | None = None
        """A note written after the others."""

    assert Later.model_json_schema()["properties"]["note"]["description"] == (
        "A note written after the others."
    )


_ARGV = {"draft": ["draft", "all", "facts.yaml"], "schema": ["schema"], "plan": ["plan", "x"]}


@pytest.mark.parametrize(
    ("command", "collecting"), [("draft", False), ("schema", False), ("plan", True), ("mcp", True)]
)
def test_only_a_one_job_command_runs_without_the_cycle_collector(
    command: str, collecting: bool
) -> None:
    """``run`` (the process's entry) pauses the collector for a job bounded by its input."""
    argv = ["crisiscomms", *_ARGV.get(command, [command])]
    code = (
        "import gc, sys; import crisiscomms.cli as c; seen = []\n"
        f"c._run_{command} = lambda args: seen.append(gc.isenabled()) or 0\n"
        f"sys.argv = {argv!r}; status = c.run(); print(seen, status, gc.isenabled())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [f"[{collecting}]", "0", str(collecting)]


def test_the_process_entries_are_run() -> None:
    """``python -m crisiscomms`` and the installed script both start through ``run``."""
    root = Path(__file__).resolve().parents[1]
    assert "sys.exit(run())" in (root / "crisiscomms" / "__main__.py").read_text("utf-8")
    assert 'crisiscomms = "crisiscomms.cli:run"' in (root / "pyproject.toml").read_text("utf-8")
