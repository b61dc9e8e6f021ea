"""Find counts, amounts of money and shares: 800万用户, 8 million users, CNY 10, 30%.

Patterns run over normalised text (lower case, Simplified, ASCII digits, ``¥``
for full-width ``￥``); every :class:`Quantity` carries its span in the
original text and in the normalised one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, Literal, NamedTuple

from .currencies import BARE_YUAN, currency_forms
from .literals import Gated, Search, fold_for_gates
from .normalize import Normalized, normalize
from .numerals import CN_LARGE_NUMERAL_CHARS, EN_NUMBERS, read_number

QuantityKind = Literal["count", "money", "percent"]

_MAGNITUDES = {
    "万": 10**4, "亿": 10**8, "百万": 10**6, "千万": 10**7, "万亿": 10**12,
    "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
    "billion": 10**9, "bn": 10**9, "trillion": 10**12,
}  # fmt: skip
#: An Arabic numeral, with thousands separators or decimals.
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,30}(?:\.\d{1,30})?"
#: A Chinese numeral of any size.
CHINESE = rf"[{CN_LARGE_NUMERAL_CHARS}]{{1,30}}"
_WORD = r"|".join(sorted(EN_NUMBERS, key=len, reverse=True))
_MAG = r"(?:万亿|百万|千万|[万亿]|\s?(?:thousand|million|billion|trillion|mn|bn)\b|[km]\b)"
#: Words for the people (or things) a count of the affected names besides the shipped
#: audiences' own names (:func:`audience_nouns`): 人, accounts, shops.
_OTHER_NOUNS_ZH = ("人", "商户", "账号", "账户", "门店")
_OTHER_NOUNS_EN = (
    *("people", "persons", "rider", "riders", "account", "accounts", "shop", "shops"),
    *("store", "stores", "restaurant", "restaurants"),
)


@cache
def audience_nouns() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the Chinese and English nouns of every shipped audience, folded as a text is.

    Read from ``templates/audiences.toml`` and its generated Traditional forms, so that a
    count of any audience the library drafts for (65名持卡人 / 65 cardholders) is a count,
    with no second list to keep. English gives each name's last word, plural and singular
    (paying members, 1 cardholder; "card holders" is one word before holders).

    Examples:
        >>> zh, en = audience_nouns()
        >>> "持卡人" in zh, "cardholders" in en, "cardholder" in en, "holders" in en
        (True, True, True, True)
    """
    import tomllib

    from ..resources import templates_root

    root = templates_root()
    zh: set[str] = set()
    en: set[str] = set()
    for path in (root / "audiences.toml", *sorted(root.glob("*/audiences.toml"))):
        with path.open("rb") as handle:
            for entry in tomllib.load(handle).values():
                names = entry.get("name", {})  # {zh, en}; a Traditional file's is its text
                for lang, name in (names if isinstance(names, dict) else {"zh": names}).items():
                    folded = normalize(name).text.strip()
                    if lang != "en":
                        zh.add(folded)
                    elif folded:
                        last = folded.split()[-1]
                        en.update((last, last.removesuffix("s")))
    return tuple(sorted(zh)), tuple(sorted(en))


@cache
def _people_patterns() -> tuple[str, str]:
    """The nouns a count of people names, as patterns: Chinese, then English.

    Each alternation tries its longest words first: 付费会员 before 会员.
    """
    zh_nouns, en_nouns = audience_nouns()
    zh = "|".join(sorted({*zh_nouns, *_OTHER_NOUNS_ZH}, key=lambda w: (-len(w), w)))
    en = "|".join(sorted({*en_nouns, *_OTHER_NOUNS_EN}, key=lambda w: (-len(w), w)))
    people_zh = (
        rf"[余多]?笔|[余多]?(?:名|位|个|户|家)?(?:{zh})"
        # A count of people whose noun came first: 受影响的用户共12名。
        r"|[余多]?[名位家户个](?=[。，；、,;.()（）\s]|$)"
    )
    return people_zh, rf"(?:{en})\b"


_ZH = CN_LARGE_NUMERAL_CHARS


def _numeral(not_after: str) -> str:
    """A numeral led by one character class, not right after ``not_after``.

    Led by a class, a pattern lets ``re`` skip to the next digit or numeral in C;
    the look-behind placed after that first character looks at the one before it.
    """
    return (
        rf"[\d{_ZH}](?<!{not_after}[\d{_ZH}])"
        rf"(?:(?<=\d)(?:\d{{0,2}}(?:,\d{{3}})+(?:\.\d{{1,30}})?|\d{{0,29}}(?:\.\d{{1,30}})?)"
        rf"|(?<=[{_ZH}])[{_ZH}]{{0,29}})"
    )


