"""Read the small Chinese numerals that appear in times and durations (up to 99)."""

from __future__ import annotations

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

#: Characters a Chinese numeral below 100 is written with; regexes build on it.
CN_NUMERAL_CHARS = "".join(_DIGITS) + "十"


def parse_number(text: str) -> int | None:
    """Return the value of an Arabic or Chinese numeral below 100, or None.

    Arabic digits pass through; Chinese numerals cover what clocks and
    durations use (十, 十五, 二十三, 两, 三十). Anything larger or malformed is
    None, so a caller never reads a wrong hour out of an odd phrase.

    Args:
        text: the numeral, e.g. ``"22"``, ``"十"``, ``"二十三"``.

    Returns:
        The integer value, or None when ``text`` is not such a numeral.

    Examples:
        >>> parse_number("二十三"), parse_number("两"), parse_number("十五"), parse_number("08")
        (23, 2, 15, 8)
        >>> parse_number("一百") is None
        True
    """
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if "十" not in text:
        # Digit-by-digit forms such as 〇八 are read positionally.
        if len(text) > 2 or any(ch not in _DIGITS for ch in text):
            return None
        value = 0
        for ch in text:
            value = value * 10 + _DIGITS[ch]
        return value
    tens_text, _, units_text = text.partition("十")
    if "十" in units_text or len(tens_text) > 1 or len(units_text) > 1:
        return None
    tens = 1 if not tens_text else _DIGITS.get(tens_text)
    units = 0 if not units_text else _DIGITS.get(units_text)
    if tens is None or units is None or tens == 0:
        return None
    return tens * 10 + units
