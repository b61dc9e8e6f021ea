"""Every way a text may write a currency, from Babel's CLDR data: ₩, KRW, 韩元, won.

A notice may write an amount in any currency Babel knows: with the symbol of an
English or Chinese locale (₩30,000, HK$10, NT$300), the ISO code (KRW 30,000),
or the currency's name (30,000韩元, 3万韓元, 30,000 won, 新台幣300元). The forms
are read from Babel on first use (not at import), normalised as a text is
(:func:`~crisiscomms.text.normalize`: lower case, Simplified), and joined with
the few words CLDR does not give (``data/currency_words.toml``).
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .normalize import normalize

_WORDS = Path(__file__).with_name("data") / "currency_words.toml"

#: Locales whose symbols and names a notice of ours (or a reader of it) writes.
_LOCALES = ("en", "zh", "zh_Hant", "zh_Hant_HK", "zh_Hant_TW")
#: Codes that are no money a notice pays: metals, fund units, test and "no currency".
_NOT_MONEY = frozenset(
    {"XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XTS", "XXX", "XSU"}
    | {"XUA", "XFO", "XFU", "XRE"}
)
#: The last word of an English name that is an ordinary word of a notice as well.
_COMMON_WORDS = frozenset(
    {"gold", "silver", "units", "unit", "rights", "value", "account", "marks", "mark"}
)


class CurrencyForms(NamedTuple):
    """The forms a text writes currencies in, normalised, each with its ISO code(s)."""

    codes: dict[str, str]  # form -> "KRW" or "CNY|JPY"
    before: tuple[str, ...]  # forms that may stand before the number, longest first
    after: tuple[str, ...]  # forms that may follow it, longest first
    bare_codes: frozenset[str]  # ISO codes (lower case) read only when written in capitals


@cache
def currency_forms() -> CurrencyForms:
    """Return every currency form of Babel's data and ``data/currency_words.toml``.

    Examples:
        >>> forms = currency_forms()
        >>> forms.codes["₩"], forms.codes["韩元"], forms.codes["krw"], forms.codes["won"]
        ('KRW', 'KRW', 'KRW', 'KPW|KRW')
        >>> forms.codes["¥"], forms.codes["$"]
        ('CNY|JPY', 'USD')
    """
    from babel import Locale
    from babel.numbers import get_currency_name, list_currencies

    found: defaultdict[str, set[str]] = defaultdict(set)
    symbols: set[str] = set()
    names: set[str] = set()
    codes = sorted(c for c in list_currencies() if c not in _NOT_MONEY)
    locales = [Locale.parse(name) for name in _LOCALES]
    for code in codes:
        found[code.lower()].add(code)
        for locale in locales:
            symbol = locale.currency_symbols.get(code)
            if symbol and symbol != "¤":  # FCFA, ILS (the old shekel's, in zh) too
                symbols.add(_fold(symbol))
                found[_fold(symbol)].add(code)
            for count in (None, 1, 2):  # the display name, then each plural's (澳门币, 澳门元)
                name = get_currency_name(code, count=count, locale=locale)
                if not name or name == code or "(" in name or "（" in name:
                    continue  # historic currencies carry their years
                names.add(_fold(name))
                found[_fold(name)].add(code)
                last = _fold(name).split()[-1]
                if locale.language == "en" and last.isalpha() and last not in _COMMON_WORDS:
                    names.add(last)
                    found[last].add(code)
    table = {form: "|".join(sorted(codes_)) for form, codes_ in found.items()}
    written = tomllib.loads(_WORDS.read_text(encoding="utf-8"))
    for form, code in written["colloquial"].items():
        table[_fold(form)] = code
        names.add(_fold(form))
    for form, code in written["preferred"].items():
        table[_fold(form)] = code
        (symbols if not _fold(form).isalpha() else names).add(_fold(form))
    lower_codes = {c.lower() for c in codes}
    chinese = {form for form in names if not form.isascii()}
    lower_codes |= set(written["lower_case_codes"])
    before = symbols | lower_codes | chinese
    after = names | lower_codes
    return CurrencyForms(
        codes=table,
        before=_longest_first(before),
        after=_longest_first(after),
        bare_codes=frozenset(lower_codes - set(written["lower_case_codes"])),
    )


def _longest_first(forms: set[str]) -> tuple[str, ...]:
    """An alternation tries its branches in order: ``hk$`` before ``$``, 新台币 before 台币."""
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def _fold(form: str) -> str:
    return normalize(form).text.strip()
