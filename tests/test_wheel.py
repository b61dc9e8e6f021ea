"""The wheel really ships the templates and examples: build, install, draft, offline.

Builds the wheel from this checkout with the test environment's hatchling (no
build isolation, no index), installs it into a fresh virtual environment that
sees the test environment's dependencies (``--system-site-packages``), and
drafts from a folder outside the repository, so the source checkout cannot
stand in for missing package data. Takes a few seconds; part of the default run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from crisiscomms.kinds import KINDS

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH would let the checkout leak into the installed environment.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_NO_INDEX"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the bin/ folder of a fresh venv with the built wheel installed."""
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "--no-index", "-w", dist, ROOT, cwd=work,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("crisiscomms-*.whl")

    env_dir = work / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # --system-site-packages exposes the base interpreter's packages, not this test
    # environment's (itself a venv). Make the test environment's dependencies (and pip)
    # visible with a plain path line: .pth files inside that folder are not processed,
    # so the editable install pointing at the checkout stays out of the new venv.
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work)
    ours = sysconfig.get_paths()["purelib"]
    (Path(site.stdout.strip()) / "_test_env_deps.pth").write_text(ours + "\n", "utf-8")
    install = _run(
        python, "-m", "pip", "install", "--no-index", "--no-deps", wheel, cwd=work
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr
    return env_dir / "bin"


def _outside(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_installed_command_drafts_every_notice(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    example = ROOT / "examples" / "ecommerce-cooling-failure.yaml"
    result = _run(
        installed / "crisiscomms", "draft", "all", example, "--out", out, cwd=_outside(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.txt"))) == 2 * len(KINDS)
    assert "优品汇" in (out / "apology.zh.txt").read_text("utf-8")


def test_templates_and_examples_come_from_the_installed_package(
    installed: Path, tmp_path: Path
) -> None:
    probe = (
        "import crisiscomms, crisiscomms.resources as r, sysconfig;"
        "print(crisiscomms.__file__);"
        "print(r.templates_root());"
        "print(r.examples_root());"
        "print(sysconfig.get_paths()['purelib'])"
    )
    result = _run(installed / "python", "-c", probe, cwd=_outside(tmp_path))
    assert result.returncode == 0, result.stderr
    package, templates, examples, site = (Path(x) for x in result.stdout.split())
    for shipped in (package, templates, examples):
        assert shipped.is_relative_to(site), (shipped, site)
        assert not shipped.is_relative_to(ROOT)
    assert (templates / "zh" / "apology.txt.j2").is_file()
    assert (templates / "en" / "terms.toml").is_file()


def test_installed_example_command_drafts_cleanly(installed: Path, tmp_path: Path) -> None:
    here = _outside(tmp_path)
    example = _run(installed / "crisiscomms", "example", cwd=here)
    assert example.returncode == 0, example.stderr
    drafted = subprocess.run(
        [str(installed / "crisiscomms"), "draft", "all", "-", "--format", "json"],
        input=example.stdout,
        cwd=here,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert drafted.returncode == 0, drafted.stderr
    assert '"kind": "compensation_notice"' in drafted.stdout
