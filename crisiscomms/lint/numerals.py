"""Read Chinese numerals: small ones in times (up to 99) and large ones in counts.

The linter's time detector and the fact checker's number reader
(:mod:`crisiscomms.factcheck.quantities`) both read hours, minutes, months and days with
:func:`parse_number`, so the two never disagree on which hour 晚上十点 names.
"""

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

_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

#: Characters a Chinese numeral below 100 is written with; regexes build on it.
CN_NUMERAL_CHARS = "".join(_DIGITS) + "十"
#: Characters any Chinese numeral is written with (八百万, 一亿两千万).
CN_LARGE_NUMERAL_CHARS = CN_NUMERAL_CHARS + "百千" + "".join(_LARGE_UNITS)


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


def parse_zh_number(text: str) -> int | None:
    """Return the value of a Chinese numeral of any size, or None.

    Unlike :func:`parse_number`, this reads 百, 千, 万 and 亿 (八百万, 一亿两千万)
    and does not check the numeral's form: counts in notices are written
    plainly, and a figure that reads oddly is still compared, not dropped.

    Args:
        text: the numeral, e.g. ``"八百万"``.

    Returns:
        The integer value, or None when ``text`` holds a character that is not
        part of a numeral, or only units (千万 and 万分 are idioms, not numbers).

    Examples:
        >>> parse_zh_number("一亿两千万"), parse_zh_number("十二"), parse_zh_number("千万")
        (120000000, 12, None)
        >>> parse_zh_number("八百零五")
        805
    """
    if not any(ch in _DIGITS or ch == "十" for ch in text):
        return None
    total = section = number = 0
    for ch in text:
        if ch in _DIGITS:
            # 〇 and 零 after a digit shift it (二〇 = 20); elsewhere they hold a place.
            number = number * 10 + _DIGITS[ch] if number and ch in "零〇" else _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (number or 1) * _SMALL_UNITS[ch]
            number = 0
        elif ch in _LARGE_UNITS:
            section += number
            scale = _LARGE_UNITS[ch]
            # 亿 scales everything before it (一万亿); 万 only its own section.
            total = (total + section) * scale if scale > 10**4 else total + section * scale
            section = number = 0
        else:
            return None
    return total + section + number
