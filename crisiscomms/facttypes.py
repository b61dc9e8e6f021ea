"""Strict field types for the facts: where a lax reading would surprise a person, refuse.

Each type is a small :data:`typing.Annotated` alias, so any model can use it:

- :data:`Time`: a time-zone-aware time written as text (or a ``datetime`` from
  Python, YAML or TOML), never a number: ``started_at: 0`` is not 1 January 1970.
- :data:`Count`: a whole number of people, items or days, never a boolean
  (``count: true`` is not 1) or a fraction, at most :data:`MAX_COUNT`.
- :data:`Amount`: a positive money amount, never a boolean, at most
  :data:`MAX_AMOUNT`; :func:`check_minor_unit` checks it against its currency.
- :data:`Percent`: a share in (0, 100], never a boolean.
- :data:`SafeStr`: text with no control characters (NUL, ANSI escapes, carriage
  returns), no bidirectional overrides, embeddings, isolates or marks, no line or
  paragraph separators, no byte-order mark and no lone surrogates. Only the tab
  and the line feed are allowed. The bidirectional *marks* (U+200E, U+200F,
  U+061C) are refused too: notices are in Chinese and English, which never need
  them, and an invisible character in a fact ends up invisible in every draft.

Every refusal is a ``ValueError`` whose message names the character, so the
facts error names the field and what to remove.
"""

from __future__ import annotations

import math
import unicodedata
from decimal import Decimal
from typing import Annotated, Any

from babel.numbers import get_currency_precision
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

#: The largest count accepted (people, items, days): ten billion.
MAX_COUNT = 10**10
#: The largest money amount accepted, in the currency's major unit: one trillion.
MAX_AMOUNT = 10**12

#: Allowed although in category Cc.
_ALLOWED_CONTROLS = frozenset("\t\n")
#: Invisible characters that reorder or hide text (besides the Cc and Cs categories).
_REFUSED = {
    "\u061c": "ARABIC LETTER MARK",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
    "\ufeff": "BYTE ORDER MARK",
}


def unsafe_character(text: str) -> str | None:
    """Return a description of the first character facts text may not hold, or ``None``.

    Examples:
        >>> unsafe_character("机房空调故障\\n第二行") is None
        True
        >>> unsafe_character("red \\x1b[31malert")
        'control character U+001B at position 4'
        >>> unsafe_character("abc\\u202edcba")
        'RIGHT-TO-LEFT OVERRIDE (U+202E) at position 3'
    """
    for i, char in enumerate(text):
        if char in _REFUSED:
            return f"{_REFUSED[char]} (U+{ord(char):04X}) at position {i}"
        category = unicodedata.category(char)
        if category == "Cc" and char not in _ALLOWED_CONTROLS:
            return f"control character U+{ord(char):04X} at position {i}"
        if category == "Cs":
            return f"lone surrogate U+{ord(char):04X} at position {i}"
    return None


def _plain_text(value: str) -> str:
    found = unsafe_character(value)
    if found is not None:
        raise ValueError(f"contains an invisible or control character: {found}; remove it")
    return value


SafeStr = Annotated[str, AfterValidator(_plain_text)]
"""A string free of control, bidirectional-override and other invisible formatting characters."""


def _not_a_number_time(value: Any) -> Any:
    if isinstance(value, bool | int | float | Decimal):
        raise ValueError(
            "a time must be written as a date and time with its UTC offset, like "
            "2026-03-29T22:00:00+08:00, not as a number (Unix times are not accepted)"
        )
    return value


Time = Annotated[AwareDatetime, BeforeValidator(_not_a_number_time)]
"""A time-zone-aware time; numbers (Unix times) and booleans are refused."""


def _whole_number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not true or false")
    # Refuse a huge float here: converted to int first, 1e40 is a parse error, not a bound.
    if isinstance(value, float | Decimal) and math.isfinite(value) and abs(value) > MAX_COUNT:  # type: ignore[operator]
        raise ValueError(f"must be at most {MAX_COUNT:,}")
    return value


Count = Annotated[int, BeforeValidator(_whole_number), Field(ge=1, le=MAX_COUNT)]
"""A whole number from 1 to :data:`MAX_COUNT`; booleans are refused."""


def _no_boolean(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a number, not true or false")
    return value


Amount = Annotated[
    Decimal,
    BeforeValidator(_no_boolean),
    Field(gt=0, le=MAX_AMOUNT, allow_inf_nan=False),
]
"""A positive, finite money amount up to :data:`MAX_AMOUNT`; booleans are refused."""

Percent = Annotated[float, BeforeValidator(_no_boolean), Field(gt=0, le=100)]
"""A share of a whole, in percent: more than 0, at most 100; booleans are refused."""


def check_minor_unit(amount: Decimal, currency: str) -> None:
    """Raise ``ValueError`` unless ``amount`` is exact in ``currency``'s smallest unit.

    Examples:
        >>> check_minor_unit(Decimal("10.50"), "CNY")
        >>> check_minor_unit(Decimal("0.001"), "CNY")
        Traceback (most recent call last):
        ...
        ValueError: 0.001 CNY cannot be paid exactly: CNY has 2 decimal places
        >>> check_minor_unit(Decimal("1.5"), "JPY")
        Traceback (most recent call last):
        ...
        ValueError: 1.5 JPY cannot be paid exactly: JPY has no decimal places
    """
    places = get_currency_precision(currency)
    if (amount * (Decimal(10) ** places)) % 1 != 0:
        shown = f"{places} decimal place{'s' * (places != 1)}" if places else "no decimal places"
        raise ValueError(f"{amount} {currency} cannot be paid exactly: {currency} has {shown}")
