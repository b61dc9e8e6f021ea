"""The channels API as a whole: limits as data, grapheme safety, reports, never truncating."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.channels import (
    CHANNELS,
    RULE_IDS,
    boundaries,
    check_length,
    count_sms,
    count_x,
    graphemes,
    load_limits,
    safe_cut,
    safe_prefix,
)
from crisiscomms.channels.limits import DATA_FILE

# Clusters a cut must never split.
SKIN_TONE = "👍🏽"
FAMILY = "👨\u200d👩\u200d👧\u200d👦"
FLAG = "🇨🇳"
TAG_FLAG = "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"
COMBINING = "e\u0301\u0323"
CRLF = "\r\n"
KEYCAP = "1\ufe0f\u20e3"
HANGUL = "\u1100\u1161\u11a8"  # conjoining jamo: one syllable
TRICKY = [SKIN_TONE, FAMILY, FLAG, TAG_FLAG, COMBINING, CRLF, KEYCAP, HANGUL]


# --- limits as data -------------------------------------------------------------------


def test_every_section_cites_a_source() -> None:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))

    def sections(node: dict[str, object], path: str) -> list[tuple[str, dict[str, object]]]:
        found = []
        numbers = [v for v in node.values() if isinstance(v, int) and not isinstance(v, bool)]
        if numbers:
            found.append((path, node))
        for key, value in node.items():
            if isinstance(value, dict):
                found.extend(sections(value, f"{path}.{key}" if path else key))
        return found

    for path, node in sections(data, ""):
        source = node.get("source") or node.get("visible_source")
        assert isinstance(source, str) and source.split(":")[0] in (
            "doc",
            "3rd",
            "est",
            "policy",
            "unknown",
        ), path


def test_overrides_merge_and_typos_are_refused() -> None:
    limits = load_limits({"x": {"max_weighted": 140}, "sms": {"cn": {"single": 60}}})
    assert limits.number("x.max_weighted") == 140
    assert limits.number("x.url_length") == 23
    assert limits.number("sms.cn.single") == 60
    with pytest.raises(ValueError, match="unknown"):
        load_limits({"x": {"max_weigthed": 1}})
    with pytest.raises(ValueError, match="must be int"):
        load_limits({"x": {"max_weighted": "280"}})
    with pytest.raises(ValueError, match="negative"):
        load_limits({"x": {"max_weighted": -1}})
    with pytest.raises(ValueError, match="severity"):
        load_limits({"x": {"severity": "fatal"}})
    with pytest.raises(ValueError, match="table"):
        load_limits({"x": 3})


def test_overrides_from_a_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("[email]\nphone_width = 33\n", encoding="utf-8")
    limits = load_limits(path=path)
    assert limits.number("email.phone_width") == 33
    assert check_length("email", "a" * 34, limits=limits).findings


def test_severity_is_configurable() -> None:
    limits = load_limits({"weibo": {"visible_severity": "info"}})
    (finding,) = check_length("weibo", "恢" * 141, limits=limits).findings
    assert finding.severity == "info"


def test_a_limit_of_zero_means_none() -> None:
    limits = load_limits({"x": {"max_weighted": 0}})
    assert not check_length("x", "恢" * 1000, limits=limits).findings


# --- grapheme safety ------------------------------------------------------------------


@pytest.mark.parametrize("cluster", TRICKY)
def test_each_tricky_sequence_is_one_cluster(cluster: str) -> None:
    assert graphemes("a" + cluster + "b") == ["a", cluster, "b"]


@pytest.mark.parametrize("cluster", TRICKY)
def test_safe_cut_never_lands_inside_a_cluster(cluster: str) -> None:
    text = "恢" + cluster + "复"
    for index in range(len(text) + 1):
        cut = safe_cut(text, index)
        assert cut in (0, 1, 1 + len(cluster), len(text))
        assert cut <= index


def test_two_flags_can_be_cut_between_but_not_inside() -> None:
    text = "🇭🇰🇹🇼"
    assert boundaries(text) == [0, 2, 4]
    assert safe_cut(text, 3) == 2


def test_safe_prefix_with_a_platform_counter() -> None:
    text = "服务已恢复" + FAMILY + "，详情见公告"
    # X: 5 Chinese characters weigh 10, the family 2 more.
    assert safe_prefix(text, 11, lambda t: count_x(t).weighted) == "服务已恢复"
    assert safe_prefix(text, 12, lambda t: count_x(t).weighted) == "服务已恢复" + FAMILY
    # SMS units: the family is 11 UTF-16 units, all or nothing.
    assert safe_prefix(text, 15, lambda t: count_sms(t).units) == "服务已恢复"


@given(
    st.lists(st.sampled_from([*TRICKY, "a", "恢", " ", "，"]), max_size=30),
    st.integers(min_value=0, max_value=80),
)
def test_safe_prefix_ends_on_a_boundary_and_fits(pieces: list[str], limit: int) -> None:
    text = "".join(pieces)
    prefix = safe_prefix(text, limit)
    assert text.startswith(prefix)
    assert len(prefix) <= limit
    assert len(prefix) in boundaries(text)


# --- reports ----------------------------------------------------------------------------


@given(st.text(), st.sampled_from([c for c in CHANNELS if c != "wechat"]))
def test_no_text_channel_raises_on_any_string(text: str, channel: str) -> None:
    report = check_length(channel, text)
    json.dumps(report.to_dict(), ensure_ascii=False)
    for finding in report.findings:
        assert finding.rule in RULE_IDS
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.messages["zh"] and finding.messages["en"]


@given(st.text(min_size=1))
def test_reports_never_carry_a_shortened_text(text: str) -> None:
    report = check_length("x", text * 50)
    json.dumps(report.to_dict(), ensure_ascii=False)
    for finding in report.findings:
        assert finding.excerpt == (text * 50)[finding.start : finding.end]
        assert finding.end == len(text * 50)  # the span runs to the end: nothing is dropped


def test_each_channel_gives_figures() -> None:
    contents: dict[str, object] = {
        "notice": "支付服务中断。",
        "sms": "支付服务中断。",
        "weibo": "支付服务中断。",
        "x": "支付服务中断。",
        "push": {"title": "支付服务中断", "body": "预计22:00前恢复"},
        "wechat": {"subscription": {"thing1": "支付服务中断"}},
        "email": {"subject": "支付服务中断", "text": "…", "html": "<p>…</p>"},
        "statuspage": {"name": "Payments", "body": "Investigating"},
    }
    assert set(contents) == set(CHANNELS)
    for channel, content in contents.items():
        report = check_length(channel, content)  # type: ignore[arg-type]
        assert report.channel == channel
        assert report.figures
        assert report.ok


def test_message_names_count_unit_and_limit_in_both_languages() -> None:
    (finding,) = check_length("sms", "恢" * 80, region="cn").findings
    assert finding.messages["zh"] == (
        "短信长度 80 个字，超过上限 70 个字，会被拆成多条并分别计费。"
    )
    assert finding.messages["en"] == (
        "SMS is 80 characters, over the limit of 70 characters: "
        "it is split and each part is billed."
    )
    assert finding.message == finding.messages["zh"]
    assert (
        check_length("sms", "恢" * 80, region="cn", lang="en")
        .findings[0]
        .message.startswith("SMS is 80")
    )
    assert finding.suggestion


def test_unknown_channel_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown channel"):
        check_length("fax", "x")
    with pytest.raises(ValueError, match="mapping"):
        check_length("push", 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="string"):
        check_length("x", {"text": 3})


def test_traditional_drafts_read_length_findings_in_their_own_script_and_words() -> None:
    from crisiscomms.drafting import draft
    from crisiscomms.factfiles import read_facts
    from crisiscomms.resources import examples_root

    facts = read_facts(str(examples_root() / "ride-hailing-degradation.yaml"))
    words = {"zh-Hant-HK": "短訊", "zh-Hant-TW": "簡訊"}
    for lang, sms in words.items():
        d = draft(facts, "apology", lang, channel="sms")
        over = [f for f in d.findings if f.rule == "over-length"]
        assert over, d.text
        for f in over:
            assert f.message.startswith(sms) and "個" in f.message and "个" not in f.message
            assert f.messages[lang] == f.message and f.messages["zh"].startswith("短信")
            assert "截斷" in f.suggestion


def test_the_traditional_messages_file_is_generated_from_the_checks() -> None:
    pytest.importorskip("opencc")
    from crisiscomms.channels.hant_messages import derive, module_sources
    from crisiscomms.hant.lookup import DATA_FILE

    current = DATA_FILE.read_text(encoding="utf-8")
    assert current == derive(module_sources()), "run: python -m crisiscomms.channels.hant_messages"
