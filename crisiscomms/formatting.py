"""Locale-aware formatting of times, counts, money, durations and lists (Babel/CLDR).

A :class:`Formatter` is bound to one language and one time zone; it caches
its :class:`babel.Locale` because Babel re-parses a locale given as a string
on every call, which is most of the cost of formatting.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime as DateTime
from datetime import timedelta
from decimal import Decimal
from functools import cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global
from babel.dates import format_skeleton, get_timezone_name
from babel.lists import format_list
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_name,
)
from babel.units import format_unit

from .errors import TemplateError
from .resources import templates_root

ListStyle = Literal["standard", "or", "unit"]


@cache
def load_terms(lang: str) -> dict[str, Any]:
    """Return the locale strings of ``templates/<lang>/terms.toml`` (names, patterns)."""
    path = templates_root() / lang / "terms.toml"
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateError(f"{path}: {error}") from None


@cache
def _metazones() -> Mapping[str, str]:
    return dict(get_global("meta_zones"))


@cache
def _locale(identifier: str) -> Locale:
    return Locale.parse(identifier)


@dataclass(frozen=True)
class Formatter:
    """Format values for one language, stating times in one zone.

    Args:
        lang: ``zh`` or ``en``.
        zone: the IANA zone every time is stated in.
        reference: the publication time; dates in its year omit the year.

    Examples:
        >>> from datetime import datetime, timezone
        >>> zh = Formatter("zh", "Asia/Shanghai", datetime(2023, 3, 29, tzinfo=timezone.utc))
        >>> zh.datetime(datetime(2023, 3, 28, 17, 0, tzinfo=timezone.utc))
        '北京时间3月29日01:00'
        >>> zh.count(8_350_000), zh.count(120_000_000), zh.money(Decimal("10"), "CNY")
        ('835万', '1.2亿', '10元')
        >>> en = Formatter("en", "Asia/Shanghai", datetime(2023, 3, 29, tzinfo=timezone.utc))
        >>> en.datetime(datetime(2023, 3, 28, 17, 0, tzinfo=timezone.utc))
        'Mar 29, 01:00 UTC+8'
        >>> en.count(8_350_000), en.duration(timedelta(hours=12, minutes=30))
        ('8.35 million', '12 hours, 30 minutes')
    """

    lang: str
    zone_name: str
    reference: DateTime

    @property
    def terms(self) -> dict[str, Any]:
        return load_terms(self.lang)

    @property
    def locale(self) -> Locale:
        return _locale(self.terms["locale"])

    @property
    def compact_locale(self) -> Locale:
        """The locale whose compact forms counts use (``compact_locale``, else the language's).

        CLDR's zh_Hant_HK writes 8.35M; a Chinese notice in Hong Kong writes 835萬.
        """
        return _locale(self.terms.get("compact_locale", self.terms["locale"]))

    @property
    def unit_locale(self) -> Locale:
        """The locale whose duration units durations use (``unit_locale``, else the language's)."""
        return _locale(self.terms.get("unit_locale", self.terms["locale"]))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.zone_name)

    def _local(self, value: DateTime) -> DateTime:
        return value.astimezone(self.zone)

    def date(self, value: DateTime) -> str:
        """Return the date in the zone: ``3月29日`` / ``Mar 29`` (with the year when it differs)."""
        local = self._local(value)
        skeleton = "MMMd" if local.year == self._local(self.reference).year else "yMMMd"
        return format_skeleton(skeleton, local, locale=self.locale)

    def clock(self, value: DateTime) -> str:
        """Return the 24-hour time in the zone, without the zone: ``22:00``."""
        return format_skeleton("Hm", self._local(value), locale=self.locale)

    def zone_label(self, value: DateTime) -> str:
        """Return the zone as readers know it at ``value``: 北京时间, HKT, CEST, or UTC+5:30.

        The language's ``[zone_names]`` (by IANA zone, then by CLDR metazone) come
        first, then CLDR's own name where the language uses it (``cldr_zone_width``:
        EST/PDT in English, 中欧夏令时间 in Chinese), then the UTC offset.
        """
        named = self._zone_name(value)
        if named:
            return named
        offset = self._local(value).utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        hours, rest = divmod(abs(minutes), 60)
        if minutes == 0:
            return "UTC"
        return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")

    def _zone_name(self, value: DateTime) -> str | None:
        names: Mapping[str, Any] = self.terms.get("zone_names", {})
        metazone = _metazones().get(self.zone_name)
        entry = names.get(self.zone_name, names.get(metazone or "", None))
        local = self._local(value)
        if isinstance(entry, str):
            return entry
        if isinstance(entry, Mapping):
            summer = bool(local.dst())
            return str(entry["daylight" if summer else "standard"])
        width = self.terms.get("cldr_zone_width")
        if width is None or metazone is None:
            return None
        name = get_timezone_name(local, width=width, locale=self.locale, return_zone=False)
        # CLDR falls back to "+0800" where a language has no short name: that is no name.
        return name if name and name[0] not in "+-" and not name.startswith("GMT") else None

    def moment(self, value: DateTime) -> str:
        """Return date and time without the zone, for lists headed by the zone."""
        pattern = str(self.terms["moment_pattern"])
        return pattern.format(date=self.date(value), time=self.clock(value))

    def datetime(self, value: DateTime) -> str:
        """Return date, time and zone, in the order the language writes them."""
        return self._zoned("datetime_pattern", value, date=self.date(value), time=self.clock(value))

    def at(self, value: DateTime) -> str:
        """Return a time as an object: ``on Mar 29 at 00:20 UTC+8`` / 北京时间3月29日00:20."""
        return self._zoned("at_pattern", value, date=self.date(value), time=self.clock(value))

    def span(self, start: DateTime, end: DateTime) -> str:
        """Return a period, the end's date only when it differs: 北京时间3月29日00:14至12:20."""
        return self._period("span_pattern", start, end)

    def window(self, start: DateTime, end: DateTime) -> str:
        """Return a window of expected times: between Mar 29, 10:00 and 12:00 UTC+8."""
        return self._period("window_pattern", start, end)

    def _period(self, pattern_name: str, start: DateTime, end: DateTime) -> str:
        same_day = self._local(start).date() == self._local(end).date()
        end_text = self.clock(end) if same_day else self.moment(end)
        return self._zoned(pattern_name, start, start=self.moment(start), end=end_text)

    def _zoned(self, pattern_name: str, value: DateTime, **parts: str) -> str:
        named = self._zone_name(value) is not None
        pattern = self.terms[pattern_name]["named" if named else "offset"]
        return str(pattern).format(zone=self.zone_label(value), **parts)

    def count(self, value: int) -> str:
        """Return a count compactly when that loses nothing: 835万 / 8.35 million."""
        compact_from = int(self.terms["compact_from"])
        if value >= compact_from:
            for digits in (0, 1, 2):
                if _exact(value, self.compact_locale, digits, self.terms["compact_format"]):
                    return format_compact_decimal(
                        value,
                        locale=self.compact_locale,
                        format_type=self.terms["compact_format"],
                        fraction_digits=digits,
                    )
        return format_decimal(value, locale=self.locale)

    def approx_count(self, value: int, precision: str) -> str:
        """Return the count, marked as an estimate when it is one (约800万 / about 8 million)."""
        text = self.count(value)
        if precision == "estimate":
            return str(self.terms["approx_pattern"]).format(n=text)
        return text

    def percent(self, value: float) -> str:
        """Return a share in percent (``value`` is 0-100): ``3.5%``."""
        return format_percent(value / 100, locale=self.locale, format="#,##0.##%")

    def money(self, amount: Decimal, currency: str) -> str:
        """Return an amount with its currency: ``10元`` / ``CNY 10`` / ``新台幣10元`` / ``HK$10``.

        A language's ``[currency_named]`` patterns come first: ``{name}{amount}元``
        with CLDR's name of the currency in the language's locale (人民幣, 新台幣, 港幣).
        """
        named = self.terms.get("currency_named", {}).get(currency)
        if named:
            whole = amount == amount.to_integral_value()
            number = format_decimal(
                amount, format="#,##0" if whole else "#,##0.00", locale=self.locale
            )
            name = get_currency_name(currency, locale=self.locale)
            return str(named).format(name=name, amount=number)
        suffix = self.terms.get("currency_suffix", {}).get(currency)
        if suffix:
            return f"{format_decimal(amount, locale=self.locale)}{suffix}"
        # Cents are shown when there are any, and then both digits (USD 9.90, not 9.9).
        whole = amount == amount.to_integral_value()
        pattern = self.terms["currency_format"]["whole" if whole else "fraction"]
        return format_currency(
            amount, currency, locale=self.locale, format=pattern, currency_digits=False
        )

    def duration(self, value: timedelta) -> str:
        """Return a duration in days, hours and minutes: 12小时30分钟 / 12 hours, 30 minutes."""
        minutes = max(int(value.total_seconds() // 60), 0)
        days, minutes = divmod(minutes, 24 * 60) if minutes >= 72 * 60 else (0, minutes)
        hours, minutes = divmod(minutes, 60)
        length = self.terms["unit_length"]
        parts = [
            format_unit(n, unit, locale=self.unit_locale, length=length)
            for n, unit in (
                (days, "duration-day"),
                (hours, "duration-hour"),
                (minutes, "duration-minute"),
            )
            if n
        ] or [format_unit(0, "duration-minute", locale=self.unit_locale, length=length)]
        if self.terms.get("unit_spacing", True) is False:
            # CLDR's zh_Hant writes "12 小時 30 分鐘"; Chinese typography writes 12小時30分鐘.
            return "".join(p.replace("\u00a0", "").replace(" ", "") for p in parts)
        return format_list(parts, style="unit", locale=self.locale)

    def between(self, start: DateTime, end: DateTime) -> str:
        """Return the duration from ``start`` to ``end``."""
        return self.duration(end - start)

    def join(self, items: Iterable[str], style: ListStyle = "standard") -> str:
        """Return a list as the language writes it: 北京、上海和广州 / a, b, and c.

        ``style="or"`` joins alternatives: 攻击或泄露 / an attack or a leak.
        """
        return format_list(list(items), style=style, locale=self.locale)

    def term(self, key: str, group: str) -> str:
        """Return a named term (an audience, a state) from the language's terms file."""
        try:
            return str(self.terms[group][key])
        except KeyError:
            raise TemplateError(f"{self.lang}/terms.toml: no [{group}] entry {key!r}") from None


def _exact(value: int, locale: Locale, digits: int, format_type: str) -> bool:
    """Return True when the compact form with ``digits`` decimals loses nothing of ``value``."""
    by_magnitude: Mapping[str, Any] = locale.compact_decimal_formats[format_type]["other"]
    magnitude = max((int(k) for k in by_magnitude if int(k) <= value), default=1)
    pattern = by_magnitude[str(magnitude)].pattern if magnitude > 1 else "0"
    zeros = pattern.count("0")
    divisor = 1 if pattern.strip("0") == "" else magnitude // 10 ** (zeros - 1)
    return bool(value % max(divisor // 10**digits, 1) == 0)
