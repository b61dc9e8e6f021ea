"""Invalid facts: the real CLI names the field (or file and line), exits 2, writes nothing.

Each case runs ``python -m crisiscomms draft all FACTS --out DIR`` in a
subprocess, as a user would, so that nothing between the parser and the exit
code can swallow the field path or leak a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from support import changed, run_cli

from crisiscomms.facts import FactsError, format_loc, parse_incident
from crisiscomms.kinds import KINDS

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
    return changed(VALID, **changes)


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
        _with(impact={"scale": [{"count": -5, "precision": "exact"}]}),
        "impact.scale[0].count",
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
        _with(impact={"scale": [{"precision": "estimate"}]}),
        "impact.scale[0]",
    ),
    ("text-with-no-language", _with(workaround={}), "workaround"),
    (
        "voucher-without-amount",
        _with(compensation=[{"items": [{"kind": "voucher", "currency": "CNY"}]}]),
        "compensation[0].items[0]",
    ),
    (
        "membership-without-days-or-months",
        _with(compensation=[{"items": [{"kind": "membership"}]}]),
        "compensation[0].items[0]",
    ),
    (
        "old-membership-days-kind",
        _with(compensation=[{"items": [{"kind": "membership_days", "days": 1}]}]),
        "compensation[0].items[0].kind",
    ),
    ("old-affected-field", _with(impact={"affected": {"count": 5}}), "impact.affected"),
    ("old-suspected-cause", _with(cause={"status": "suspected"}), "cause.status"),
    ("old-none-confirmed-data", _with(data={"status": "none_confirmed"}), "data.status"),
    ("ambiguous-riders", _with(audiences=["riders"]), "audiences[0]"),
    (
        "restored-after-publication",
        _with(status="resolved", resolved_at="2026-03-29T21:00:00+08:00"),
        "resolved_at",
    ),
    (
        "validity-before-publication",
        _with(compensation=[{**_voucher()[0], "valid_until": "2026-03-29T20:00:00+08:00"}]),
        "compensation[0].valid_until",
    ),
    (
        "result-before-publication",
        _with(data={"status": "under_investigation", "result_by": "2026-03-29T20:00:00+08:00"}),
        "data.result_by",
    ),
    (
        "amount-finer-than-the-currency",
        _with(compensation=_voucher(amount="0.001")),
        "compensation[0].items[0].amount",
    ),
    ("cadence-too-short", _with(update_every_minutes=1), "update_every_minutes"),
    (
        "link-not-https",
        _with(links={"status_page": "http://status.example.com"}),
        "links.status_page",
    ),
    ("id-not-a-slug", _with(id="Cooling Failure!"), "id"),
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


def test_an_impossible_time_names_its_line(tmp_path: Path) -> None:
    # Trial E: hour 25 is a ValueError inside PyYAML, which carries no line of its own.
    source = tmp_path / "facts.yaml"
    source.write_text("timezone: UTC\nstatus: investigating\nstarted_at: 2024-07-08T25:00:00Z\n")
    result = run_cli("draft", "all", str(source))
    assert result.returncode == 2
    assert f"{source}:3:13: invalid YAML: hour must be in 0..23" in result.stderr, result.stderr


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
    assert len(list(out.iterdir())) == len(KINDS)


def test_every_field_problem_is_reported_at_once(tmp_path: Path) -> None:
    facts = _with(
        timezone="Mars/Base",
        started_at="2026-03-29T20:00:00",
        next_udpate_at="2026-03-29T21:00:00+08:00",
        audiences=["aliens"],
        impact={"scale": [{"count": -1, "precision": "exact"}]},
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
        "impact.scale[0].count:",
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


def test_an_old_name_says_what_replaced_it() -> None:
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(cause={"status": "suspected", "description": {"zh": "配置变更"}}))
    [problem] = caught.value.problems
    assert problem.path == "cause.status" and "preliminary" in problem.msg
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(audiences=["riders"]))
    assert "passengers" in str(caught.value) and "couriers" in str(caught.value)


def test_scale_holds_a_share_all_or_a_count_per_audience() -> None:
    incident = parse_incident(
        _with(
            audiences=["customers", "merchants", "developers"],
            impact={
                "scale": [
                    {"audience": "customers", "share_percent": 15, "precision": "estimate"},
                    {"audience": "merchants", "all": True},
                    {"audience": "developers"},
                ],
                "requests_failing_percent": 3.5,
            },
        )
    )
    customers, merchants, developers = incident.impact.scale
    assert customers.share_percent == 15 and customers.precision == "estimate"
    assert merchants.all and not developers.known
    assert incident.impact.requests_failing_percent == 3.5
    with pytest.raises(FactsError):
        parse_incident(_with(impact={"scale": [{"all": True, "count": 5, "precision": "exact"}]}))


def test_an_audience_outside_the_vocabulary_needs_a_name() -> None:
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(audiences=["vips"]))
    assert "passengers" in str(caught.value)  # the error lists the vocabulary
    vip = {"id": "vips", "name": {"zh": "贵宾客户", "en": "VIP customers"}}
    plan = {"audience": "vips", "referral": {"zh": "专属客户经理将与您联系"}}
    incident = parse_incident(_with(audiences=[vip], compensation=[plan]))
    assert incident.compensation[0].audience.name.zh == "贵宾客户"
    assert incident.audiences[0].salutation is None


def test_compensation_values_that_are_not_fixed_amounts() -> None:
    items = [
        {"kind": "sla_credit", "percent": 10, "of": {"en": "the monthly fee"}},
        {"kind": "refund", "basis": {"en": "the SLA terms"}, "per": {"en": "per order"}},
        {"kind": "membership", "months": 1, "tier": {"en": "Premium"}},
        {"kind": "voucher", "amount": "9.90", "currency": "CNY"},
    ]
    plan = {"items": items, "applies_to": "next_invoice"}
    incident = parse_incident(_with(compensation=[plan]))
    assert [i.kind for i in incident.compensation[0].items] == [
        "sla_credit",
        "refund",
        "membership",
        "voucher",
    ]
    two_values = {"kind": "cash", "amount": 10, "currency": "CNY", "basis": {"en": "SLA"}}
    with pytest.raises(FactsError):
        parse_incident(_with(compensation=[{"items": [two_values]}]))
    with pytest.raises(FactsError):  # JPY has no minor unit
        parse_incident(_with(compensation=_voucher(amount="9.5", currency="JPY")))
    with pytest.raises(FactsError):  # one validity, not two
        plan = {**_voucher()[0], "valid_for_days": 7, "applies_to": "next_invoice"}
        parse_incident(_with(compensation=[plan]))


def test_data_and_funds_are_separate_facts() -> None:
    incident = parse_incident(
        _with(data={"status": "intact"}, funds={"status": "under_investigation"})
    )
    assert incident.data is not None and incident.data.status == "intact"
    assert incident.funds is not None and incident.funds.status == "under_investigation"
    with pytest.raises(FactsError):
        parse_incident(_with(data={"status": "restored"}))  # restored: say what


def test_eta_may_be_honestly_unknown() -> None:
    incident = parse_incident(_with(eta="unknown", update_every_minutes=60))
    assert incident.eta == "unknown" and incident.update_every_minutes == 60


def test_text_accepts_traditional_chinese_keys() -> None:
    incident = parse_incident(_with(workaround={"zh": "使用网页版", "zh-Hant-HK": "使用網頁版"}))
    assert incident.workaround is not None and incident.workaround.zh_Hant_HK == "使用網頁版"


def test_a_lower_bound_and_a_later_start_of_validity() -> None:
    incident = parse_incident(
        _with(
            impact={"scale": [{"count": 10_000_000, "precision": "at_least"}]},
            compensation=[
                {
                    **_voucher()[0],
                    "available_from": "2026-04-01T00:00:00+08:00",
                    "valid_until": "2026-04-05T00:00:00+08:00",
                }
            ],
        )
    )
    assert incident.impact.scale[0].precision == "at_least"
    with pytest.raises(FactsError):  # usable from after it has expired
        parse_incident(
            _with(
                compensation=[
                    {
                        **_voucher()[0],
                        "available_from": "2026-04-06T00:00:00+08:00",
                        "valid_until": "2026-04-05T00:00:00+08:00",
                    }
                ]
            )
        )


# --- required actions, safety instructions and the cause's party (issue 9, gaps 4, 5, 15) ---


def test_a_required_action_may_be_bare_text_or_say_who_when_and_whether_it_is_for_safety() -> None:
    bare = {"zh": "重置密码", "en": "reset your password"}
    full = {
        "text": {"zh": "借用其他网络的电话拨打", "en": "use a phone on another network"},
        "condition": {"zh": "您的手机无法接通000", "en": "your phone cannot reach 000"},
        "audience": "customers",
        "safety": True,
    }
    incident = parse_incident(_with(audiences=["customers"], required_actions=[bare, full]))
    first, second = incident.required_actions
    assert (first.text.en, first.audience, first.safety) == ("reset your password", None, False)
    assert second.audience is not None and second.audience.name.zh == "客户"
    assert second.condition is not None and second.safety


def test_a_required_action_for_an_audience_not_addressed_is_an_error() -> None:
    facts = _with(
        required_actions=[{"text": {"zh": "暂停起飞", "en": "hold"}, "audience": "drivers"}]
    )
    with pytest.raises(FactsError) as caught:
        parse_incident(facts)
    assert [p.path for p in caught.value.problems] == ["required_actions[0].audience"]


def test_a_required_action_may_name_your_own_audience_by_id() -> None:
    airlines = {"id": "airlines", "name": {"zh": "航空公司", "en": "airlines"}}
    action = {"text": {"zh": "暂停起飞", "en": "hold departures"}, "audience": "airlines"}
    incident = parse_incident(_with(audiences=[airlines], required_actions=[action]))
    assert incident.required_actions[0].audience is not None
    assert incident.required_actions[0].audience.name.en == "airlines"


def test_the_cause_party_needs_a_known_cause() -> None:
    cause = {
        "status": "confirmed",
        "description": {"zh": "机房制冷故障", "en": "a cooling failure"},
    }
    assert parse_incident(_with(cause={**cause, "party": "supplier"})).cause.party == "supplier"
    assert parse_incident(_with(cause=cause)).cause.party == "own"
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(cause={"status": "unknown", "party": "supplier"}))
    assert "party" in str(caught.value)


def test_an_error_rate_says_what_it_is_a_share_of_and_where() -> None:
    rate = {"percent": 10.2, "of": "transactions", "region": {"zh": "欧洲", "en": "Europe"}}
    impact = {**VALID["impact"], "error_rates": [rate]}
    (parsed,) = parse_incident(_with(impact=impact)).impact.error_rates
    assert (parsed.percent, parsed.of) == (10.2, "transactions")
    short = parse_incident(_with(impact={**VALID["impact"], "requests_failing_percent": 3}))
    assert [(r.percent, r.of) for r in short.impact.error_rates] == [(3, "requests")]
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(impact={**impact, "requests_failing_percent": 3}))
    assert "not both" in str(caught.value)


def test_a_component_may_say_how_much_of_it_is_back_and_when_that_was_measured() -> None:
    component = {
        "name": {"zh": "客户站点", "en": "customer sites"},
        "state": "recovering",
        "recovered_percent": 45,
        "as_of": "2026-03-29T20:20:00+08:00",
    }
    (parsed,) = parse_incident(_with(components=[component])).components
    assert parsed.recovered_percent == 45
    late = {**component, "as_of": "2026-03-29T23:00:00+08:00"}
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(components=[late]))
    assert [p.path for p in caught.value.problems] == ["components[0].as_of"]


def test_a_recovered_part_came_back_after_the_outage_began() -> None:
    # Trial F (Google Cloud): since was written as the outage's start for parts already
    # back, and the update said "Back to normal: all other regions since 10:51" (the start).
    back = {"name": {"zh": "其他区域", "en": "all other regions"}, "state": "recovered"}
    parse_incident(_with(components=[{**back, "since": "2026-03-29T20:10:00+08:00"}]))
    for wrong in ("2026-03-29T20:00:00+08:00", "2026-03-29T19:00:00+08:00"):
        with pytest.raises(FactsError) as caught:
            parse_incident(_with(components=[{**back, "since": wrong}]))
        assert [p.path for p in caught.value.problems] == ["components[0].since"]
    # A part still down went down when the outage began: that since is right.
    down = {**back, "state": "down", "since": "2026-03-29T20:00:00+08:00"}
    parse_incident(_with(components=[down]))


def test_an_old_item_kind_in_a_single_plan_names_the_field_and_its_replacement(
    tmp_path: Path,
) -> None:
    from crisiscomms.factfiles import read_facts

    facts = _with(compensation={"items": [{"kind": "membership_days", "days": 3}]})
    source = tmp_path / "facts.yaml"
    source.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(FactsError) as caught:
        read_facts(str(source))
    (problem,) = caught.value.problems
    assert problem.path == "compensation[0].items[0].kind"
    assert "replaced by kind: membership" in problem.msg
    line = next(i for i, text in enumerate(source.read_text("utf-8").splitlines(), 1)
                if "membership_days" in text)  # fmt: skip
    assert f"line {line}:" in str(caught.value)


def test_an_http_link_gets_a_message_a_person_can_read() -> None:
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(links={"status_page": "http://status.example.com"}))
    (problem,) = caught.value.problems
    assert problem.path == "links.status_page"
    assert "https://" in problem.msg and "pattern" not in problem.msg and "^" not in problem.msg


def test_funds_may_be_stated_per_audience_and_each_audience_must_be_addressed() -> None:
    refunded = {"zh": "重复扣款已退回", "en": "double charges refunded"}
    each = [
        {"audience": "passengers", "status": "affected", "description": refunded},
        {"audience": "drivers", "status": "intact"},
    ]
    incident = parse_incident(_with(audiences=["passengers", "drivers"], funds_per_audience=each))
    assert [(f.audience.id, f.status) for f in incident.funds_per_audience] == [
        ("passengers", "affected"),
        ("drivers", "intact"),
    ]
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(audiences=["passengers"], funds_per_audience=each))
    assert [p.path for p in caught.value.problems] == ["funds_per_audience[1].audience"]


def test_a_component_may_have_its_own_kind_of_impact() -> None:
    stop = {"zh": "航班起飞", "en": "departures"}
    system = {"zh": "通告系统", "en": "the notice system"}
    parts = [
        {"name": stop, "state": "down", "kind": "protective_measure"},
        {"name": system, "state": "recovering", "kind": "outage"},
    ]
    incident = parse_incident(_with(components=parts))
    assert [c.kind for c in incident.components] == ["protective_measure", "outage"]


@pytest.mark.parametrize(
    ("change", "path", "says"),
    [
        # The facts of a real trial (KDDI, NetEase), written the way a PR person first did.
        ({"publish_at": "2026-03-29T20:30:00+08:00"}, "publish_at", "did you mean `published_at`?"),
        ({"impact": {"symptom": {"zh": "无法登录"}}}, "impact.symptom", "did you mean `symptoms`?"),
        ({"service": "支付宝"}, "service", "{zh: ..., en: ...}"),
        ({"impact": {"scale": [{"count": "3915万"}]}}, "impact.scale[0].count", "plain number"),
        ({"eta": "maybe"}, "eta.latest", "(or write 'unknown')"),
        # A second trial (GitHub, Ctrip, BOCOM).
        ({"impact": {"involves": ["payment"]}}, "impact.involves[0]", "did you mean 'payments'?"),
        ({"links": {"status": "https://s.example.com"}}, "links.status", "`status_page`?"),
        ({"update_every_minutes": "hourly"}, "update_every_minutes", "whole number (60)"),
        (
            {"compensation": [{"items": [{"kind": "refund", "amount": 5, "currency": "RMB"}]}]},
            "compensation[0].items[0].currency",
            "write CNY",
        ),
    ],
)
def test_a_mistake_is_answered_with_what_to_write_instead(
    change: dict[str, Any], path: str, says: str
) -> None:
    with pytest.raises(FactsError) as raised:
        parse_incident(changed(VALID, **change))
    problems = {p.path: p.msg for p in raised.value.problems}
    assert says in problems[path], problems
    assert not any("literal[" in p for p in problems), problems  # no parser branch named


def test_a_resolved_incident_with_a_part_still_out_is_refused_naming_the_part() -> None:
    # Resolved drafts say service is fully restored and leave the staged recovery out: a
    # part still recovering would vanish from every notice behind that sentence.
    parts = [
        {"name": {"zh": "华东", "en": "East China"}, "state": "recovered"},
        {"name": {"zh": "华南", "en": "South China"}, "state": "recovering"},
    ]
    resolved = {"status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"}
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(components=parts, **resolved))
    (problem,) = caught.value.problems
    assert problem.path == "components[1].state"
    assert "'recovering'" in problem.msg and "'resolved'" in problem.msg
    parts[1]["state"] = "recovered"
    assert parse_incident(_with(components=parts, **resolved)).status == "resolved"
    parts[1]["state"] = "recovering"
    assert parse_incident(_with(components=parts, status="monitoring")).components


def test_a_membership_has_no_validity_of_its_own() -> None:
    # Trial F: 5 days of PlayStation Plus with valid_for_days: 30 were drafted "valid for 30
    # days from the day it is issued", a voucher's wording for a membership.
    days = {"kind": "membership", "days": 5}
    plan = {"items": [days], "automatic": True, "delivered_by": "2026-03-30T20:00:00+08:00"}
    parse_incident(_with(compensation=[plan]))
    with pytest.raises(FactsError) as caught:
        parse_incident(_with(compensation=[{**plan, "valid_for_days": 30}]))
    assert [p.path for p in caught.value.problems] == ["compensation[0]"]
    assert "membership" in str(caught.value)
    # A voucher beside it keeps its validity.
    voucher = {"kind": "voucher", "amount": 10, "currency": "CNY"}
    parse_incident(_with(compensation=[{**plan, "items": [days, voucher], "valid_for_days": 30}]))


def test_a_text_cut_at_an_unquoted_comma_is_explained(tmp_path: Path) -> None:
    # Trial E and this session's own facts: {zh: ..., en: about 32,000 orders were charged
    # twice} reads as en "about 32" and a field "000 orders were charged twice".
    from crisiscomms.factfiles import read_facts

    facts = tmp_path / "facts.yaml"
    facts.write_text(
        yaml.safe_dump(VALID, allow_unicode=True)
        + "funds:\n  status: affected\n"
        + "  description: {zh: 约3.2万笔订单被重复扣款,\n"
        + "                en: about 32,000 orders were charged twice}\n",
        encoding="utf-8",
    )
    with pytest.raises(FactsError) as caught:
        read_facts(str(facts))
    said = str(caught.value)
    assert "funds.description.000 orders were charged twice" in said
    assert "put quotes around a text that holds a comma" in said
