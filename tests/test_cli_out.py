"""``--out DIR``: every file or none, nothing replaced unless asked, the user's own modes."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from support import ROOT

from crisiscomms.cli import main
from crisiscomms.errors import ExitStatus
from crisiscomms.kinds import KINDS

EXAMPLE = str(ROOT / "examples" / "ecommerce-cooling-failure.yaml")
ALL = ["draft", "all", EXAMPLE, "--lang", "zh,en"]


def _listing(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), stat.S_IMODE(p.stat().st_mode)) for p in sorted(folder.iterdir())
    }


def test_new_files_get_the_mode_the_umask_gives(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert main([*ALL, "--out", str(tmp_path)]) == ExitStatus.CLEAN
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert modes == {0o644}
    assert len(list(tmp_path.iterdir())) == 2 * len(KINDS)


def test_existing_files_are_kept_and_named_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "apology.zh.txt"
    mine.write_text("hand-edited", "utf-8")
    mine.chmod(0o640)
    before = _listing(tmp_path)
    assert main([*ALL, "--out", str(tmp_path)]) == ExitStatus.BAD_INPUT
    err = capsys.readouterr().err
    assert "apology.zh.txt" in err and "--force" in err and "kept" in err
    assert _listing(tmp_path) == before  # nothing else written either


def test_force_replaces_and_keeps_the_mode_of_the_replaced_file(tmp_path: Path) -> None:
    mine = tmp_path / "apology.zh.txt"
    mine.write_text("hand-edited", "utf-8")
    mine.chmod(0o640)
    assert main([*ALL, "--out", str(tmp_path), "--force"]) == ExitStatus.CLEAN
    assert mine.read_text("utf-8").startswith("关于3月29日")
    assert stat.S_IMODE(mine.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("fail_at", [1, 4, 8])
def test_a_failed_move_puts_every_earlier_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> None:
    for name in ("first-statement.zh.txt", "apology.en.txt", "progress-update.zh.txt"):
        (tmp_path / name).write_text(f"old {name}", "utf-8")
        (tmp_path / name).chmod(0o600)
    before = _listing(tmp_path)
    real = Path.replace
    calls = 0

    def flaky(self: Path, target: Any) -> Path:
        nonlocal calls
        if str(self).endswith(".tmp"):
            calls += 1
            if calls == fail_at:
                raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", flaky)
    assert main([*ALL, "--out", str(tmp_path), "--force"]) == ExitStatus.BAD_INPUT
    assert _listing(tmp_path) == before  # the same names, bytes and modes; no leftovers


def test_a_failed_write_leaves_no_folder_it_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_room(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_room)
    out = tmp_path / "new" / "deeper"
    assert main([*ALL, "--out", str(out)]) == ExitStatus.BAD_INPUT
    assert list(tmp_path.iterdir()) == []


def test_an_empty_out_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ALL, "--out", ""]) == ExitStatus.BAD_INPUT
    captured = capsys.readouterr()
    assert "--out" in captured.err and captured.out == ""


def test_a_folder_in_the_way_of_a_file_is_refused_even_with_force(tmp_path: Path) -> None:
    (tmp_path / "apology.en.txt").mkdir()
    assert main([*ALL, "--out", str(tmp_path), "--force"]) == ExitStatus.BAD_INPUT
    assert [p.name for p in tmp_path.iterdir()] == ["apology.en.txt"]


def test_findings_still_write_every_file(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(
        '{"organization": {"zh": "示例", "en": "Ex"}, "service": {"zh": "示例", "en": "Ex"},'
        ' "timezone": "UTC", "started_at": "2026-03-29T20:00:00Z",'
        ' "published_at": "2026-03-29T20:30:00Z"}',
        "utf-8",
    )
    out = tmp_path / "out"
    assert main(["draft", "first-statement", str(facts), "--out", str(out)]) == 1
    assert len(list(out.iterdir())) == 2
