"""Names the facts give are names: 华南银行 does not blame a bank, 唯品会 promises nothing."""

from __future__ import annotations

from typing import Any

from crisiscomms.drafting import draft
from crisiscomms.factcheck.checking import check_draft
from crisiscomms.factcheck.names import lint_with_names, mask_names
from crisiscomms.facts import parse_incident
from crisiscomms.lint import lint

BASE: dict[str, Any] = {
    "timezone": "Asia/Taipei",
    "started_at": "2024-11-07T13:38:00+08:00",
    "published_at": "2024-11-07T18:06:00+08:00",
}


def facts(**more: Any) -> Any:
    return parse_incident({**BASE, **more})


BANK = facts(
    organization={"zh": "华南银行", "en": "Hua Nan Bank"},
    service={"zh": "行动银行App", "en": "the Bank app"},
)


def rules(found: Any) -> list[str]:
    return [f.rule for f in found]


def test_a_bank_in_the_organisation_or_service_name_is_not_blamed() -> None:
    text = "行动银行App出现服务异常，我们深表歉意。华南银行"
    assert "blame-shift" in rules(lint(text, "zh"))  # the linter alone reads 银行 as a party
    assert "blame-shift" not in rules(check_draft(text, BANK, "zh"))


def test_an_english_name_is_masked_whole_words_only() -> None:
    text = "The Bank app was slow. The outage was caused by our bank's payment processor."
    masked = mask_names(text, BANK, "en")
    assert masked.startswith("qqq qqqq qqq was slow.")  # case aside, the name whole
    assert "our bank's payment processor" in masked  # "bank" alone is not the name
    assert "blame-shift" in rules(check_draft(text, BANK, "en"))


def test_hui_in_a_name_is_not_a_promise() -> None:
    vip = facts(organization={"zh": "唯品会"}, service={"zh": "唯品会线上商城"})
    text = "关于唯品会线上商城服务中断的说明"
    assert "vague-fix-no-timeline" not in rules(lint_with_names(text, vip, "zh"))


def test_an_audience_name_stays_a_group_of_people() -> None:
    airlines = facts(
        organization={"zh": "美国联邦航空管理局"},
        service={"zh": "NOTAM系统"},
        audiences=[{"id": "airlines", "name": {"zh": "航空公司", "en": "airlines"}}],
    )
    counting = "受影响的航空公司数量仍在统计中。"
    assert "blame-shift" not in rules(check_draft(counting, airlines, "zh"))
    # A vague share of the audience is still vague: the name stands for people.
    found = check_draft("部分航空公司的航班无法起飞。", airlines, "zh")
    assert "vague-scope" in rules(found)
    assert found[0].excerpt.startswith("部分航空公司")  # the name whole, not 部分用户


def test_findings_point_into_the_text_given() -> None:
    text = "华南银行：\n系统正在紧急修复中。"
    (finding,) = [f for f in check_draft(text, BANK, "zh") if f.rule == "vague-fix-no-timeline"]
    assert text[finding.start : finding.end] == finding.excerpt
    assert (finding.line, finding.column) == (2, 3)


def test_a_draft_of_a_bank_has_no_wording_finding_from_its_name() -> None:
    bank = facts(
        organization={"zh": "华南银行", "en": "Hua Nan Bank"},
        service={"zh": "行动银行App", "en": "the mobile banking app"},
        status="resolved",
        resolved_at="2024-11-07T14:13:00+08:00",
        impact={"symptoms": {"zh": "登录缓慢", "en": "slow log-ins"}},
    )
    notice = draft(bank, "first_statement", "zh")
    assert "blame-shift" not in rules(notice.findings)