_ARABIC_LED = r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d{1,30})?|\d{0,29}(?:\.\d{1,30})?)"

_NOT_IN_A_NUMBER = r"[\d.,]"
_NOT_IN_A_RANGE = r"[\d.\-]"
PERCENT = re.compile(rf"(?P<n>{_ARABIC_LED})\s?(?:%|\s?percent\b)")
PERCENT_ZH = re.compile(rf"百分之(?P<z>{CHINESE}|{ARABIC})")
_TENTH = "一二三四五六七八九"
#: Tenths: 八成 is 80%, 八成五 85% (trial G #10: 歌曲播放已恢复八成). Only where a share is
#: read: at the start of a clause or after a word that leads one (恢复, 约, 超过, 的), so
#: that 统一成本 is no 10%; and not before a word that 成 begins (成功, 成本) nor as
#: "probably" (八成是, 八成会).
PERCENT_TENTHS = re.compile(
    rf"(?P<c>[{_TENTH}])"
    rf"(?:(?<=^[{_TENTH}])|(?<=[^\u3400-\u9fff][{_TENTH}])"
    rf"|(?<=[复约近超过逾达到占有了仅只剩余至和或的是][{_TENTH}]))"
    rf"成(?P<c2>[{_TENTH}](?![{CN_LARGE_NUMERAL_CHARS}]))?"
    r"(?![功立员本果熟为交绩就长型品都年分效真形人全像片套批群语千百不是会要能可又也得在没])"
)


