"""Invalid facts: the real CLI names the field (or file and line), exits 2, writes nothing.

Each case runs ``python -m crisiscomms draft all FACTS --out DIR`` in a
subprocess, as a user would, so that nothing between the parser and the exit
code can swallow the field path or leak a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import run_cli

from crisiscomms.facts import FactsError, format_loc, parse_incident

VALID: dict[str, Any] = {
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例App", "en": "the Example app"},
    "timezone": "Asia/Shanghai",
    "started_at": "2026-03-29T20:00:00+08:00",
    "published_at": "2026-03-29T20:30:00+08:00",
    "next_update_at": "2026-03-29T21:00:00+08:00",
    "impact": {"symptoms": {"zh": "无法登录", "en": "log-in failures"}},
}


def _with(**changes: Any) -> dict[str, Any]:
    facts = json.loads(json.dumps(VALID))
    for key, value in changes.items():
        if value is None:
            facts.pop(key, None)
        else:
            facts[key] = value
    return facts


def _voucher(**item: Any) -> list[dict[str, Any]]:
    return [{"items": [{"kind": "voucher", "amount": 10, "currency": "CNY", **item}]}]


# (case id, facts written as YAML, the path the error must name)
FIELD_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("typo-in-key", _with(next_udpate_at="2026-03-29T21:00:00+08:00"), "next_udpate_at"),
    ("naive-started-at", _with(started_at="2026-03-29T20:00:00"), "started_at"),
    (
        "resolved-before-started",
        _with(status="resolved", resolved_at="2026-03-29T19:00:00+08:00"),
        "resolved_at",
    ),
    (
        "negative-count",
        _with(impact={"affected": {"count": -5, "precision": "exact"}}),
        "impact.affected.count",
    ),
    (
        "unknown-currency",
        _with(compensation=_voucher(currency="XYZ")),
        "compensation[0].items[0].currency",
    ),
    ("eta-before-publication", _with(eta="2026-03-29T20:10:00+08:00"), "eta"),
    ("unknown-timezone", _with(timezone="Asia/Atlantis"), "timezone"),
    ("unknown-audience", _with(audiences=["users", "aliens"]), "audiences[1]"),
    ("missing-service", _with(service=None), "service"),
    (
        "estimate-without-count",
        _with(impact={"affected": {"precision": "estimate"}}),
        "impact.affected",
    ),
    ("text-with-no-language", _with(workaround={}), "workaround"),
    (
        "voucher-without-amount",
        _with(compensation=[{"items": [{"kind": "voucher", "currency": "CNY"}]}]),
        "compensation[0].items[0]",
    ),
    (
        "membership-days-without-days",
        _with(compensation=[{"items": [{"kind": "membership_days"}]}]),
        "compensation[0].items[0]",
    ),
    (
        "next-update-before-publication",
        _with(next_update_at="2026-03-29T20:00:00+08:00"),
        "next_update_at",
    ),
    (
        "compensation-for-an-audience-not-affected",
        _with(compensation=[{**_voucher()[0], "audience": "merchants"}]),
        "compensation[0].audience",
    ),
    ("resolved-without-time", _with(status="resolved"), "resolved_at"),
    ("unknown-status", _with(status="fixed"), "status"),
]


def assert_bad_input(result: Any, out: Path, *needles: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)
    # All or nothing: no draft and no staged temporary file left behind.
    assert not out.exists() or list(out.iterdir()) == []
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("facts", "path"), [(f, p) for _, f, p in FIELD_CASES], ids=[c for c, _, _ in FIELD_CASES]
)
def test_invalid_fact_is_named_by_its_field_path(
    tmp_path: Path, facts: dict[str, Any], path: str
) -> None:
    source = tmp_path / "facts.yaml"
    source.write_text(yaml.safe_dump(facts, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    result = run_cli("draft", "all", str(source), "--out", str(out))
    # The path is followed by ':' so that "eta" is not matched inside another word.
    assert_bad_input(result, out, str(source), f"{path}:")


FILE_CASES = [
    # (id, file name, bytes, what stderr must name)
    ("yaml-syntax", "facts.yaml", b"organization: {zh: x\nservice: [\n", ["facts.yaml:", "YAML"]),
    ("yaml-bad-indent", "facts.yaml", b"a: 1\n b: 2\n", ["facts.yaml:2:", "YAML"]),
    ("json-syntax", "facts.json", b'{"organization": 1,\n  "service": }\n', ["facts.json:2:14"]),
    ("toml-syntax", "facts.toml", b"organization = = 1\n", ["facts.toml", "TOML", "line 1"]),
    ("not-utf8", "facts.yaml", "organization: 示例\n".encode("gb18030"), ["facts.yaml", "UTF-8"]),
    ("not-a-mapping", "facts.yaml", b"- just\n- a list\n", ["facts.yaml", "mapping"]),
    ("empty-file", "facts.yaml", b"", ["facts.yaml"]),
]


@pytest.mark.parametrize(
    ("name", "content", "needles"),
    [(n, c, w) for _, n, c, w in FILE_CASES],
    ids=[i for i, *_ in FILE_CASES],
)
def test_malformed_file_is_named_with_its_line(
    tmp_path: Path, name: str, content: bytes, needles: list[str]
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "out"
    result = run_cli("draft", "all", str(source), "--out", str(out))
    assert_bad_input(result, out, *needles)


def test_yaml_error_names_the_line_it_is_on(tmp_path: Path) -> None:
    # Line 3 holds the unclosed flow mapping; line numbers are 1-based.
    source = tmp_path / "facts.yaml"
    source.write_text("timezone: UTC\nstatus: investigating\nservice: {zh: x\n", "utf-8")
    result = run_cli("draft", "all", str(source))
    assert result.returncode == 2
    line = result.stderr.split(f"{source}:", 1)[1].split(":", 1)[0]
    assert line in {"3", "4"}, result.stderr  # the parser notices at the end of the mapping


def test_missing_file_is_named(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("draft", "all", str(tmp_path / "nope.yaml"), "--out", str(out))
    assert_bad_input(result, out, "nope.yaml", "no such file")


def test_unknown_kind_is_named(tmp_path: Path) -> None:
    source = tmp_path / "facts.yaml"
    source.write_text(yaml.safe_dump(VALID, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    result = run_cli("draft", "press-release", str(source), "--out", str(out))
    assert_bad_input(result, out, "press-release", "first-statement")


def test_unknown_language_is_named(tmp_path: Path) -> None:
    source = tmp_path / "facts.yaml"
    source.write_text(yaml.safe_dump(VALID, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    result = run_cli("draft", "all", str(source), "--lang", "zh,fr", "--out", str(out))
    assert_bad_input(result, out, "'fr'")


def test_missing_english_text_names_the_field_and_writes_no_chinese_either(
    tmp_path: Path,
) -> None:
    source = tmp_path / "facts.yaml"
    source.write_text(yaml.safe_dump(_with(service={"zh": "示例App"}), allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    result = run_cli("draft", "all", str(source), "--lang", "zh,en", "--out", str(out))
    assert_bad_input(result, out, "service.en")
    # Chinese alone is fine.
    result = run_cli("draft", "all", str(source), "--lang", "zh", "--out", str(out))
    assert result.returncode == 1, result.stderr  # the minimal facts lack apology facts
    assert len(list(out.iterdir())) == 4


def test_every_field_problem_is_reported_at_once(tmp_path: Path) -> None:
    facts = _with(
        timezone="Mars/Base",
        started_at="2026-03-29T20:00:00",
        next_udpate_at="2026-03-29T21:00:00+08:00",
        audiences=["aliens"],
        impact={"affected": {"count": -1, "precision": "exact"}},
        compensation=_voucher(currency="XYZ"),
        service=None,
    )
    source = tmp_path / "facts.yaml"
    source.write_text(yaml.safe_dump(facts, allow_unicode=True), "utf-8")
    result = run_cli("draft", "all", str(source), "--out", str(tmp_path / "out"))
    expected = [
        "timezone:",
        "started_at:",
        "next_udpate_at:",
        "audiences[0]:",
        "impact.affected.count:",
        "compensation[0].items[0].currency:",
        "service:",
    ]
    assert_bad_input(result, tmp_path / "out", *expected)


def test_time_order_problems_are_reported_together_with_field_problems() -> None:
    facts = _with(
        status="resolved",
        resolved_at="2026-03-29T19:00:00+08:00",
        compensation=_voucher(currency="XYZ"),
    )
    with pytest.raises(FactsError) as caught:
        parse_incident(facts)
    paths = {p.path for p in caught.value.problems}
    assert {"resolved_at", "compensation[0].items[0].currency"} <= paths


def test_facts_error_lists_problems_with_loc_path_and_message() -> None:
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(compensation=_voucher(currency="XYZ", amount=-3)))
    problems = {p.path: p for p in caught.value.problems}
    assert set(problems) == {
        "compensation[0].items[0].currency",
        "compensation[0].items[0].amount",
    }
    currency = problems["compensation[0].items[0].currency"]
    assert currency.loc == ("compensation", 0, "items", 0, "currency")
    assert "XYZ" in currency.msg
    assert format_loc(currency.loc) == currency.path


def test_a_single_compensation_plan_may_be_written_without_a_list() -> None:
    incident = parse_incident(_with(compensation=_voucher()[0]))
    assert len(incident.compensation) == 1


def test_times_in_another_offset_are_accepted_and_kept_exact() -> None:
    incident = parse_incident(_with(started_at="2026-03-29T12:00:00Z"))
    assert incident.started_at.isoformat() == "2026-03-29T12:00:00+00:00"
