"""What the rule cache keeps: the same checked rules, read only from the user's own folder.

Times are measured in benchmarks/bench_coldstart.py, never here.
"""

from __future__ import annotations

import os
import pickle
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ROOT

from crisiscomms import rulecache
from crisiscomms.cli import main
from crisiscomms.errors import ExitStatus
from crisiscomms.lint import catalog, registry
from crisiscomms.lint.rules import RuleSet, parse_rules, read_rule_file
from crisiscomms.text.normalize import _tables

EXAMPLE = ROOT / "examples" / "ecommerce-cooling-failure.yaml"


def _forget() -> None:
    for cached in (catalog.ruleset, catalog._scanner):
        cached.cache_clear()


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CRISISCOMMS_CACHE_DIR", str(folder))
    _forget()
    rulecache.use_rule_cache()
    yield folder
    rulecache.use_rule_cache(False)
    _forget()


def _entries(cache_dir: Path, name: str = "rules") -> list[Path]:
    return sorted((cache_dir / "rules").glob(f"{name}-*.pickle"))


def test_kept_rules_equal_the_parsed_rules(cache_dir: Path) -> None:
    parsed = parse_rules(read_rule_file("zh"), "rules/zh.toml")
    assert catalog.ruleset("zh") == parsed  # parsed, checked and kept
    assert [p.name.split("-")[:2] for p in _entries(cache_dir)] == [["rules", "zh"]]
    assert stat.S_IMODE((cache_dir / "rules").stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(_entries(cache_dir)[0].stat().st_mode) & 0o077 == 0
    _forget()
    rulecache.use_rule_cache()
    kept = catalog.ruleset("zh")  # a new process: read back
    assert kept == parsed
    assert kept is not parsed


def test_the_kept_registry_equals_the_read_one(cache_dir: Path) -> None:
    read = registry.registry()
    registry.registry.cache_clear()
    try:
        assert registry.registry() == read  # read again, and kept
        assert len(_entries(cache_dir, "registry")) == 1
        registry.registry.cache_clear()
        kept = registry.registry()
        assert kept == read
        assert kept is not read
    finally:
        registry.registry.cache_clear()


def test_the_kept_normalizing_tables_equal_the_built_ones(cache_dir: Path) -> None:
    tables = _tables
    tables.cache_clear()
    try:
        built = tables()
        assert len(_entries(cache_dir, "normalize")) == 1
        tables.cache_clear()
        kept = tables()  # a new process: read back
        assert kept == built
        assert kept is not built
    finally:
        tables.cache_clear()


def test_the_command_drafts_the_same_with_kept_rules(
    cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["draft", "first-statement", str(EXAMPLE), "--lang", "zh,en"]
    assert main(args) == ExitStatus.CLEAN
    first = capsys.readouterr()
    assert len(_entries(cache_dir)) == 2
    _forget()
    assert main(args) == ExitStatus.CLEAN
    assert capsys.readouterr() == first


def test_an_entry_in_a_folder_others_may_write_is_not_read(cache_dir: Path) -> None:
    catalog.ruleset("en")
    (cache_dir / "rules").chmod(0o777)
    _forget()
    rulecache.use_rule_cache()
    assert rulecache.load("rules-en") is None


def test_an_entry_others_may_write_is_not_read(cache_dir: Path) -> None:
    catalog.ruleset("en")
    [entry] = _entries(cache_dir)
    entry.chmod(0o666)
    assert rulecache.load("rules-en") is None
    entry.chmod(0o600)
    assert isinstance(rulecache.load("rules-en"), RuleSet)


def test_a_link_is_not_followed(cache_dir: Path) -> None:
    catalog.ruleset("en")
    [entry] = _entries(cache_dir)
    target = cache_dir / "elsewhere.pickle"
    entry.rename(target)
    entry.symlink_to(target)
    assert rulecache.load("rules-en") is None


def test_a_broken_or_foreign_entry_only_means_parsing_again(cache_dir: Path) -> None:
    parsed = catalog.ruleset("en")
    [entry] = _entries(cache_dir)
    entry.write_bytes(b"not a pickle")
    _forget()
    rulecache.use_rule_cache()
    assert catalog.ruleset("en") == parsed
    entry.write_bytes(pickle.dumps({"not": "rules"}))
    _forget()
    rulecache.use_rule_cache()
    assert catalog.ruleset("en") == parsed
    assert isinstance(rulecache.load("rules-en"), RuleSet)  # written again


def test_an_unwritable_folder_is_no_error(cache_dir: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    (cache_dir / "rules").mkdir(parents=True)
    (cache_dir / "rules").chmod(0o500)
    assert catalog.ruleset("en").lang == "en"
    assert _entries(cache_dir) == []


def test_off_and_the_library_keep_nothing(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRISISCOMMS_CACHE_DIR", "off")
    _forget()
    rulecache.use_rule_cache()
    catalog.ruleset("en")
    assert not (cache_dir / "rules").exists()
    monkeypatch.setenv("CRISISCOMMS_CACHE_DIR", str(cache_dir))
    _forget()
    rulecache.use_rule_cache(False)  # what a library caller gets
    catalog.ruleset("en")
    assert not (cache_dir / "rules").exists()


def test_entries_of_other_fingerprints_are_pruned_to_a_few(cache_dir: Path) -> None:
    catalog.ruleset("en")
    folder = cache_dir / "rules"
    for n in range(12):
        old = folder / f"rules-en-old{n:02d}.pickle"
        old.write_bytes(b"")
        os.utime(old, (n, n))
    _forget()
    rulecache.use_rule_cache()
    rulecache.store("rules-en", catalog.ruleset("en"))
    names = {p.name for p in _entries(cache_dir)}
    assert len(names) == rulecache._KEEP
    assert any(name.startswith(f"rules-en-{rulecache._fingerprint()}") for name in names)
