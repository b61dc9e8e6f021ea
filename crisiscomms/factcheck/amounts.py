"""Read counts, amounts of money and shares: 800万用户, 8 million users, CNY 10, 30%.

Also the numerals they are written with (digits, 八百万, "two", "1.2 million"),
which :mod:`.durations` reads too.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..lint.numerals import CN_LARGE_NUMERAL_CHARS
from ..lint.numerals import parse_zh_number as _zh_int
from ..lint.timepatterns import EN_NUMBERS
from .mention import Mention, qualifier

# The linter's number words, plus the ones only counts use ("forty users").
EN_WORDS = EN_NUMBERS | {"forty": 40, "fifty": 50}
_MAGNITUDES = {
    "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "百万": 10**6, "千万": 10**7,
    "万亿": 10**12, "萬億": 10**12,
    "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
    "billion": 10**9, "bn": 10**9, "trillion": 10**12,
}  # fmt: skip
_CURRENCIES = {
    "元": "CNY", "人民币": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY",
    "¥": "CNY|JPY", "￥": "CNY|JPY", "$": "USD", "us$": "USD", "usd": "USD", "美元": "USD",
    "dollars": "USD", "dollar": "USD", "€": "EUR", "eur": "EUR", "欧元": "EUR", "euros": "EUR",
    "hk$": "HKD", "hkd": "HKD", "港元": "HKD", "港币": "HKD", "jpy": "JPY", "日元": "JPY",
    "£": "GBP", "gbp": "GBP", "英镑": "GBP", "sgd": "SGD", "s$": "SGD",
}  # fmt: skip

#: An Arabic numeral, with thousands separators or decimals.
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: A Chinese numeral of any size.
CHINESE = rf"[{CN_LARGE_NUMERAL_CHARS}]+"
_WORD = r"|".join(sorted(EN_WORDS, key=len, reverse=True))
#: Any numeral: Arabic, Chinese or an English number word.
NUMBER = rf"(?:{ARABIC}|{CHINESE}|(?i:\b(?:{_WORD})\b))"
_CUR_BEFORE = r"(?i:us\$|hk\$|s\$|rmb|cny|usd|eur|hkd|jpy|gbp|sgd|[¥￥$€£]|人民币)"
_CUR_AFTER = (
    r"(?i:元|人民币|美元|欧元|港元|港币|日元|英镑"
    r"|rmb|cny|usd|eur|hkd|jpy|gbp|sgd|yuan\b|dollars?\b|euros\b)"
)
_MAG = (
    r"(?:万亿|萬億|百万|千万|[万萬亿億]"
    r"|\s?(?i:thousand|million|billion|trillion|mn|bn)\b|(?i:[km])\b)"
)
_PEOPLE = (
    r"(?:[余多]?(?:名|位|个|户|家)?(?:用户|人|客户|商家|商户|骑手|司机|会员|乘客|账号|账户|玩家|卖家|门店)"
    r"|\s(?i:users?|customers?|people|persons|merchants?|riders?|drivers?|accounts?|members?"
    r"|sellers?|partners?|players?|shops?|stores?|restaurants?|subscribers?)\b)"
)

MONEY = re.compile(
    rf"(?P<cb>{_CUR_BEFORE})\s?(?P<n1>{ARABIC})(?P<g1>{_MAG})?"
    rf"|(?<![\d.,])(?P<n2>{ARABIC}|{CHINESE})(?P<g2>{_MAG})?\s?(?P<ca>{_CUR_AFTER})"
)
PERCENT = re.compile(rf"(?P<n>{ARABIC})\s?(?:%|(?i:\s?percent\b))|百分之(?P<z>{CHINESE}|{ARABIC})")
COUNT = re.compile(
    rf"(?<![\d.\-])(?P<n>{ARABIC}|{CHINESE}|(?i:\b(?:{_WORD})\b))(?P<g>{_MAG})?(?P<ppl>{_PEOPLE})?(?![\d\-])"
)


def parse_zh_number(text: str) -> Decimal | None:
    """Return the value of a Chinese numeral such as 八百万, 一亿两千万 or 十二, or None.

    Examples:
        >>> parse_zh_number("一亿两千万"), parse_zh_number("十二"), parse_zh_number("千万")
        (Decimal('120000000'), Decimal('12'), None)
    """
    value = _zh_int(text)
    return None if value is None else Decimal(value)


def read_number(text: str) -> tuple[Decimal, Decimal] | None:
    """Return (value, unit of the last digit given) of one numeral, or None.

    The unit is the precision the writer gave: ``8.35`` is exact to 0.01.

    Examples:
        >>> read_number("8.35")
        (Decimal('8.35'), Decimal('0.01'))
        >>> read_number("两"), read_number("twelve")
        ((Decimal('2'), Decimal('1')), (Decimal('12'), Decimal('1')))
    """
    word = EN_WORDS.get(text.lower())
    if word is not None:
        return Decimal(word), Decimal(1)
    if text[0].isdigit():
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
        return value, Decimal(1).scaleb(int(value.as_tuple().exponent))
    zh = parse_zh_number(text)
    return None if zh is None else (zh, Decimal(1))


def _magnitude(raw: str | None) -> int:
    return 1 if not raw else _MAGNITUDES.get(raw.strip().lower(), 1)


def read_count(text: str, match: re.Match[str]) -> Mention | None:
    """Read a :data:`COUNT` match; a bare number with no unit or magnitude is no count."""
    parsed = read_number(match["n"])
    if parsed is None:
        return None
    if match["n"].lower() in ("a", "an") or (
        not match["n"].isascii() and not match["g"] and not re.search("[万萬亿億]", match["n"])
    ):
        return None  # "a user", 每一位用户: not a figure anyone would check
    grouped = "," in match["n"]
    if not (match["g"] or match["ppl"] or grouped):
        return None  # a bare number says nothing we can check
    if match["n"].lower() in EN_WORDS and not match["ppl"] and not match["g"]:
        return None
    mult = _magnitude(match["g"])
    start, end = match.start(), match.start("ppl") if match["ppl"] else match.end()
    return Mention(
        "count", start, end, parsed[0] * mult, parsed[1] * mult, qualifier(text, start, end)
    )


def read_money(text: str, match: re.Match[str]) -> Mention | None:
    """Read a :data:`MONEY` match, currency symbol or name before or after the number."""
    raw, mag = (match["n1"], match["g1"]) if match["n1"] else (match["n2"], match["g2"])
    parsed = read_number(raw)
    if parsed is None:
        return None
    cur = (match["cb"] or match["ca"]).lower()
    mult = _magnitude(mag)
    return Mention(
        "money",
        match.start(),
        match.end(),
        parsed[0] * mult,
        parsed[1] * mult,
        qualifier(text, *match.span()),
        currency=_CURRENCIES.get(cur, cur.upper()),
    )


def read_percent(text: str, match: re.Match[str]) -> Mention | None:
    """Read a :data:`PERCENT` match: 30%, 30 percent, 百分之三十."""
    parsed = read_number(match["n"] or match["z"])
    if parsed is None:
        return None
    return Mention(
        "percent", match.start(), match.end(), parsed[0], parsed[1], qualifier(text, *match.span())
    )
