"""Traditional Chinese drafts for Hong Kong (zh-Hant-HK) and Taiwan (zh-Hant-TW)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import incident_models

from crisiscomms import hant
from crisiscomms.drafting import Draft, draft, draft_all
from crisiscomms.errors import InputError
from crisiscomms.factcheck import check_draft, check_parity
from crisiscomms.factfiles import read_facts
from crisiscomms.facts import FactsError, Incident
from crisiscomms.hant import generate
from crisiscomms.kinds import DRAFT_LANGS, HANT_LANGS, KINDS, kind_slug, normalize_lang
from crisiscomms.lint import lint
from crisiscomms.tools import call_tool

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

BASE: dict[str, Any] = {
    "organization": {"zh": "示例科技", "en": "Example Tech"},
    "service": {"zh": "示例云存储", "en": "Example Cloud Storage"},
    "timezone": "Asia/Hong_Kong",
    "started_at": "2026-03-29T20:00:00+08:00",
    "detected_at": "2026-03-29T20:05:00+08:00",
    "published_at": "2026-03-29T20:30:00+08:00",
    "next_update_at": "2026-03-29T21:30:00+08:00",
    "impact": {
        "kind": "outage",
        "symptoms": {
            "zh": "无法上传文件，网络连接超时",
            "en": "files cannot be uploaded and network connections time out",
        },
        "involves": ["personal_data"],
    },
    "data": {"status": "intact"},
    "cause": {
        "status": "confirmed",
        "description": {
            "zh": "数据中心的网络设备故障导致服务器无法访问",
            "en": "a network device failure in a data centre that made servers unreachable",
        },
    },
}


def _drafts(path: Path) -> tuple[Incident, dict[tuple[str, str], Draft]]:
    incident = read_facts(str(path))
    drafts = draft_all(incident, langs=DRAFT_LANGS)
    return incident, {(d.kind, d.lang): d for d in drafts}


def _rules(findings: Any) -> Counter[str]:
    return Counter(f.rule for f in findings)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_kind_drafts_for_both_regions_lint_and_parity_clean(example: Path) -> None:
    incident, drafts = _drafts(example)
    for kind in KINDS:
        zh, en = drafts[(kind, "zh")], drafts[(kind, "en")]
        for lang in HANT_LANGS:
            d = drafts[(kind, lang)]
            assert d.vetted, f"{d.template_id} is not vetted"
            assert d.template_id == f"{lang}/{kind}"
            # The same placeholders as the Simplified draft, and no wording finding at all.
            assert [f.rule for f in d.findings] == [f.rule for f in zh.findings]
            wording = [f for f in lint(d.text, "zh-Hant") if not f.rule.startswith("missing-")]
            assert [f.rule for f in wording] == [
                f.rule for f in lint(zh.text, "zh") if not f.rule.startswith("missing-")
            ]
            assert not [f for f in d.findings if not f.rule.startswith("missing-")]
            # Parity: every number, time and amount of zh and en, and nothing else.
            with_zh = check_parity(d.text, zh.text)
            assert not with_zh.zh and not with_zh.en, (kind, lang, with_zh)
            with_en = check_parity(d.text, en.text)
            assert not with_en.zh and not with_en.en, (kind, lang, with_en)
            # The fact checker reads the Traditional draft as it reads the Simplified one.
            assert _rules(check_draft(d.text, incident, "zh-Hant", kind)) == _rules(
                check_draft(zh.text, incident, "zh", kind)
            )


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_traditional_drafts_match_their_golden_files(example: Path) -> None:
    _, drafts = _drafts(example)
    folder = ROOT / "tests" / "fixtures" / example.stem
    for (kind, lang), d in drafts.items():
        if lang not in HANT_LANGS:
            continue
        golden = folder / f"expected.{kind_slug(d.kind)}.{lang}.txt"
        assert golden.exists(), f"no golden file {golden}: run python tests/regen_golden.py"
        assert d.text == golden.read_text("utf-8"), f"{golden.name} differs (kind {kind})"


PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(incident_models())
def test_for_any_facts_traditional_drafts_say_what_zh_says(incident: Incident) -> None:
    drafts = {(d.kind, d.lang): d for d in draft_all(incident, langs=DRAFT_LANGS)}
    for kind in KINDS:
        zh = drafts[(kind, "zh")]
        for lang in HANT_LANGS:
            d = drafts[(kind, lang)]
            # The same placeholders, and no wording finding the Simplified draft has not.
            assert [f.rule for f in d.findings if f.rule.startswith("missing-")] == [
                f.rule for f in zh.findings if f.rule.startswith("missing-")
            ]
            wording = {f.rule for f in d.findings if not f.rule.startswith("missing-")}
            assert wording <= {f.rule for f in zh.findings}, (kind, lang, d.text)
            report = check_parity(d.text, zh.text)
            assert report.zh == () and report.en == (), (kind, lang, report, d.text)


@PROPERTY
@given(incident_models(complete=True))
def test_for_complete_facts_traditional_drafts_have_no_finding(incident: Incident) -> None:
    for d in draft_all(incident, langs=HANT_LANGS):
        assert d.findings == (), (d.kind, d.lang, d.findings, d.text)


def test_regional_vocabulary_differs_where_the_regions_differ() -> None:
    hk = draft(BASE, "first_statement", "zh-Hant-HK").text
    tw = draft(BASE, "first_statement", "zh-Hant-TW").text
    # Facts converted per region: network, data centre, server.
    assert "網絡連接" in hk and "數據中心" in hk and "服務器" in hk
    assert "網路連線" in tw and "資料中心" in tw and "伺服器" in tw
    # The vetted template's own wording: a user's data is 資料 in both, users differ.
    assert "經核查，用戶資料未丟失、未洩露。" in hk
    assert "經核查，使用者資料未丟失、未洩露。" in tw
    # Traditional characters only: nothing of the Simplified forms is left.
    for simplified in ("网", "数据", "务", "时间", "户"):
        assert simplified not in hk and simplified not in tw
    # Salutation as each region opens a notice.
    assert "尊敬的用戶：" in hk and "親愛的使用者：" in tw


def test_time_zones_and_currencies_as_readers_there_write_them() -> None:
    hk = draft(BASE, "first_statement", "zh-Hant-HK").text
    assert "香港時間3月29日20:00起" in hk
    taipei = {**BASE, "timezone": "Asia/Taipei"}
    assert "臺北時間3月29日20:00起" in draft(taipei, "first_statement", "zh-Hant-TW").text
    assert "台北時間3月29日20:00起" in draft(taipei, "first_statement", "zh-Hant-HK").text

    from datetime import UTC, datetime
    from decimal import Decimal

    from crisiscomms.formatting import Formatter

    now = datetime(2026, 3, 29, tzinfo=UTC)
    hk_f, tw_f = Formatter("zh-Hant-HK", "Asia/Hong_Kong", now), Formatter("zh-Hant-TW", "UTC", now)
    assert [hk_f.money(Decimal(10), c) for c in ("HKD", "CNY", "USD")] == [
        "HK$10",
        "人民幣10元",
        "US$10",
    ]
    assert [tw_f.money(Decimal("9.90"), c) for c in ("TWD", "CNY", "HKD")] == [
        "新台幣9.90元",
        "人民幣9.90元",
        "港幣9.90元",
    ]
    # Chinese counts and unspaced units in both regions (CLDR's zh_Hant_HK writes 8.35M).
    assert hk_f.count(8_350_000) == tw_f.count(8_350_000) == "835萬"
    from datetime import timedelta

    assert hk_f.duration(timedelta(days=3, hours=1)) == "3天1小時"
    assert tw_f.duration(timedelta(hours=12, minutes=30)) == "12小時30分鐘"


def test_converted_facts_are_listed_for_a_person_to_check() -> None:
    d = draft(BASE, "first_statement", "zh-Hant-TW")
    converted = {c.path: c for c in d.converted}
    assert set(converted) == {"organization", "service", "impact.symptoms", "cause.description"}
    assert converted["cause.description"].source == BASE["cause"]["description"]["zh"]
    assert converted["cause.description"].text in d.text
    assert converted["service"].config == "s2twp"
    data = d.to_dict()["converted_facts"]
    service = {"path": "service", "from": "示例云存储", "text": "示例雲端儲存", "opencc": "s2twp"}
    assert service in data
    # Simplified and English drafts convert nothing.
    assert draft(BASE, "first_statement", "zh").to_dict()["converted_facts"] == []


def test_traditional_text_given_in_the_facts_is_used_as_given() -> None:
    facts = {
        **BASE,
        "service": {"zh": "示例云存储", "en": "Example Cloud", "zh-Hant-HK": "示例雲端儲存服務"},
        "cause": {
            "status": "confirmed",
            "description": {
                "zh": "机房空调故障",
                "en": "a cooling failure",
                "zh-Hant": "機房冷氣故障",
            },
        },
    }
    hk = draft(facts, "first_statement", "zh-Hant-HK")
    assert "示例雲端儲存服務" in hk.text and "機房冷氣故障" in hk.text
    assert {c.path for c in hk.converted} == {"organization", "impact.symptoms"}
    # zh-Hant serves both regions; the region's own tag wins over it.
    tw = draft(facts, "first_statement", "zh-Hant-TW")
    assert "機房冷氣故障" in tw.text
    assert "service" in {c.path for c in tw.converted}


def test_a_fact_with_no_chinese_text_is_a_missing_translation() -> None:
    facts = {**BASE, "service": {"en": "Example Cloud"}}
    with pytest.raises(FactsError) as caught:
        draft(facts, "first_statement", "zh-Hant-HK")
    assert [p.path for p in caught.value.problems] == ["service.zh-Hant-HK"]


def test_zh_hant_means_taiwan_and_unknown_regions_are_refused() -> None:
    assert normalize_lang("zh-Hant") == "zh-Hant-TW"
    assert draft(BASE, "apology", "zh-Hant").lang == "zh-Hant-TW"
    with pytest.raises(InputError, match="zh-Hant-HK"):
        normalize_lang("zh-Hant-MO")


def test_the_tool_drafts_traditional_and_reports_conversions() -> None:
    result = call_tool(
        "draft_notice", {"facts": BASE, "kind": "first_statement", "langs": ["zh-Hant", "zh"]}
    )
    assert result["ok"], result
    zh, tw = result["drafts"]
    assert (zh["lang"], tw["lang"]) == ("zh", "zh-Hant-TW")
    assert zh["converted_facts"] == []
    assert {c["path"] for c in tw["converted_facts"]} >= {"service", "cause.description"}


def test_placeholders_are_traditional_and_their_paths_are_known() -> None:
    from crisiscomms.factcheck.claims import placeholder_paths

    facts = {k: v for k, v in BASE.items() if k != "next_update_at"}
    hk = draft(facts, "first_statement", "zh-Hant-HK")
    assert "【待補充：下次更新時間】" in hk.text
    assert [f.rule for f in hk.findings] == ["missing-next-update"]
    assert placeholder_paths(hk.text) == {"next_update_at"}


def test_the_generated_templates_are_up_to_date() -> None:
    # Fails after templates/zh, elements.toml, audiences.toml or fixes.toml change:
    # run python -m crisiscomms.hant.generate, read the diff, then re-vet.
    assert generate.stale() == []


def test_fixes_apply_longest_first_in_one_pass() -> None:
    assert hant.apply_fixes("“釋出”公告", "zh-Hant-TW") == "「發布」公告"
    assert hant.apply_fixes("用户數據與户口", "zh-Hant-HK") == "用戶資料與戶口"


def test_taiwan_facts_say_permissions_config_files_and_access_as_taiwan_writes_them() -> None:
    # A trial's Cloudflare facts, given only in Simplified: s2twp wrote 許可權, 配置檔案, 訪問.
    facts = "一次数据库权限变更导致配置文件出错，经由Cloudflare访问的网站返回错误"
    assert (
        hant.convert(facts, "zh-Hant-TW")
        == "一次資料庫權限變更導致設定檔出錯，經由Cloudflare存取的網站返回錯誤"
    )
    assert "訪問" in hant.convert(facts, "zh-Hant-HK")  # Hong Kong reaches a site by 訪問


def test_a_card_issuer_is_not_a_hairpin_and_contact_is_not_in_parallel() -> None:
    # Visa's facts, given only in Simplified: OpenCC read 并联 (in parallel) and 发卡 (a
    # hairpin) as words and wrote 並聯系您的髮卡銀行 for both regions.
    facts = "请保留凭证，并联系您的发卡银行或发卡机构"
    assert hant.convert(facts, "zh-Hant-HK") == "請保留憑證，並聯繫您的發卡銀行或發卡機構"
    assert hant.convert(facts, "zh-Hant-TW") == "請保留憑證，並聯絡您的發卡銀行或發卡機構"


def test_without_opencc_converting_is_a_clear_input_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "opencc", None)
    hant._opencc.cache_clear()
    hant.convert.cache_clear()
    try:
        with pytest.raises(InputError, match=r"crisiscomms\[hant\]"):
            hant.convert("网络", "zh-Hant-HK")
    finally:
        hant._opencc.cache_clear()


@pytest.mark.parametrize("lang", HANT_LANGS)
def test_a_traditional_drafts_missing_fact_findings_speak_traditional(lang: str) -> None:
    # The login example lacks the restored time, the count and the prevention an apology needs.
    incident = read_facts(str(ROOT / "examples" / "login-outage.yaml"))
    missing = [f for f in draft(incident, "apology", lang).findings if f.rule.startswith("missing")]
    assert missing
    for finding in missing:
        simplified = hant.convert(finding.message, lang) != finding.message
        assert not simplified, (finding.rule, finding.message)
        assert hant.convert(finding.suggestion, lang) == finding.suggestion, finding.suggestion
    zh = draft(incident, "apology", "zh").findings
    assert {f.rule for f in zh} >= {f.rule for f in missing}
    assert all(a.message != b.message for a in missing for b in zh if a.rule == b.rule)


@pytest.mark.parametrize(
    ("simplified", "taiwan"),
    [
        ("网上银行、手机银行和自动柜员机暂停服务", "網路銀行、行動銀行和自動提款機暫停服務"),
        ("请输入手机号", "請輸入手機號碼"),
        ("请输入手机号码", "請輸入手機號碼"),  # not 手機號碼碼
    ],
)
def test_facts_given_in_simplified_read_as_taiwan_writes_them(simplified: str, taiwan: str) -> None:
    assert hant.convert(simplified, "zh-Hant-TW") == taiwan


def test_fact_checks_on_a_traditional_text_speak_traditional_and_quote_it_as_written() -> None:
    # A chatbot passed an HK draft's own lang to check_draft: 存款安全 came back flagged in
    # Simplified (BEA trial). The text's words are quoted as written, whatever the script.
    incident = read_facts(str(ROOT / "examples" / "login-outage.yaml"))
    text = "用戶資金安全。預計晚上11時前恢復。約500萬用户受影響。"
    found = [
        f
        for f in check_draft(text, incident, lang="zh-Hant-HK")
        if f.rule in ("fact-mismatch", "unsupported-claim")
    ]
    assert {f.rule for f in found} == {"fact-mismatch", "unsupported-claim"}

    def traditional(text: str) -> bool:  # Hong Kong's characters and words; quotes stay “”
        return hant.convert(text, "zh-Hant-HK").translate(_QUOTES) == text.translate(_QUOTES)

    for f in found:
        assert traditional(f.message.replace(f"“{f.excerpt}”", "")), f.message
        assert traditional(f.suggestion), f.suggestion
    assert any("“500萬”" in f.message for f in found)  # quoted as written


_QUOTES = str.maketrans("「」『』", "“”‘’")


def test_the_packs_own_findings_speak_each_regions_traditional() -> None:
    # A Hong Kong file's cross-channel parity-mismatch was in Simplified Chinese.
    from crisiscomms.commspack.data import messages

    message, suggestion = messages("cross_channel", excerpt="800萬")
    assert message["zh-Hant-HK"] == "“800萬”在同一語言的長文公告中沒有對應的數值。"
    assert suggestion["zh-Hant-TW"] == hant.convert(suggestion["zh"], "zh-Hant-TW")


def test_hong_kong_writes_app_and_personal_data_as_hong_kong_does() -> None:
    # Trial E (HKeToll): 應用程序 (mainland word order kept by s2hk) and a FAQ asking about
    # 數據 while its answer spoke of 資料.
    facts = {**BASE, "service": {"zh": "易通行应用程序"}}
    facts["impact"] = {**BASE.get("impact", {}), "involves": ["accounts"]}
    hk = draft(facts, "first_statement", "zh-Hant-HK").text
    assert "易通行應用程式" in hk and "應用程序" not in hk
    from crisiscomms.commspack import build_pack
    from crisiscomms.facts import parse_incident

    made = build_pack(parse_incident(facts), langs=["zh-Hant-HK"])
    faq = next(f.text for f in made.files if f.kind == "faq" and f.lang == "zh-Hant-HK")
    assert "我的資料是否受影響？" in faq and "數據是否" not in faq


def test_taiwan_speaks_of_people_as_dui_xiang_and_feedback_as_hui_kui() -> None:
    # Trial G (CTBC): every refund-only plan read 適用物件 ("applicable objects") in Taiwan.
    assert hant.convert("适用对象：受影响的客户", "zh-Hant-TW").startswith("適用對象")
    assert hant.convert("是否有对象改由专人对接？", "zh-Hant-TW") == "是否有對象改由專人對接？"
    assert hant.convert("遗留物件", "zh-Hant-TW") == "遺留物件"  # a thing left behind stays
    # A cloud's object storage is software's 物件 (found trying to break the fix).
    assert hant.convert("对象存储服务异常", "zh-Hant-TW") == "物件儲存服務異常"
    assert hant.convert("面向对象", "zh-Hant-TW") == "物件導向"
    assert hant.convert("请在App内反馈", "zh-Hant-TW") == "請在App內回饋"
    assert hant.convert("请在App内反馈", "zh-Hant-HK") == "請在App內反饋"
