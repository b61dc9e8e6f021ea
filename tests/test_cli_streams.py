"""Output that cannot be written, and failures that are bugs: never a traceback by default.

Exit 3 is an internal error (one line; ``--debug`` adds the traceback). A full
or closed standard output is exit 2 with one line; a reader that stopped
reading (``| head -1``) ends it without a message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

from crisiscomms.cli import main
from crisiscomms.errors import ExitStatus

EXAMPLE = str(ROOT / "examples" / "ecommerce-cooling-failure.yaml")

COMMANDS = [
    ["draft", "all", EXAMPLE],
    ["draft", "all", EXAMPLE, "--format", "json"],
    ["schema"],
    ["example"],
    ["example", "--list"],
    ["lint", EXAMPLE],
    ["lint", EXAMPLE, "--format", "json"],
    ["rules"],
    ["rules", "--format", "json"],
    ["explain", "vague-fix-no-timeline"],
    ["--help"],
    ["--version"],
    ["rules", "--help"],
]
IDS = ["draft", "draft-json", "schema", "example", "example-list", "lint", "lint-json"]
IDS += ["rules", "rules-json", "explain", "help", "version", "rules-help"]


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crisiscomms", *args],
        capture_output="stdout" not in kwargs,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=ROOT,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=IDS)
def test_a_full_stdout_is_one_line_and_exit_2(args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        result = _run(args, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == ExitStatus.BAD_INPUT, result.stderr
    assert result.stderr.strip().splitlines() == [
        "crisiscomms: error: cannot write to standard output: No space left on device"
    ]


@pytest.mark.parametrize("args", COMMANDS, ids=IDS)
def test_a_closed_stdout_is_one_line_and_exit_2(args: list[str]) -> None:
    code = (
        "import os, sys; os.close(1); sys.stdout = None;"
        "from crisiscomms.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == ExitStatus.BAD_INPUT, result.stderr
    assert (
        result.stderr.strip() == "crisiscomms: error: cannot write to standard output: it is closed"
    )


@pytest.mark.parametrize("args", COMMANDS, ids=IDS)
def test_a_reader_already_gone_ends_it_quietly(args: list[str]) -> None:
    # `crisiscomms rules | head -1` where head has exited before the first write.
    read, write = os.pipe()
    os.close(read)
    try:
        result = _run(args, stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert result.returncode == ExitStatus.BAD_INPUT, result.stderr
    assert result.stderr == ""


def test_a_reader_that_stops_reading_ends_it_quietly(tmp_path: Path) -> None:
    # Enough findings to fill any pipe buffer, so the write really meets a closed pipe.
    text = tmp_path / "notice.txt"
    text.write_text("目前正在紧急修复中，请耐心等待。\n" * 20_000, "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "crisiscomms", "lint", str(text)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=300) == ExitStatus.BAD_INPUT
    assert err == ""


def test_an_internal_error_is_exit_3_and_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import crisiscomms.drafting

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the templates are gone\nsecond line")

    monkeypatch.setattr(crisiscomms.drafting, "draft_all", broken)
    assert main(["draft", "all", EXAMPLE]) == ExitStatus.INTERNAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("crisiscomms: internal error: RuntimeError: the templates are gone")
    assert "--debug" in err


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_adds_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    import crisiscomms.drafting

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(crisiscomms.drafting, "draft_all", broken)
    args = ["draft", "all", EXAMPLE]
    args = ["--debug", *args] if where == "before" else [*args, "--debug"]
    assert main(args) == ExitStatus.INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" in err and "RecursionError" in err


def test_a_bug_in_a_real_process_has_no_traceback() -> None:
    code = (
        "import sys, crisiscomms.drafting as d;"
        "d.draft_all = lambda *a, **k: 1 / 0;"
        "from crisiscomms.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "draft", "all", EXAMPLE],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "ZeroDivisionError" in result.stderr
