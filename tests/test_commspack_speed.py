"""What the speed work keeps: the same drafts from cached views, formatters and compiled templates.

Times are measured in benchmarks/, never here.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from support import ROOT

from crisiscomms import compiledcache, templating
from crisiscomms.cli import main
from crisiscomms.commspack import documents
from crisiscomms.drafting import draft
from crisiscomms.errors import ExitStatus
from crisiscomms.factcheck.factvalues import fact_values
from crisiscomms.factfiles import read_facts
from crisiscomms.formatting import Formatter

EXAMPLE = ROOT / "examples" / "ecommerce-cooling-failure.yaml"


def _forget() -> None:
    for cached in (templating.environment, templating.get_template,
                   documents.document_environment, documents.document_template,
                   compiledcache._cache_in):  # fmt: skip
        cached.cache_clear()


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CRISISCOMMS_CACHE_DIR", str(folder))
    _forget()
    yield folder
    compiledcache.use_compiled_cache(False)
    _forget()


def test_the_command_keeps_compiled_templates_and_drafts_the_same(
    cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["draft", "first-statement", str(EXAMPLE), "--lang", "zh"]
    assert main(args) == ExitStatus.CLEAN
    first = capsys.readouterr().out
    kept = sorted((cache_dir / "templates").iterdir())
    assert kept, "nothing was kept"
    assert stat.S_IMODE((cache_dir / "templates").stat().st_mode) & 0o077 == 0
    _forget()  # a new process: templates come from the folder
    assert main(args) == ExitStatus.CLEAN
    assert capsys.readouterr().out == first
    assert sorted((cache_dir / "templates").iterdir()) == kept


def test_a_folder_others_may_write_is_not_used(cache_dir: Path) -> None:
    (cache_dir / "templates").mkdir(parents=True)
    (cache_dir / "templates").chmod(0o777)
    compiledcache.use_compiled_cache()
    assert compiledcache.compiled_cache(templating.ENV_OPTIONS) is None


def test_a_broken_cache_file_only_means_compiling_again(
    cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["draft", "apology", str(EXAMPLE), "--lang", "en"]
    assert main(args) == ExitStatus.CLEAN
    first = capsys.readouterr().out
    for kept in (cache_dir / "templates").iterdir():
        kept.write_bytes(b"not a cache")
    _forget()
    assert main(args) == ExitStatus.CLEAN
    assert capsys.readouterr().out == first


def test_the_library_compiles_in_memory_unless_told() -> None:
    assert compiledcache.compiled_cache(templating.ENV_OPTIONS) is None


def test_views_and_values_are_kept_per_incident_object() -> None:
    incident = read_facts(str(EXAMPLE))
    assert templating.facts_view(incident) is templating.facts_view(incident)
    assert fact_values(incident) is fact_values(incident)
    again = read_facts(str(EXAMPLE))  # equal facts, another object: its own view
    assert templating.facts_view(again) is not templating.facts_view(incident)
    assert draft(again, "apology", "zh").text == draft(incident, "apology", "zh").text


def test_a_remembering_formatter_formats_as_the_plain_one() -> None:
    reference = datetime(2026, 3, 29, 5, tzinfo=UTC)
    for lang in ("zh", "en"):
        plain = Formatter(lang, "Asia/Shanghai", reference)
        kept = templating._formatter(lang, "Asia/Shanghai", reference)
        for amount in (Decimal("10"), Decimal("10.50"), Decimal("10.5"), Decimal("10.00")):
            assert kept.money(amount, "CNY") == plain.money(amount, "CNY")
            assert kept.money(amount, "CNY") == plain.money(amount, "CNY")  # from memory
        moment = datetime(2026, 3, 28, 17, tzinfo=UTC)
        assert kept.datetime(moment) == plain.datetime(moment)
        assert kept.count(8_000_000) == plain.count(8_000_000)
        assert kept.join(["a", "b", "c"]) == plain.join(["a", "b", "c"])