@cache
def _count_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A count in digits (800万, 12,000, 65 cardholders) and one in words (two million users).

    After digits (never a number word: "one per account"), one word may stand between the
    number and its noun: 3 enterprise customers, 12 paid members, 65 card holders. Built on
    first use, from the audiences' nouns (:func:`audience_nouns`).
    """
    people_zh, people_en = _people_patterns()
    after_digits = rf"(?:{people_zh}|\s(?:[a-z]+\s)?{people_en})"
    count = re.compile(
        rf"(?P<n>{_numeral(_NOT_IN_A_RANGE)})(?P<g>{_MAG})?(?P<plus>\s?-\s?plus\b|\+)?"
        rf"(?P<ppl>{after_digits})?"
        r"(?![\d\-])"
    )
    people = rf"(?:{people_zh}|\s{people_en})"
    count_words = re.compile(rf"\b(?P<n>{_WORD})\b(?P<g>{_MAG})?(?P<ppl>{people})?(?![\d\-])")
    return count, count_words


#: How many vouchers: 优惠券3张 / 3张优惠券 / 3 vouchers (compared with the items' quantity).
ITEMS = re.compile(
    r"(?:优惠券|代金券|无门槛券|折扣券|红包)\s?(?P<n>\d{1,4})\s?(?:张|个|份)"
    r"|(?<![\d.,])(?P<m>\d{1,4})\s?(?:张|份)(?:[^\d\s。，,;；]{0,6}?)(?:优惠券|代金券|无门槛券|折扣券|券)"
    r"|(?<![\d.,])\b(?P<e>\d{1,4})\s+(?:[a-z-]+\s+)?(?:vouchers|coupons)\b"
)


class Quantity(NamedTuple):
    """A count, an amount of money or a share stated in a text.

    ``value`` is the number (``800万`` is 8,000,000) and ``unit`` the precision
    the writer gave, on the same scale (``800万``: 10,000). ``start``/``end`` are
    in the original text, ``norm_start``/``norm_end`` in the normalised one.
    """

    kind: QuantityKind
    start: int
    end: int
    norm_start: int
    norm_end: int
    value: Decimal
    unit: Decimal
    currency: str | None = None


def find_quantities(text: str | Normalized, lang: str | None = None) -> list[Quantity]:
    """Return the counts, amounts and shares in ``text``, without overlaps, in text order.

    Amounts win over shares and counts (``10元`` is an amount). A bare number
    with no unit, magnitude or thousands separator is not a count. ``lang`` is the
    text's language where it decides a currency: a bare 元 in ``zh-Hant-TW`` may be the
    New Taiwan dollar (:data:`~.currencies.BARE_YUAN`); otherwise it is the yuan.

    Examples:
        >>> [(q.kind, str(q.value)) for q in find_quantities("约800万用户受影响，补偿10元，占30%")]
        [('count', '8000000'), ('money', '10'), ('percent', '30')]
        >>> [(q.kind, str(q.value)) for q in find_quantities("About 8 million users; ＄20 each")]
        [('count', '8000000'), ('money', '20')]
        >>> [q.currency for q in find_quantities("100元", "zh-Hant-TW")]
        ['CNY|TWD']
    """
    n = text if isinstance(text, Normalized) else normalize(text)
    return _find(n, n.text, (), BARE_YUAN.get(lang or ""))


def _find(
    n: Normalized, s: str, blocked: tuple[tuple[int, int], ...], yuan: str | None = None
) -> list[Quantity]:
    found: list[Quantity] = []
    taken = bytearray(len(s))  # 1 where a quantity or a time already claimed the text
    for start, end in blocked:
        taken[start:end] = b"\x01" * (end - start)
    folded = fold_for_gates(s)  # a pattern none of whose words is in s is not run
    for gated, read in _readers():
        for match in gated.finditer(s, folded):
            start, end = match.span()
            if start == end or taken.find(1, start, end) != -1:
                continue
            quantity = read(n, match)
            if yuan and quantity is not None and _bare_yuan(match):
                quantity = quantity._replace(currency=yuan)
            if quantity is not None:
                found.append(quantity)
                taken[start:end] = b"\x01" * (end - start)
    found.sort(key=lambda q: q.norm_start)
    return found


#: Each pattern _find runs, with the words it cannot match without (see ..literals);
#: the amounts' and counts' patterns join on first use (:func:`_money_patterns`).
_GATED = {p: Gated(p) for p in (PERCENT, PERCENT_ZH, PERCENT_TENTHS, ITEMS)}


@cache
def _readers() -> tuple[tuple[Gated, Callable[[Normalized, re.Match[str]], Quantity | None]], ...]:
    """Each pattern _find runs, gated, in order, with the function that reads its matches.

    Kept as pairs, not looked up by pattern: a compiled pattern hashes its whole program
    at each lookup, 7 and 11 µs for the amounts' two, which every text paid.
    """
    money, money_after = _money_patterns()
    count, count_words = _count_patterns()
    return tuple(
        (_gated(pattern), read)
        for pattern, read in (
            (money, _money),
            (money_after, _money),
            (PERCENT, _percent),
            (PERCENT_ZH, _percent),
            (PERCENT_TENTHS, _tenths),
            (ITEMS, _items),
            (count, _count),
            (count_words, _count),
        )
    )


def _gated(pattern: re.Pattern[str]) -> Gated:
    gated = _GATED.get(pattern)
    if gated is None:
        gated = _GATED[pattern] = Gated(pattern)
    return gated


@cache
def _money_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An amount with its currency before (₩30,000, KRW 30,000, HK$10, 新台币300) or after
    the number (30,000韩元, 3万韓元, 30,000 won, 10元), for every currency Babel knows.

    Built on first use, not at import: reading Babel's data takes tens of milliseconds.
    The currency forms are factored by their leading characters (:func:`_alternation`),
    so that several hundred of them cost about what a dozen do.
    """
    forms = currency_forms()
    # Not after a letter: the look-behind stands after each form's first character, so
    # that the pattern opens with the forms' first characters and ``re`` skips in C to
    # the next one (led by a look-behind, it was tried at every position: 5x slower).
    before = rf"(?P<cb>{_alternation(forms.before, not_after='[a-z]')})"
    after = rf"(?P<ca>{_alternation(forms.after)})(?![a-z])"
    amount_before = re.compile(rf"{before}\s?(?P<n1>{ARABIC})(?P<g1>{_MAG})?")
    # Every match is a form, not after a letter, then a digit: read backwards, a digit
    # (where re skips to in C) then the form. Forward, every letter of an English text
    # may start a form, and most of them start none.
    backwards = rf"\d\s?{_alternation(tuple(f[::-1] for f in forms.before))}(?![a-z])"
    _GATED[amount_before] = Gated(amount_before, Search(backwards, reverse=True))
    return (
        amount_before,
        re.compile(rf"(?P<n2>{_numeral(_NOT_IN_A_NUMBER)})(?P<g2>{_MAG})?\s?{after}"),
    )


def _alternation(forms: tuple[str, ...], not_after: str | None = None) -> str:
    """A pattern matching any of ``forms``, the longest where several match, as a trie:
    ``(?:k(?:rw|pw)|…)`` rather than one branch per form, each tried in turn.

    ``not_after`` (a one-character class) is a character that may not stand right before
    the form, checked after the form's first character: the pattern still opens with them.

    Examples:
        >>> print(_alternation(("hk$", "元", "$")))
        (?:\\$|hk\\$|元)
        >>> print(_alternation(("hk$", "元", "$"), not_after="[a-z]"))
        (?:\\$(?<![a-z]\\$)|h(?<![a-z]h)k\\$|元(?<![a-z]元))
        >>> re.fullmatch(_alternation(("krw", "kr", "k")), "kr") is not None
        True
    """
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(trie, not_after)


