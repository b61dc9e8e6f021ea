"""X weighted length against twitter-text v3.

The cases are written here; each comment names the published figure it checks, from
twitter-text's config/v3.json (weights, 280, URL 23) and its conformance suite
(conformance/validate.yml, "WeightedTweetsWithDiscountedEmojiCounterTest") or its URL
extraction suite (conformance/extract.yml). Read to learn; no test string is copied.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisiscomms.channels import check_length, count_x, load_limits


def test_chinese_weighs_two_latin_one() -> None:
    # v3.json: U+0000-U+10FF weigh 100 (1), everything else defaultWeight 200 (2).
    assert count_x("Payments down").weighted == 13
    assert count_x("支付中断").weighted == 8


def test_one_hundred_sixty_chinese_characters_weigh_320_and_overflow_at_140() -> None:
    # conformance "160 CJK char": 320, valid range ends at index 139.
    text = "支付服务中断正在恢复" * 16
    c = count_x(text)
    assert (c.weighted, c.over_at) == (320, 140)


def test_three_latin_then_160_chinese_weigh_323() -> None:
    # conformance "3 latin char + 160 CJK char": 323, overflow at index 141.
    c = count_x("ETA" + "支付服务中断正在恢复" * 16)
    assert (c.weighted, c.over_at) == (323, 141)


def test_one_hundred_sixty_emoji_weigh_320() -> None:
    # conformance "160 emoji char": 320; an emoji is 2 whatever its UTF-16 length.
    c = count_x("🚨" * 160)
    assert (c.weighted, c.over_at) == (320, 140)


def test_one_hundred_forty_zwj_families_are_exactly_280() -> None:
    # conformance "140 family emoji": 280 and valid -- each 7-code-point family counts 2.
    family = "👩\u200d👩\u200d👦\u200d👦"
    c = count_x(family * 140)
    assert (c.weighted, c.over_at) == (280, None)
    assert c.weighted < len(family * 140)


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("👍🏽", 2),  # skin tone: conformance "... with skin tone modifiers"
        ("👩🏽\u200d💻", 2),  # skin tone inside a ZWJ sequence
        ("🇭🇰", 2),  # flag of two regional indicators
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 2),  # tag flag
        ("3\u20e3", 2),  # keycap without VS16: conformance "Emoji with a leading character ..."
        ("#\ufe0f\u20e3", 2),  # keycap with VS16
        ("☺", 2),  # U+263A is outside the weight-1 ranges: conformance mixed-emoji case
        ("©", 1),  # text-presentation default, in U+0000-U+10FF: not an emoji without VS16
        ("©\ufe0f", 2),  # with VS16 it is an emoji
        ("☺\ufe0e", 4),  # VS15 asks for text: U+263A and U+FE0E weigh 2 each
        ("1\ufe0f", 3),  # no keycap: "1" weighs 1 and a stray VS16 2, as twitter-text does
    ],
)
def test_emoji_sequences(text: str, weight: int) -> None:
    assert count_x(text).weighted == weight


def test_mixed_latin_cat_smiley_family() -> None:
    # conformance "Count a mix of single byte single word, and double word unicode": 7.
    assert count_x("A🐶☺👨\u200d👩\u200d👧\u200d👦").weighted == 7


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("‘’“”", 4),  # U+2018-U+201D: weight 1
        ("–—", 2),  # U+2013, U+2014: weight 1
        ("′″", 2),  # U+2032, U+2033: weight 1
        ("…", 2),  # U+2026 is outside every weight-1 range
        ("，。", 4),  # full-width punctuation
        ("\u3000", 2),  # ideographic space
        ("\u2009", 1),  # thin space, inside U+2000-U+200D
    ],
)
def test_general_punctuation(text: str, weight: int) -> None:
    # conformance "Handle General Punctuation Characters": the listed ranges weigh 1.
    assert count_x(text).weighted == weight


def test_nfc_first() -> None:
    # conformance "'Á' is normalized into 1 char": A + U+0301 composes, then weighs 1.
    assert count_x("Cafe\u0301").weighted == 4
    # conformance: a composition-excluded presentation form decomposes into several
    # code points under NFC, each weighed (here U+FB1D -> U+05D9 U+05B4).
    assert count_x("A\ufb1d").weighted == 3


def test_url_counts_23() -> None:
    # v3.json transformedURLLength 23; conformance "Regular Tweet with url" / "Just url".
    assert count_x("https://s.co").weighted == 23
    long_link = "https://status.example.com/incidents/2026-11-28/payments"
    assert count_x(f"Status: {long_link}").weighted == 8 + 23
    assert count_x("http://a.cn http://b.cn").weighted == 47


def test_url_inside_chinese_text() -> None:
    # extract.yml "Extract URLs with and without protocol surrounded by CJK characters".
    c = count_x("详情见https://status.example.com/i/42。谢谢")
    assert (c.urls, c.weighted) == (1, 6 + 23 + 2 + 4)


def test_bare_domain_with_known_tld_counts_23() -> None:
    # extract.yml "Extract URLs without protocol on (com|org|edu|gov|net) domains".
    assert count_x("访问status.example.cn了解进展").weighted == 4 + 23 + 8
    assert count_x("see t.co/abc").weighted == 4 + 23


def test_bare_domain_with_unknown_tld_is_plain_text() -> None:
    # extract.yml "... not on (com|org|edu|gov|net) domains": foo.baz is no link.
    assert count_x("foo.baz").weighted == 7


def test_label_over_63_characters_is_no_link() -> None:
    # conformance "Handle a 64 character domain without protocol": counted as text (68).
    assert count_x("x" * 64 + ".com").weighted == 68
    assert count_x("x" * 63 + ".com").weighted == 23


def test_trailing_punctuation_is_not_part_of_the_link() -> None:
    assert count_x("https://x.co/a.").weighted == 24
    assert count_x("(https://x.co/a)").weighted == 25


def test_over_limit_is_an_error_finding_at_the_overflow() -> None:
    text = "支付服务中断正在恢复" * 15  # 150 characters, 300 weighted
    (finding,) = check_length("x", text).findings
    assert (finding.rule, finding.severity) == ("over-length", "error")
    assert (finding.start, finding.end) == (140, 150)
    assert "300" in finding.messages["zh"] and "280" in finding.messages["zh"]
    assert "weighted" in finding.messages["en"]


def test_exactly_280_is_fine() -> None:
    assert not check_length("x", "支付服务中断正在恢复" * 14).findings


def test_limit_and_url_length_are_configurable() -> None:
    limits = load_limits({"x": {"max_weighted": 140, "url_length": 20}})
    assert count_x("https://a.co", limits).weighted == 20
    assert check_length("x", "支" * 71, limits=limits).findings


@given(st.text())
def test_never_raises_and_weighs_each_code_point_at_least_one(text: str) -> None:
    c = count_x(text)
    assert c.weighted >= 0
    # Outside links and emoji sequences every code point (after NFC) weighs 1 or 2.
    if not c.urls and not c.emoji:
        assert len(_nfc(text)) <= c.weighted <= 2 * len(_nfc(text))


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)))
def test_chinese_weighs_twice_its_code_points(text: str) -> None:
    assert count_x(text).weighted == 2 * len(text) >= len(text)


def _nfc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text)
