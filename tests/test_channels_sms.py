"""SMS counting against the gateways' published rules and examples.

Sources of the figures checked (see crisiscomms/channels/channels.toml):
- Twilio glossary: GSM-7 160 one segment / 153 per segment, a 161-character message is
  153 + 8; UCS-2 70 / 67; one non-GSM character switches the whole message; an escape pair
  is never split across segments.
- Alibaba Cloud SMS message rules: mainland 160 characters -> 67 + 67 + 26 (3 billed);
  international GSM-7 350 -> 153 + 153 + 44; UCS-2 150 -> 67 + 67 + 16; | ^ € { } [ ] ~ \\
  count 2; the signature counts with the 【】 the platform adds; 500 at most.
- Huawei Cloud SMN FAQ: 【华为云】 counts 5; 68 -> 1 billed, 134 -> 2, 135 -> 3.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.channels import check_length, count_sms, is_gsm7, load_limits
from crisiscomms.channels.sms import bracket_signature


def test_gsm7_160_is_one_segment_161_is_two_of_153_and_8() -> None:
    # Twilio: "a 161-character message will be sent as two messages: 153 and 8".
    assert count_sms("a" * 160).parts == 1
    c = count_sms("a" * 161)
    assert (c.encoding, c.units, c.parts, c.part_starts) == ("GSM-7", 161, 2, (0, 153))


def test_ucs2_70_is_one_segment_71_is_two() -> None:
    # Twilio / Alibaba Cloud: UCS-2 70 in one message, 67 per part beyond.
    assert count_sms("停" * 70).parts == 1
    c = count_sms("停" * 71)
    assert (c.encoding, c.unit, c.parts, c.part_starts) == ("UCS-2", "utf16", 2, (0, 67))


def test_alibaba_international_examples() -> None:
    # Alibaba Cloud: 纯英文 350 -> 153, 153, 44; 其他语言 150 -> 67, 67, 16.
    c = count_sms("x" * 350)
    assert (c.parts, c.part_starts) == (3, (0, 153, 306))
    c = count_sms("复" * 150)
    assert (c.parts, c.part_starts) == (3, (0, 67, 134))


def test_alibaba_mainland_160_is_67_67_26() -> None:
    c = count_sms("修" * 160, region="cn")
    assert (c.unit, c.units, c.parts, c.part_starts) == ("chars", 160, 3, (0, 67, 134))


@pytest.mark.parametrize(("length", "parts"), [(68, 1), (70, 1), (71, 2), (134, 2), (135, 3)])
def test_huawei_mainland_billing_examples(length: int, parts: int) -> None:
    assert count_sms("恢" * length, region="cn").parts == parts


def test_mainland_counts_half_and_full_width_alike() -> None:
    # Alibaba Cloud: 不区分全角和半角 -- "A" and "Ａ", "," and "，" each count 1.
    assert count_sms("A,Ａ，", region="cn").units == 4


def test_mainland_signature_counts_with_brackets() -> None:
    # Huawei Cloud: 【华为云】 counts 5; Alibaba Cloud: signature with 【】 + template text.
    c = count_sms("", region="cn", signature="华为云")
    assert (c.units, c.counted) == (5, "【华为云】")
    c = count_sms("服" * 65, region="cn", signature="华为云")
    assert (c.units, c.parts) == (70, 1)
    c = count_sms("服" * 66, region="cn", signature="华为云")
    assert (c.units, c.parts) == (71, 2)


def test_signature_already_bracketed_is_kept() -> None:
    assert bracket_signature("【示例商城】", "cn") == "【示例商城】"
    assert bracket_signature("Acme", "intl") == "[Acme]"
    assert bracket_signature("示例商城", "intl") == "【示例商城】"


def test_mainland_over_500_is_rejected() -> None:
    report = check_length("sms", "停" * 495, region="cn", signature="示例商城")  # 495 + 6
    rejected = [f for f in report.findings if "500" in f.messages["en"]]
    assert len(rejected) == 1
    assert rejected[0].severity == "error"
    assert rejected[0].start == 494  # the 501st counted character, 6 of which are the signature


@pytest.mark.parametrize("char", list("^{}\\[~]|€\f"))
def test_extension_table_characters_count_two(char: str) -> None:
    # Twilio / Alibaba Cloud: | ^ € { } [ ] ~ \ (and form feed) take two septets.
    c = count_sms("a" + char)
    assert (c.encoding, c.units) == ("GSM-7", 3)


def test_eighty_braces_fit_one_message_eighty_one_do_not() -> None:
    assert count_sms("{" * 80).parts == 1
    assert count_sms("{" * 81).parts == 2


def test_escape_pair_is_never_split_across_parts() -> None:
    # 152 septets, then a 2-septet "{" that would straddle 153: it opens part 2 instead.
    # Naive arithmetic (306 / 153) says 2 parts; the gateway sends 3.
    c = count_sms("a" * 152 + "{" + "a" * 152)
    assert c.units == 306
    assert c.part_starts == (0, 152, 304)


def test_surrogate_pair_is_never_split_across_parts() -> None:
    c = count_sms("停" * 66 + "🚨" + "停" * 10)
    assert c.units == 78
    assert c.part_starts == (0, 66)


def test_emoji_is_two_utf16_units() -> None:
    assert count_sms("🚨").units == 2
    assert count_sms("👍🏽").units == 4


def test_gsm7_basic_set_edges() -> None:
    assert is_gsm7("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà")
    for outsider in ("`", "’", "“", "—", "…", "，", "é\u0301", "ê", "\t"):
        assert not is_gsm7(outsider), outsider


def test_full_width_comma_in_english_switches_to_ucs2() -> None:
    text = "Payments are down，next update at 10:00 UTC."
    c = count_sms(text)
    assert c.encoding == "UCS-2"
    assert c.ucs2_because == ((text.index("，"), "，"),)


def test_curly_quote_makes_a_one_part_english_sms_two_parts() -> None:
    plain = "We're restoring payments. " * 3  # 78 GSM-7 characters: one part
    curly = plain.replace("'", "’")
    assert count_sms(plain).parts == 1
    report = check_length("sms", curly, region="intl")
    assert report.figures["text"]["parts"] == 2
    (finding,) = report.findings
    assert finding.rule == "over-length"
    assert "’" in finding.messages["en"] and "UCS-2" in finding.messages["en"]
    assert "UCS-2" in finding.messages["zh"]


def test_crlf_counts_two_septets() -> None:
    c = count_sms("a\r\nb")
    assert (c.encoding, c.units) == ("GSM-7", 4)


def test_finding_points_at_first_character_past_one_message() -> None:
    text = "a" * 165
    (finding,) = check_length("sms", text, region="intl").findings
    assert (finding.start, finding.end) == (160, 165)
    # A second part is billed, not refused: the reader gets every word.
    assert finding.severity == "warning"
    assert "165" in finding.messages["en"] and "160" in finding.messages["en"]
    assert "165" in finding.messages["zh"] and "160" in finding.messages["zh"]


def test_allowing_two_parts_moves_the_finding_to_the_third() -> None:
    limits = load_limits({"sms": {"max_parts": 2}})
    assert not check_length("sms", "a" * 306, region="intl", limits=limits).findings
    (finding,) = check_length("sms", "a" * 307, region="intl", limits=limits).findings
    assert finding.start == 306
    assert "3 billed parts" in finding.messages["en"]


def test_empty_sms_has_no_parts() -> None:
    assert count_sms("").parts == 0
    assert count_sms("", region="cn").parts == 0


def test_region_defaults_follow_language() -> None:
    assert check_length("sms", "服务已恢复", lang="zh").figures["text"]["region"] == "cn"
    assert check_length("sms", "服務已恢復", lang="zh-Hant-HK").figures["text"]["region"] == "intl"
    assert check_length("sms", "Restored", lang="en").figures["text"]["region"] == "intl"


def test_hk_and_tw_numbers_use_international_rules() -> None:
    # Traditional Chinese to Hong Kong: UCS-2, 70 / 67, not the mainland's per-character rule.
    c = check_length("sms", "服" * 71, lang="zh-Hant-TW").figures["text"]
    assert (c["encoding"], c["unit"], c["parts"]) == ("UCS-2", "utf16", 2)


def test_bad_region_is_refused() -> None:
    with pytest.raises(ValueError, match="region"):
        check_length("sms", {"text": "x", "region": "mars"})


@given(st.text(), st.sampled_from(["cn", "intl"]))
def test_counting_never_raises_and_parts_never_negative(text: str, region: str) -> None:
    c = count_sms(text, region="cn" if region == "cn" else "intl")
    assert c.parts >= 0
    assert c.units >= c.characters
    assert (c.parts == 0) == (text == "")


@given(st.text(), st.text(min_size=1), st.sampled_from(["cn", "intl"]))
def test_parts_are_monotone_in_length(text: str, more: str, region: str) -> None:
    r = "cn" if region == "cn" else "intl"
    assert count_sms(text + more, region=r).parts >= count_sms(text, region=r).parts


def test_lone_surrogate_does_not_raise() -> None:
    assert count_sms("a\ud800b").encoding == "UCS-2"
    assert check_length("sms", "a\ud800b").figures["text"]["chars"] == 3
