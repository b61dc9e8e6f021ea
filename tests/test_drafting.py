"""Drafting: valid facts always give clean drafts in both languages, gaps always show."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import incident_models
from support import MINIMAL

from crisiscomms.completeness import missing_facts
from crisiscomms.drafting import Draft, draft, draft_all
from crisiscomms.errors import InputError
from crisiscomms.facts import FactsError, Incident, parse_incident
from crisiscomms.findings import Finding
from crisiscomms.formatting import Formatter, load_terms
from crisiscomms.kinds import KINDS

LANGS = ("zh", "en")
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


_PLACEHOLDER = {"zh": re.compile(r"【待补充：[^】]+】"), "en": re.compile(r"\[TO FILL: [^\]]+\]")}
# Brackets with nothing (or only spaces) inside: what an absent optional fact leaves behind.
_EMPTY_BRACKETS = re.compile(r"（\s*）|\(\s*\)|【\s*】|\[\s*\]|“\s*”")


def _without_placeholders(text: str, lang: str) -> str:
    return _PLACEHOLDER[lang].sub("PLACEHOLDER", text)


def assert_clean(d: Draft) -> None:
    """What a reader must never see in a draft, whatever the facts."""
    text = d.text
    for leftover in ("{{", "}}", "{%", "%}", "{#", "#}"):
        assert leftover not in text, f"Jinja leftover {leftover!r} in {d.template_id}:\n{text}"
    assert "None" not in text, f"'None' in {d.template_id}:\n{text}"
    assert "约0" not in text and "about 0 " not in text
    assert "Undefined" not in text
    bare = _without_placeholders(text, d.lang)
    assert not _EMPTY_BRACKETS.search(bare), f"empty brackets in {d.template_id}:\n{text}"
    # Sentence glue gone wrong when an optional fact is absent.
    for glitch in ("。。", "，。", "：。", "..", " ,", " .", "、。", "，，"):
        assert glitch not in bare, f"{glitch!r} in {d.template_id}:\n{text}"
    assert text.endswith("\n") and not text.endswith("\n\n")
    if d.lang == "zh":
        # Full-width punctuation in the Chinese prose (URLs and times aside).
        assert not re.search(r"[\u4e00-\u9fff][,;:!?]", text), text


@PROPERTY
@given(incident_models())
def test_every_kind_renders_cleanly_in_both_languages(incident: Incident) -> None:
    for d in draft_all(incident):
        assert_clean(d)


@PROPERTY
@given(incident_models())
def test_given_numbers_and_times_appear_in_both_languages(incident: Incident) -> None:
    drafts = {(d.kind, d.lang): d.text for d in draft_all(incident)}
    for lang in LANGS:
        fmt = Formatter(lang, incident.timezone, incident.published_at)
        clock = fmt.clock
        # The start of the outage is in every notice, as the wall time of the zone.
        for kind in KINDS:
            assert clock(incident.started_at) in drafts[kind, lang], (kind, lang)
        for entry in incident.impact.scale:
            shown = [fmt.count(entry.count)] if entry.count is not None else []
            shown += [fmt.percent(entry.share_percent)] if entry.share_percent else []
            for kind in ("first_statement", "progress_update", "apology"):
                for number in shown:
                    assert number in drafts[kind, lang], (kind, lang, number)
        if incident.resolved_at is not None:
            assert clock(incident.resolved_at) in drafts["apology", lang]
        if incident.status != "resolved":
            for kind in ("first_statement", "progress_update"):
                text = drafts[kind, lang]
                if incident.next_update_at is not None:
                    assert clock(incident.next_update_at) in text, (kind, lang)
                if incident.eta is not None and incident.eta != "unknown":
                    assert clock(incident.eta.latest) in text, (kind, lang)
        for plan in incident.compensation:
            text = drafts["compensation_notice", lang]
            for item in plan.items:
                if item.days is not None or item.months is not None:
                    assert str(item.days or item.months) in text
                elif item.amount is not None and item.currency is not None:
                    assert fmt.money(item.amount, item.currency) in text
                elif item.percent is not None:
                    assert fmt.percent(item.percent) in text
            # The one date that matters for getting it: when it arrives, or the deadline.
            due = plan.delivered_by if plan.automatic else plan.claim_deadline
            if due is not None and plan.items:
                assert fmt.datetime(due) in text, (lang, due)
            if plan.items and plan.valid_until is not None:
                shown = (
                    fmt.span(plan.available_from, plan.valid_until)
                    if plan.available_from is not None
                    else fmt.datetime(plan.valid_until)
                )
                assert shown in text, (lang, plan.valid_until)


def _completeness(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.rule.startswith("missing-")]


@PROPERTY
@given(incident_models())
def test_each_missing_fact_shows_its_placeholder_and_an_error_at_it(incident: Incident) -> None:
    for kind in KINDS:
        gaps = missing_facts(incident, kind)
        for lang in LANGS:
            d = draft(incident, kind, lang)
            pattern = str(load_terms(lang)["placeholder"])
            assert [f.rule for f in _completeness(d.findings)] == [g.rule for g in gaps]
            for gap, finding in zip(gaps, _completeness(d.findings), strict=True):
                shown = pattern.format(label=gap.label[lang])
                assert finding.severity == "error"
                assert finding.rule.startswith("missing-")
                assert d.text[finding.start : finding.end] == finding.excerpt == shown
            # And no placeholder stands in the text without a finding saying why.
            labels_shown = set(_PLACEHOLDER[lang].findall(d.text))
            labels_reported = {f.excerpt for f in _completeness(d.findings)}
            assert labels_shown == labels_reported, (kind, lang, d.text)
            assert d.ready == (not gaps)
            # Our wording passes our own linter. The one finding the facts can still call
            # for: free text that mentions logins or orders while no data statement is given.
            wording = [f for f in d.findings if not f.rule.startswith("missing-")]
            # Data lost or exposed, and money affected, are stated plainly; the linter's
            # zh satisfiers do not read those statements yet (reported to lint's owners).
            unread = (
                incident.data is not None and incident.data.status in ("lost", "exposed")
            ) or (incident.funds is not None and incident.funds.status == "affected")
            allowed = (
                {"no-data-safety-statement"}
                if incident.data is None or incident.funds is None or unread
                else set()
            )
            assert {f.rule for f in wording} <= allowed, (kind, lang, wording, d.text)


@PROPERTY
@given(incident_models(complete=True))
def test_complete_facts_yield_no_finding(incident: Incident) -> None:
    for kind in KINDS:
        assert missing_facts(incident, kind) == []
    for d in draft_all(incident):
        assert d.findings == ()
        assert d.ready
        assert not _PLACEHOLDER[d.lang].search(d.text), d.text


@pytest.mark.parametrize("kind", ["first_statement", "progress_update"])
@pytest.mark.parametrize(
    "extra",
    [
        {"eta": "2026-03-29T22:00:00+08:00"},
        {"status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"},
    ],
    ids=["eta-only", "resolved"],
)
def test_placeholder_in_the_data_sentence_is_always_reported(
    kind: str, extra: dict[str, str]
) -> None:
    facts = {
        **MINIMAL,
        **extra,
        "impact": {
            "symptoms": {"zh": "无法登录", "en": "log-in failures"},
            "involves": ["logins"],
            "scale": [{"all": True}],
        },
        "progress": {"zh": "已定位原因", "en": "we found the cause"},
        "data": {"status": "under_investigation"},
    }
    for lang in LANGS:
        d = draft(facts, kind, lang)
        shown = set(_PLACEHOLDER[lang].findall(d.text))
        assert shown == {f.excerpt for f in d.findings}, d.text
        # While down, the next update brings the result; once back, the result's own time.
        expected = "missing-result-time" if "status" in extra else "missing-next-update"
        assert [f.rule for f in d.findings] == [expected]


def test_missing_next_update_is_a_placeholder_and_an_error_finding() -> None:
    # Symptoms that touch no account or payment, so no data statement is called for.
    facts = {**MINIMAL, "impact": {"symptoms": {"zh": "页面无法打开", "en": "pages not loading"}}}
    for lang, shown in (("zh", "【待补充：下次更新时间】"), ("en", "[TO FILL: next update time]")):
        d = draft(facts, "first-statement", lang)
        assert shown in d.text
        (finding,) = d.findings
        assert finding.rule == "missing-next-update"
        assert finding.severity == "error"
        assert d.text[finding.start : finding.end] == shown
        assert not d.ready


def test_an_eta_alone_is_enough_for_a_first_statement() -> None:
    facts = {
        **MINIMAL,
        "impact": {"symptoms": {"zh": "无法登录", "en": "log-in failures"}},
        "eta": "2026-03-29T22:00:00+08:00",
    }
    for lang in LANGS:
        d = draft(facts, "first_statement", lang)
        assert d.ready, d.text
        assert "22:00" in d.text


def test_unknown_count_is_said_honestly_never_as_some_users() -> None:
    zh = draft(MINIMAL, "first_statement", "zh").text
    en = draft(MINIMAL, "first_statement", "en").text
    assert "统计中" in zh and "部分用户" not in zh
    assert "still counting how many users" in en and "some users" not in en


def test_estimate_renders_as_about() -> None:
    facts = {**MINIMAL, "impact": {"scale": [{"count": 8_000_000, "precision": "estimate"}]}}
    assert "约800万名" in draft(facts, "first_statement", "zh").text
    assert "About 8 million users" in draft(facts, "first_statement", "en").text


def test_an_estimate_of_zero_never_reads_about_zero() -> None:
    facts = {**MINIMAL, "impact": {"scale": [{"count": 0, "precision": "estimate"}]}}
    try:
        incident = parse_incident(facts)
    except FactsError as error:  # rejecting it is a fine answer too
        assert "impact.scale[0].count" in {p.path for p in error.problems} | {
            p.path.rsplit(".", 1)[0] for p in error.problems
        }
        return
    for d in draft_all(incident):
        assert "约0" not in d.text and "bout 0 " not in d.text, d.text


def test_english_draft_without_english_text_names_the_field_and_language() -> None:
    facts = {**MINIMAL, "service": {"zh": "示例App"}, "workaround": {"zh": "使用网页版"}}
    with pytest.raises(FactsError) as caught:
        draft(facts, "first_statement", "en")
    paths = {p.path for p in caught.value.problems}
    assert paths == {"service.en", "workaround.en"}
    assert "service.en" in str(caught.value)
    # The Chinese draft needs no English and works.
    assert "示例App" in draft(facts, "first_statement", "zh").text


def test_draft_all_checks_every_language_before_drafting_any() -> None:
    facts = {**MINIMAL, "signature": {"en": "The Example team"}}
    with pytest.raises(FactsError) as caught:
        draft_all(facts)
    assert [p.path for p in caught.value.problems] == ["signature.zh"]


@pytest.mark.parametrize(("kind", "lang"), [("press-release", "zh"), ("apology", "fr")])
def test_unknown_kind_or_language_is_an_input_error(kind: str, lang: str) -> None:
    with pytest.raises(InputError, match=kind if kind != "apology" else lang):
        draft(MINIMAL, kind, lang)


def test_snake_and_kebab_case_kinds_give_the_same_draft() -> None:
    assert draft(MINIMAL, "first-statement", "zh") == draft(MINIMAL, "first_statement", "zh")


def test_invalid_facts_given_as_a_mapping_raise_facts_error() -> None:
    with pytest.raises(FactsError) as caught:
        draft({**MINIMAL, "started_at": "2026-03-29T20:00:00"}, "apology", "zh")
    assert [p.path for p in caught.value.problems] == ["started_at"]


def test_draft_is_deterministic() -> None:
    incident = parse_incident(MINIMAL)
    first = draft_all(incident)
    again = draft_all(parse_incident(MINIMAL))
    assert first == again
    assert all(d.template_hash and len(d.template_hash) == 64 for d in first)


def test_draft_all_from_many_threads_matches_sequential_calls() -> None:

    import yaml

    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
    incidents = [parse_incident(yaml.safe_load(p.read_text("utf-8"))) for p in examples]
    incidents.append(parse_incident(MINIMAL))
    expected = [draft_all(i) for i in incidents]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(draft_all, incidents * 8))
    assert results == expected * 8


def test_draft_to_dict_carries_kind_lang_text_and_findings() -> None:
    d = draft(MINIMAL, "compensation_notice", "en")
    data = d.to_dict()
    assert data["kind"] == "compensation_notice" and data["lang"] == "en"
    assert data["text"] == d.text
    assert {f["rule"] for f in data["findings"]} == {"missing-compensation"}
    assert data["ready"] is False
    assert d.markdown().startswith("# " + d.title + "\n")


# Golden drafts: every example, every kind, both languages, as reviewed by a person.
# Regenerate with `python tests/regen_golden.py`, then read the diff before committing.
_ROOT = Path(__file__).resolve().parents[1]
_EXAMPLES = sorted((_ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", _EXAMPLES, ids=[p.stem for p in _EXAMPLES])
def test_examples_draft_exactly_as_the_reviewed_golden_files(example: Path) -> None:
    from crisiscomms.factfiles import read_facts
    from crisiscomms.kinds import kind_slug

    drafts = draft_all(read_facts(str(example)))
    assert len(drafts) == 2 * len(KINDS)
    folder = _ROOT / "tests" / "fixtures" / example.stem
    for d in drafts:
        golden = folder / f"expected.{kind_slug(d.kind)}.{d.lang}.txt"
        assert golden.exists(), f"no golden file {golden}: run python tests/regen_golden.py"
        assert d.text == golden.read_text("utf-8"), f"{golden.name} differs from the draft"


def _glued_paragraphs(text: str) -> list[str]:
    """Return prose lines that follow another prose line with no blank line between.

    List items and the two-line signature (team, date) are the only lines that
    may stand right under another line; anything else is two paragraphs run together.
    """
    lines = text.rstrip("\n").split("\n")
    body = lines[:-1]  # the signature's date line sits under the team name
    glued = []
    for above, line in pairwise(body):
        is_item = re.match(r"(- |\d+\. )", line)
        if above and line and not is_item:
            glued.append(f"{above!r} / {line!r}")
    return glued


@pytest.mark.parametrize(
    "kind",
    [
        "first_statement",
        "progress_update",
        "apology",
        "compensation_notice",
        "resolution_notice",
        "post_incident_report",
    ],
)
@pytest.mark.parametrize("example", _EXAMPLES, ids=[p.stem for p in _EXAMPLES])
def test_paragraphs_are_separated_by_a_blank_line(example: Path, kind: str) -> None:
    from crisiscomms.factfiles import read_facts

    incident = read_facts(str(example))
    for lang in LANGS:
        text = draft(incident, kind, lang).text
        assert not _glued_paragraphs(text), _glued_paragraphs(text)


def test_english_drafts_never_double_a_word() -> None:
    # Services are named as they read mid-sentence ("the Youpinhui app"), per the example.
    for d in draft_all(MINIMAL, langs=["en"]):
        doubled = re.search(r"\b(\w+) \1\b", d.text, re.IGNORECASE)
        assert doubled is None, (d.kind, doubled.group(0) if doubled else "")


def test_drafting_both_languages_reports_a_number_only_one_of_them_states() -> None:
    # A trial's Kakao facts: 1.2万台 in zh, 13,000 in en. `pack` caught
    # it; `draft --lang zh,en` and draft_all drafted both with no finding.
    facts = {
        **MINIMAL,
        "status": "recovering",
        "progress": {
            "zh": "1.2万台服务器已恢复供电",
            "en": "power is back to 13,000 servers",
        },
    }
    drafts = {d.lang: d for d in draft_all(facts, ["progress_update"], ["zh", "en"])}
    zh = [f.excerpt for f in drafts["zh"].findings if f.rule == "parity-mismatch"]
    en = [f.excerpt for f in drafts["en"].findings if f.rule == "parity-mismatch"]
    assert zh == ["1.2万"] and en == ["13,000"]
    assert not drafts["zh"].ready and not drafts["en"].ready
    alone = draft_all(facts, ["progress_update"], ["zh"])  # one language: nothing to compare
    assert not [f for f in alone[0].findings if f.rule == "parity-mismatch"]


@pytest.mark.parametrize("count", [1, 12, 300])
@pytest.mark.parametrize("audience", ["users", "merchants", "paid_members", "enterprise_customers"])
def test_a_small_exact_count_is_the_same_value_in_both_languages(count: int, audience: str) -> None:
    # 受影响的商家共12家 (noun first) was no count and "12 paid members" (a word between)
    # none either, so drafting both languages reported the other side's count as unmatched.
    facts = {
        **MINIMAL,
        "audiences": [audience],
        "impact": {"scale": [{"audience": audience, "count": count, "precision": "exact"}]},
    }
    for d in draft_all(facts, ["first_statement"], ["zh", "en", "zh-Hant-HK"]):
        assert not [f for f in d.findings if f.rule == "parity-mismatch"], (d.lang, d.text)


@pytest.mark.parametrize("kind", ["first_statement", "progress_update"])
def test_a_check_with_no_time_of_its_own_promises_no_result_by_the_next_update(kind: str) -> None:
    # Trial E (HKeToll): data and funds still being checked, no result_by, an update due at
    # 14:00; the notices said the results would be out by 14:00, a promise nobody made.
    checking = {"status": "under_investigation"}
    impact = {"symptoms": {"zh": "无法登录", "en": "log-ins fail"}, "involves": ["payments"]}
    facts = {**MINIMAL, "data": checking, "funds": checking, "impact": impact}
    facts["next_update_at"] = "2026-03-29T21:30:00+08:00"
    zh, en = (draft(facts, kind, lang).text for lang in ("zh", "en"))
    assert "核查结果" not in zh and "核对结果" not in zh, zh
    assert "用户数据和资金是否受到影响，我们正在核查" in zh, zh  # one check, one time
    assert "下一次进展中说明核查情况" in zh, zh
    assert "report what we find" not in en, en
    assert "where the check stands in our next update, by" in en, en
    # A time for the result is a promise the facts make: then the notices state it.
    timed = {**checking, "result_by": "2026-03-30T06:00:00+08:00"}
    zh = draft({**facts, "data": timed}, kind, "zh").text
    assert "将于北京时间3月30日06:00前公布核查结果" in zh, zh


def test_a_progress_update_calls_a_first_finding_a_likely_cause_not_an_identified_one() -> None:
    # Trial E (AWS): status identified, cause preliminary; the update said 当前阶段：已定位原因
    # beside 具体原因尚待最终确认.
    cause = {"status": "preliminary", "description": {"zh": "DNS解析问题", "en": "a DNS problem"}}
    facts = {**MINIMAL, "status": "identified", "cause": cause}
    facts["next_update_at"] = "2026-03-29T21:30:00+08:00"
    texts = {
        lang: draft(facts, "progress_update", lang).text for lang in ("zh", "zh-Hant-TW", "en")
    }
    assert "当前阶段：已初步定位原因。" in texts["zh"], texts["zh"]
    assert "目前階段：已初步定位原因。" in texts["zh-Hant-TW"], texts["zh-Hant-TW"]
    assert "Current status: likely cause found." in texts["en"], texts["en"]
    confirmed = {**facts, "cause": {**cause, "status": "confirmed"}}
    assert "当前阶段：已定位原因。" in draft(confirmed, "progress_update", "zh").text
    assert "Current status: cause identified." in draft(confirmed, "progress_update", "en").text


def test_a_cause_written_as_a_clause_gets_a_frame_a_clause_fits() -> None:
    # Trial E (AWS): 本次服务异常由……竞态条件，使区域端点的DNS记录被清空引起: a clause cannot
    # stand between 由 and 引起. A noun phrase keeps the frame, brackets and all.
    clause = {
        "zh": "DNS管理系统中一个竞态条件，使区域端点的DNS记录被清空",
        "en": "a race condition",
    }
    for status, frame in (("confirmed", "的原因是："), ("preliminary", "可能与以下原因有关：")):
        facts = {**MINIMAL, "cause": {"status": status, "description": clause}}
        text = draft(facts, "apology", "zh").text
        assert f"本次服务异常{frame}DNS管理系统中一个竞态条件，使" in text, text
        assert "引起" not in text and "记录被清空有关" not in text, text
    noun = {"zh": "一个配置缺陷（读取出错后，它停止了服务）", "en": "a configuration fault"}
    facts = {**MINIMAL, "cause": {"status": "confirmed", "description": noun}}
    assert "由一个配置缺陷（读取出错后，它停止了服务）引起。" in draft(facts, "apology", "zh").text


def test_a_refund_of_overcharges_is_said_where_the_money_is_and_asked_for_when_missing() -> None:
    harm = {"zh": "部分订单被重复扣款", "en": "some orders were charged twice"}
    charged = {"status": "affected", "description": harm}
    facts = {**MINIMAL, "funds": charged}
    for lang, shown in (
        ("zh", "多扣费用退还：【待补充："),
        ("en", "If you were charged by mistake: [TO FILL:"),
    ):
        notice = draft(facts, "compensation_notice", lang)
        assert shown in notice.text, notice.text
        assert "missing-overcharge-refund" in [f.rule for f in notice.findings]
    refund = {"zh": "多扣款项将于3个工作日内原路退回", "en": "overcharges go back to the card"}
    facts["compensation"] = [{"overcharge_refund": refund}]
    zh = draft(facts, "apology", "zh").text
    assert "本次故障影响了用户资金：部分订单被重复扣款。多扣款项将于3个工作日内原路退回。" in zh, zh
    en = draft(facts, "apology", "en").text
    assert "some orders were charged twice. Overcharges go back to the card." in en
    notice = draft(facts, "compensation_notice", "zh")
    assert "多扣费用退还：多扣款项将于3个工作日内原路退回。" in notice.text
    assert "missing-overcharge-refund" not in [f.rule for f in notice.findings]


def test_a_refund_alone_keeps_who_it_covers_and_what_to_do_if_it_does_not_come() -> None:
    # Trial F (Octopus): a plan that only refunds overcharged fares lost its eligibility
    # (the routes and hours that tell an anonymous card's holder whether to check) and its
    # hotline, with no finding; and it was called compensation.
    harm = {"zh": "66宗交易被多收车资", "en": "66 fares were overcharged"}
    refund = {
        "zh": "八达通将主动通知持卡人安排退款",
        "en": "we will contact card holders to refund them",
    }
    covers = {"zh": "3月29日乘搭58号线的乘客", "en": "passengers on route 58 on Mar 29"}
    hotline = {"zh": "致电2266 2222", "en": "call 2266 2222"}
    plan = {"overcharge_refund": refund, "eligibility": covers, "if_not_received": hotline}
    facts = {
        **MINIMAL,
        "funds": {"status": "affected", "description": harm},
        "compensation": [plan],
    }
    zh = draft(facts, "compensation_notice", "zh").text
    assert (
        "适用对象：3月29日乘搭58号线的乘客。" in zh and "如未收到退款：请致电2266 2222。" in zh
    ), zh
    assert zh.splitlines()[0].endswith("的退款安排") and "补偿" not in zh, zh
    en = draft(facts, "compensation_notice", "en").text
    assert "Who it covers: passengers on route 58 on Mar 29." in en, en
    assert "If your refund does not come: call 2266 2222." in en, en
    assert ": refunds for the" in en.splitlines()[0] and "ompensation" not in en, en


def test_data_and_funds_checked_together_are_one_sentence_with_one_time() -> None:
    # Trial E (HKeToll): both checks, no result time of their own, each gave the next
    # update's time, and the next-update sentence a third time.
    checking = {"status": "under_investigation"}
    found = {"zh": "尚未发现重复扣款", "en": "no double charge found so far"}
    impact = {"symptoms": {"zh": "无法登录", "en": "log-ins fail"}, "involves": ["payments"]}
    facts = {**MINIMAL, "data": checking, "funds": {**checking, "description": found}}
    facts |= {"impact": impact, "next_update_at": "2026-03-29T21:30:00+08:00"}
    zh = draft(facts, "first_statement", "zh").text
    assert (
        "用户数据和资金是否受到影响，我们正在核查，将在北京时间3月29日21:30前发布的下一次进展中说明核查情况。目前已掌握的情况：尚未发现重复扣款。"
        in zh
    ), zh
    assert zh.count("21:30") == 2, zh  # the check's sentence and the next update's
    en = draft(facts, "first_statement", "en").text
    assert "We are checking whether any data or funds were affected and will say" in en, en
    assert en.count("21:30") == 2, en
    # Results due at different times: two sentences, each with its own.
    facts["funds"] = {**facts["funds"], "result_by": "2026-03-30T09:00:00+08:00"}
    zh = draft(facts, "first_statement", "zh").text
    assert "用户资金是否受到影响，我们正在核对，将于北京时间3月30日09:00前公布核对结果。" in zh, zh


@pytest.mark.parametrize(
    ("tier", "said"), [("PlayStation Plus", "5天PlayStation Plus会员"), ("黄金会员", "5天黄金会员")]
)
def test_days_of_a_named_membership_say_membership_once(tier: str, said: str) -> None:
    # Trial F (PSN): 补偿内容：5天PlayStation Plus。 A tier named without 会员 gets it; one
    # that has it does not get it twice.
    item = {"kind": "membership", "days": 5, "tier": {"zh": tier, "en": "PlayStation Plus"}}
    plan = {"items": [item], "automatic": True, "delivered_by": "2026-03-30T20:00:00+08:00"}
    facts = {**MINIMAL, "compensation": [plan]}
    for channel in ("notice", "sms"):
        text = draft(facts, "compensation_notice", "zh", channel=channel).text
        assert said in text and "会员会员" not in text, text


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant-TW"])
def test_undated_prevention_is_a_warning_at_the_measure(lang: str) -> None:
    # Trial F (Google Cloud): four measures, none dated, no finding; the checklist asks for
    # prevention measures that can be checked. A dated one draws nothing.
    undated = {"zh": "完善监控告警", "en": "improve our alerts"}
    dated = {"zh": "4月30日前完成双路供电改造", "en": "add a second power feed by Apr 30"}
    facts = {**MINIMAL, "status": "resolved", "resolved_at": "2026-03-29T20:20:00+08:00"}
    facts["prevention"] = [undated, dated]
    for kind in ("apology", "post_incident_report"):
        made = draft(facts, kind, lang)
        found = [f for f in made.findings if f.rule == "undated-prevention"]
        assert len(found) == 1 and found[0].severity == "warning", found
        assert found[0].excerpt in ("完善監控告警", undated["zh"], "Improve our alerts"), found[0]
        assert made.text[found[0].start : found[0].end] == found[0].excerpt


@pytest.mark.parametrize(
    ("workaround", "zh", "en"),
    [
        (
            {
                "zh": "主机已设为主要主机的玩家仍可离线游玩",
                "en": "customers in us-central1 can use another region",
            },
            "在服务恢复之前，主机已设为主要主机的玩家仍可离线游玩。",
            "Until service is back, customers in us-central1 can use another region.",
        ),
        (
            {"zh": "通过网页版下单", "en": "order on the website"},
            "在服务恢复之前，您可以通过网页版下单。",
            "Until service is back, you can order on the website.",
        ),
    ],
)
def test_a_workaround_with_its_own_subject_is_taken_as_written(
    workaround: dict[str, str], zh: str, en: str
) -> None:
    # Trial F: "您可以已将主机设为…的玩家仍可…" and "you can customers affected … can send".
    facts = {**MINIMAL, "workaround": workaround}
    assert zh in draft(facts, "first_statement", "zh").text
    assert en in draft(facts, "first_statement", "en").text


def test_a_data_description_that_says_it_all_is_said_once() -> None:
    # Trial F (PSN): 经核查，用户数据未丢失、未泄露。账号数据未丢失、未泄露。 read as padding.
    said = {"zh": "账号数据未丢失、未泄露", "en": "no account data was lost or exposed"}
    facts = {**MINIMAL, "data": {"status": "intact", "description": said}}
    zh = draft(facts, "first_statement", "zh").text
    assert "经核查，账号数据未丢失、未泄露。" in zh and "用户数据未丢失" not in zh, zh
    en = draft(facts, "first_statement", "en").text
    assert "We have checked: no account data was lost or exposed." in en, en
    # A description that adds something keeps the statement before it.
    partial = {"zh": "客户存储的数据未丢失", "en": "no customer data stored with us was lost"}
    facts["data"] = {"status": "intact", "description": partial}
    zh = draft(facts, "first_statement", "zh").text
    assert "经核查，用户数据未丢失、未泄露。客户存储的数据未丢失。" in zh, zh
