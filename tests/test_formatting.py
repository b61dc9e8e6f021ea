"""Formatting: numbers, money, times and lists as each language writes them, never rounded."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisiscomms.formatting import Formatter

PUBLISHED = datetime(2026, 3, 29, 5, 30, tzinfo=UTC)


def fmt(lang: str, zone: str = "Asia/Shanghai") -> Formatter:
    return Formatter(lang, zone, PUBLISHED)


@pytest.mark.parametrize(
    ("count", "zh", "en"),
    [
        (8_350_000, "835万", "8.35 million"),
        (8_000_000, "800万", "8 million"),
        (120_000_000, "1.2亿", "120 million"),
        (8_351_234, "8,351,234", "8,351,234"),  # compacting would round: keep it exact
        (12_345, "12,345", "12,345"),
        (10_000, "1万", "10,000"),
        (3_200_000, "320万", "3.2 million"),
        (1_500_000_000, "15亿", "1.5 billion"),
        (999, "999", "999"),
        (0, "0", "0"),
    ],
)
def test_counts_are_compact_only_when_nothing_is_lost(count: int, zh: str, en: str) -> None:
    assert fmt("zh").count(count) == zh
    assert fmt("en").count(count) == en


def test_estimates_read_as_about() -> None:
    assert fmt("zh").approx_count(8_000_000, "estimate") == "约800万"
    assert fmt("en").approx_count(8_000_000, "estimate") == "about 8 million"
    assert fmt("zh").approx_count(8_000_000, "exact") == "800万"


_ZH_UNITS = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
_EN_UNITS = {"trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3}


def recover(text: str, lang: str) -> Decimal:
    """Read a formatted count back as a number, the way a reader would."""
    units = _ZH_UNITS if lang == "zh" else _EN_UNITS
    number = re.fullmatch(r"([\d,]+(?:\.\d+)?)\s*(\D*)", text)
    assert number, text
    value = Decimal(number.group(1).replace(",", ""))
    unit = number.group(2)
    if not unit:
        return value
    # CLDR stacks units past the largest one: 1000万亿 / 1000 trillion.
    assert unit in units, text
    return value * units[unit]


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.integers(min_value=0, max_value=10**16),
        # Round and nearly round numbers are where compact forms are tempting.
        st.builds(
            lambda m, e: m * 10**e, st.integers(1, 9999), st.integers(min_value=0, max_value=12)
        ),
    )
)
def test_any_count_can_be_read_back_exactly_in_both_languages(count: int) -> None:
    for lang in ("zh", "en"):
        shown = fmt(lang).count(count)
        assert recover(shown, lang) == count, (lang, count, shown)


@pytest.mark.parametrize(
    ("amount", "currency", "zh", "en"),
    [
        (Decimal("10"), "CNY", "10元", "CNY 10"),
        (Decimal("200"), "CNY", "200元", "CNY 200"),
        (Decimal("1500"), "CNY", "1,500元", "CNY 1,500"),
        (Decimal("5"), "USD", "US$5", "USD 5"),
    ],
)
def test_money_carries_its_currency(amount: Decimal, currency: str, zh: str, en: str) -> None:
    assert fmt("zh").money(amount, currency) == zh
    assert fmt("en").money(amount, currency) == en


@pytest.mark.parametrize("lang", ["zh", "zh-Hant-HK", "zh-Hant-TW"])
def test_the_yen_is_named_where_its_symbol_is_the_yuans(lang: str) -> None:
    # KDDI, 2022: a Hong Kong reader took "退款¥200" for renminbi.
    from crisiscomms.factcheck import check_parity
    from crisiscomms.factcheck.quantities import find_mentions

    shown = fmt(lang).money(Decimal("200"), "JPY")
    assert "¥" not in shown and shown.startswith("200日")
    assert [(m.kind, m.value, m.currency) for m in find_mentions(f"退款{shown}")] == [
        ("money", Decimal("200"), "JPY")
    ]
    english = fmt("en").money(Decimal("200"), "JPY")
    report = check_parity(f"退款{shown}。", f"A refund of {english}.")
    assert report.zh == () and report.en == ()


def test_fractional_money_shows_whole_cents_in_english() -> None:
    assert fmt("en").money(Decimal("9.9"), "USD") == "USD 9.90"
    assert fmt("en").money(Decimal("0.5"), "CNY") == "CNY 0.50"


@pytest.mark.parametrize(
    ("duration", "zh", "en"),
    [
        (timedelta(hours=12), "12小时", "12 hours"),
        (timedelta(hours=12, minutes=6), "12小时6分钟", "12 hours, 6 minutes"),
        (timedelta(minutes=45), "45分钟", "45 minutes"),
        (timedelta(hours=1), "1小时", "1 hour"),
        (timedelta(hours=50), "50小时", "50 hours"),  # two days and more read as hours
        (timedelta(days=4, hours=1), "4天1小时", "4 days, 1 hour"),
    ],
)
def test_durations(duration: timedelta, zh: str, en: str) -> None:
    assert fmt("zh").duration(duration) == zh
    assert fmt("en").duration(duration) == en


def test_lists_are_joined_as_each_language_writes_them() -> None:
    assert fmt("zh").join(["北京", "上海", "广州"]) == "北京、上海和广州"
    assert (
        fmt("en").join(["Beijing", "Shanghai", "Guangzhou"]) == "Beijing, Shanghai, and Guangzhou"
    )
    assert fmt("zh").join(["攻击", "泄露"], "or") == "攻击或泄露"
    assert fmt("en").join(["an attack", "a leak"], "or") == "an attack or a leak"
    assert fmt("en").join(["Beijing"]) == "Beijing"


def test_beijing_time_is_named_in_chinese_and_an_offset_in_english() -> None:
    moment = datetime(2026, 3, 29, 14, 0, tzinfo=UTC)
    assert fmt("zh").datetime(moment) == "北京时间3月29日22:00"
    assert fmt("en").datetime(moment) == "Mar 29, 22:00 UTC+8"


@pytest.mark.parametrize(
    ("zone", "moment", "zh", "en"),
    [
        ("Asia/Tokyo", datetime(2026, 3, 29, 13, 0, tzinfo=UTC), "日本时间3月29日22:00",
         "Mar 29, 22:00 JST"),
        ("Asia/Kolkata", datetime(2026, 3, 29, 13, 0, tzinfo=UTC), "3月29日18:30（UTC+5:30）",
         "Mar 29, 18:30 UTC+5:30"),
        ("UTC", datetime(2026, 3, 29, 13, 0, tzinfo=UTC), "3月29日13:00（UTC）",
         "Mar 29, 13:00 UTC"),
        # Sydney is on daylight time in January (UTC+11) and standard time in July (UTC+10).
        ("Australia/Sydney", datetime(2026, 1, 15, 1, 0, tzinfo=UTC), "1月15日12:00（UTC+11）",
         "Jan 15, 12:00 UTC+11"),
        ("Australia/Sydney", datetime(2026, 7, 15, 2, 0, tzinfo=UTC), "7月15日12:00（UTC+10）",
         "Jul 15, 12:00 UTC+10"),
    ],
)  # fmt: skip
def test_other_zones_state_their_offset_including_daylight_time(
    zone: str, moment: datetime, zh: str, en: str
) -> None:
    assert fmt("zh", zone).datetime(moment) == zh
    assert fmt("en", zone).datetime(moment) == en


def test_times_are_stated_in_the_incident_zone_whatever_offset_they_were_given_in() -> None:
    given_in_tokyo = datetime.fromisoformat("2026-03-29T23:00:00+09:00")
    assert fmt("zh").datetime(given_in_tokyo) == "北京时间3月29日22:00"


def test_the_year_is_shown_only_when_it_differs_from_publication() -> None:
    same_year = datetime(2026, 12, 31, 2, 0, tzinfo=UTC)
    last_year = datetime(2025, 12, 31, 2, 0, tzinfo=UTC)
    assert "2026" not in fmt("zh").datetime(same_year)
    assert "2026" not in fmt("en").datetime(same_year)
    assert fmt("zh").datetime(last_year) == "北京时间2025年12月31日10:00"
    assert fmt("en").datetime(last_year) == "Dec 31, 2025, 10:00 UTC+8"


def test_the_year_is_judged_in_the_incident_zone_not_in_utc() -> None:
    # Published at 00:30 on Jan 1 in Beijing, which is still Dec 31 in UTC.
    published = datetime(2026, 1, 1, 0, 30, tzinfo=UTC) - timedelta(hours=8)
    zh = Formatter("zh", "Asia/Shanghai", published)
    assert zh.datetime(published) == "北京时间1月1日00:30"


def test_percent() -> None:
    assert fmt("zh").percent(12) == "12%"
    assert fmt("en").percent(0.5) == "0.5%"
    assert fmt("en").percent(45.5) == "45.5%"


@pytest.mark.parametrize(
    ("zone", "when", "zh", "en"),
    [
        ("Asia/Hong_Kong", datetime(2026, 3, 29, 14, 0, tzinfo=UTC), "香港时间3月29日22:00",
         "Mar 29, 22:00 HKT"),
        ("Asia/Taipei", datetime(2026, 3, 29, 14, 0, tzinfo=UTC), "台北时间3月29日22:00",
         "Mar 29, 22:00 UTC+8"),
        # US and European zones as readers name them, summer time told apart (trial E, AWS:
        # a Chinese notice said 10月19日23:48（UTC-7） where English said PDT).
        ("Europe/Berlin", datetime(2026, 1, 15, 12, 0, tzinfo=UTC), "欧洲中部标准时间1月15日13:00",
         "Jan 15, 13:00 CET"),
        ("Europe/Berlin", datetime(2026, 7, 15, 12, 0, tzinfo=UTC), "欧洲中部夏令时间7月15日14:00",
         "Jul 15, 14:00 CEST"),
        ("America/New_York", datetime(2026, 7, 15, 12, 0, tzinfo=UTC),
         "美国东部夏令时间7月15日08:00", "Jul 15, 08:00 EDT"),
        ("America/Los_Angeles", datetime(2026, 7, 1, 19, 0, tzinfo=UTC),
         "美国太平洋夏令时间7月1日12:00", "Jul 1, 12:00 PDT"),
        ("America/Los_Angeles", datetime(2026, 1, 15, 20, 0, tzinfo=UTC),
         "美国太平洋标准时间1月15日12:00", "Jan 15, 12:00 PST"),
        ("Europe/London", datetime(2026, 7, 15, 12, 0, tzinfo=UTC), "英国夏令时间7月15日13:00",
         "Jul 15, 13:00 BST"),
    ],
)  # fmt: skip
def test_zone_names_readers_use_from_cldr_metazones(
    zone: str, when: datetime, zh: str, en: str
) -> None:
    assert Formatter("zh", zone, when).datetime(when) == zh
    assert Formatter("en", zone, when).datetime(when) == en


@pytest.mark.parametrize("lang", ["zh", "zh-Hant-HK", "zh-Hant-TW", "en"])
@pytest.mark.parametrize(
    "zone", ["America/Los_Angeles", "America/New_York", "Europe/Berlin", "Europe/London",
             "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo", "Asia/Seoul", "Asia/Singapore"],
)  # fmt: skip
def test_the_time_checker_reads_every_zone_name_a_draft_writes(lang: str, zone: str) -> None:
    # A name the checker cannot read makes a draft's times unreadable to parity and to
    # check_draft: each name, winter and summer, must come back with its own offset.
    from crisiscomms.text.times import find_times

    for when in (
        datetime(2026, 1, 15, 12, 0, tzinfo=UTC),
        datetime(2026, 7, 15, 12, 0, tzinfo=UTC),
    ):
        written = Formatter(lang, zone, when).datetime(when)
        found = [t for t in find_times(written) if t.kind == "datetime"]
        assert len(found) == 1, (written, found)
        offset = when.astimezone(ZoneInfo(zone)).utcoffset()
        assert offset is not None
        assert found[0].utc_offset_minutes == offset.total_seconds() // 60, written
