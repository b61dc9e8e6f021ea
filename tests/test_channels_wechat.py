"""WeChat field rules: subscription notices are rejected, template messages truncated.

Figures: WeChat subscribeMessage.send / 订阅通知 (thing 20, phrase 5 Chinese characters only,
character_string 32 digits/letters/symbols, time and date formats; errcode 47003), the
2023-05-04 template-message change (keywords 20, cut with …, no emoji) and draft/add
(title 32, digest 128, content < 20,000 characters and < 1 MB).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.channels import check_length, check_subscription, check_template


def rules(report_findings: tuple[object, ...]) -> list[str]:
    return [getattr(f, "rule") for f in report_findings]  # noqa: B009


def test_thing_up_to_20_characters() -> None:
    assert not check_subscription({"thing1": "支" * 20}).findings
    (finding,) = check_subscription({"thing1": "支" * 21}).findings
    assert (finding.rule, finding.severity, finding.start) == ("over-length", "error", 20)
    assert "thing1" in finding.messages["zh"] and "21" in finding.messages["zh"]
    assert "rejects" in finding.messages["en"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("已恢复", []),
        ("处理中", []),
        ("服务已全部恢复", ["over-length"]),  # 7 > 5
        ("已恢复！", ["channel-format"]),  # punctuation is not a Chinese character
        ("OK", ["channel-format"]),
        ("略略略略略略", ["over-length"]),
    ],
)
def test_phrase_is_five_chinese_characters_only(value: str, expected: list[str]) -> None:
    assert rules(check_subscription({"phrase3": value}).findings) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("INC-20261128-01", []),
        ("A" * 32, []),
        ("A" * 33, ["over-length"]),
        ("事故编号1", ["channel-format"]),
    ],
)
def test_character_string(value: str, expected: list[str]) -> None:
    assert rules(check_subscription({"character_string4": value}).findings) == expected


@pytest.mark.parametrize(
    ("key", "value", "ok"),
    [
        ("time2", "22:00", True),
        ("time2", "2026年11月28日 22:00", True),
        ("time2", "22:00 ~ 23:30", True),
        ("time2", "2026-11-28 09:05:00", True),
        ("time2", "今晚22点", False),
        ("time2", "25:00", False),
        ("date5", "2026年11月28日", True),
        ("date5", "2026年11月28日 22:00", True),
        ("date5", "2026年11月28日 ~ 2026年11月30日", True),
        ("date5", "明天", False),
    ],
)
def test_time_and_date_formats(key: str, value: str, ok: bool) -> None:
    findings = check_subscription({key: value}).findings
    assert (not findings) == ok
    assert all(f.rule == "channel-format" and f.severity == "error" for f in findings)


def test_api_value_shape_and_empty_value() -> None:
    assert not check_subscription({"thing1": {"value": "支付服务中断"}}).findings
    assert rules(check_subscription({"thing1": {"value": ""}}).findings) == ["channel-format"]


def test_name_chinese_10_or_latin_20() -> None:
    assert not check_subscription({"name6": "客" * 10}).findings
    assert rules(check_subscription({"name6": "客" * 11}).findings) == ["over-length"]
    assert not check_subscription({"name6": "a" * 20}).findings


def test_unknown_type_gets_figures_only() -> None:
    report = check_subscription({"mystery7": "x" * 500})
    assert not report.findings
    assert report.figures["mystery7"] == {"type": "mystery", "chars": 500, "limit": 0}


def test_template_keyword_over_20_is_a_truncation_warning() -> None:
    (finding,) = check_template({"keyword1": "支付服务中断，预计今晚22:00前恢复正常"}).findings
    assert (finding.rule, finding.severity, finding.start) == ("over-length", "warning", 20)
    assert "…" in finding.messages["en"] or "…" in finding.messages["zh"]


def test_template_emoji_is_a_warning() -> None:
    (finding,) = check_template({"keyword1": "已恢复👍"}).findings
    assert (finding.rule, finding.severity) == ("channel-format", "warning")


def test_template_whole_over_200() -> None:
    fields = {f"keyword{i}": "恢" * 20 for i in range(11)}
    report = check_template(fields)
    assert rules(report.findings) == ["over-length"]
    assert report.figures["_whole"] == {"chars": 220, "limit": 200}


def test_article_limits() -> None:
    report = check_length(
        "wechat",
        {"article": {"title": "标" * 33, "digest": "摘" * 129, "content": "<p>ok</p>"}},
    )
    assert [(f.rule, f.severity, f.start) for f in report.findings] == [
        ("over-length", "error", 32),
        ("over-length", "error", 128),
    ]
    assert report.figures["article"]["content"]["bytes"] == 9


def test_article_body_under_20000_characters_and_1_mb() -> None:
    assert not check_length("wechat", {"article": {"content": "a" * 19999}}).findings
    (finding,) = check_length("wechat", {"article": {"content": "a" * 20000}}).findings
    assert finding.start == 19999
    # 19,000 Chinese characters are 57,000 bytes: the character limit binds first.
    big = "<p>" + "恢" * 19000 + "</p>"
    assert not check_length("wechat", {"article": {"content": big}}).findings


def test_article_body_bytes_limit_is_configurable() -> None:
    from crisiscomms.channels import load_limits

    limits = load_limits({"wechat": {"article": {"content_bytes": 10}}})
    report = check_length("wechat", {"article": {"content": "恢复正常"}}, limits=limits)
    (finding,) = report.findings
    assert finding.start == 3  # bytes 10-12 are the 4th character
    assert "12" in finding.messages["en"] and "bytes" in finding.messages["en"]


def test_wechat_payload_shape_is_checked() -> None:
    with pytest.raises(ValueError, match="mapping"):
        check_length("wechat", "just text")
    with pytest.raises(ValueError, match="unknown part"):
        check_length("wechat", {"subscriptions": {}})


@given(
    st.dictionaries(
        st.sampled_from(["thing1", "phrase2", "character_string3", "time4", "date5", "name6"]),
        st.text(),
    ),
    st.dictionaries(st.from_regex(r"keyword[0-9]", fullmatch=True), st.text()),
)
def test_field_checks_never_raise(subscription: dict[str, str], template: dict[str, str]) -> None:
    report = check_length("wechat", {"subscription": subscription, "template": template})
    for finding in report.findings:
        assert finding.rule in ("over-length", "channel-format")
        assert finding.messages["zh"] and finding.messages["en"]