def _node_pattern(node: dict[str, Any], not_after: str | None = None) -> str:
    ends = "" in node
    branches = [
        re.escape(ch)
        + (f"(?<!{not_after}{re.escape(ch)})" if not_after else "")
        + _node_pattern(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if ends else body


def _bare_yuan(match: re.Match[str]) -> bool:
    """True when an amount's currency is 元 alone after the number (100元, not 100港元)."""
    return "ca" in match.re.groupindex and match["ca"] == "元"


def find_quantities_outside(
    n: Normalized, spans: list[tuple[int, int]], lang: str | None = None
) -> list[Quantity]:
    """Return the quantities of ``n`` that do not overlap the normalised ``spans`` (times);
    ``lang`` as :func:`find_quantities` reads it."""
    return _find(n, n.text, tuple(spans), BARE_YUAN.get(lang or ""))


def _magnitude(raw: str | None) -> int:
    return 1 if not raw else _MAGNITUDES.get(raw.strip(), 1)


def _quantity(
    n: Normalized,
    kind: QuantityKind,
    start: int,
    end: int,
    value: Decimal,
    unit: Decimal,
    currency: str | None = None,
) -> Quantity:
    o_start, o_end = n.span(start, end)
    return Quantity(kind, o_start, o_end, start, end, value, unit, currency)


def _count(n: Normalized, match: re.Match[str]) -> Quantity | None:
    written = match["n"]  # the cheap refusals first: most numbers of a text are no count
    if written in ("a", "an") or (
        not written.isascii() and not match["g"] and not re.search("[万亿]", written)
    ):
        return None  # "a user", 每一位用户: not a figure anyone would check
    if not (match["g"] or match["ppl"] or "," in written):
        return None  # a bare number says nothing we can check
    if written in EN_NUMBERS and not match["ppl"] and not match["g"]:
        return None
    parsed = read_number(written)
    if parsed is None:
        return None
    mult = _magnitude(match["g"])
    start = match.start()
    end = match.end("g") if match["g"] else match.end("n")  # not "-plus" or "users"
    return _quantity(n, "count", start, end, parsed[0] * mult, parsed[1] * mult)


def _items(n: Normalized, match: re.Match[str]) -> Quantity | None:
    group = next(g for g in ("n", "m", "e") if match[g] is not None)
    start, end = match.span(group)
    if group == "n":
        end = match.end()  # 优惠券5张: the number and its measure word
    value = Decimal(match[group])
    if value == 1:
        return None  # 优惠券1张 is "a voucher" in English: nothing to compare across languages
    return _quantity(n, "count", start, end, value, Decimal(1))


def _money(n: Normalized, match: re.Match[str]) -> Quantity | None:
    groups = match.groupdict()
    raw, mag = (groups["n1"], groups["g1"]) if groups.get("n1") else (groups["n2"], groups["g2"])
    parsed = read_number(raw)
    if parsed is None:
        return None
    cur = groups.get("cb") or groups["ca"]
    mult = _magnitude(mag)
    start, end = match.span()
    forms = currency_forms()
    currency = forms.codes.get(cur, cur.upper())
    if cur in forms.bare_codes:
        o_start, o_end = n.span(*match.span("cb" if groups.get("cb") else "ca"))
        if not n.original[o_start:o_end].isupper():
            return None  # "all 3", "top 10": an ISO code counts only when written as one
    return _quantity(n, "money", start, end, parsed[0] * mult, parsed[1] * mult, currency)


def _tenths(n: Normalized, match: re.Match[str]) -> Quantity | None:
    """八成 as 80%, exact to ten points (八成 is a round figure); 八成五 as 85%, to one."""
    tens = _TENTH.index(match["c"]) + 1
    if match["c2"]:
        return _quantity(
            n,
            "percent",
            *match.span(),
            Decimal(tens * 10 + _TENTH.index(match["c2"]) + 1),
            Decimal(1),
        )
    return _quantity(n, "percent", *match.span(), Decimal(tens * 10), Decimal(10))


def _percent(n: Normalized, match: re.Match[str]) -> Quantity | None:
    groups = match.groupdict()
    parsed = read_number(groups.get("n") or groups["z"])
    if parsed is None:
        return None
    return _quantity(n, "percent", *match.span(), parsed[0], parsed[1])
