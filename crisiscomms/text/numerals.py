"""Read numerals: Arabic, Chinese (small ones in times, large ones in counts) and English words.

Every reader of the text layer reads numbers here, so the linter and the fact
checker never disagree on which hour 晚上十点 names or how many users 八百万 is.
Text reaching these functions is normalised (:mod:`.normalize`): Simplified
characters, ASCII digits, lower case.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10**4, "亿": 10**8}

#: Characters a Chinese numeral below 100 is written with; regexes build on it.
CN_NUMERAL_CHARS = "".join(DIGITS) + "十"
#: Characters any Chinese numeral is written with (八百万, 一亿两千万).
CN_LARGE_NUMERAL_CHARS = CN_NUMERAL_CHARS + "百千" + "".join(_LARGE_UNITS)

#: English number words, as counts, durations and spelled hours use them.
EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
    "sixty": 60, "ninety": 90,
}  # fmt: skip


def parse_number(text: str) -> int | None:
    """Return the value of an Arabic or Chinese numeral below 100, or None.

    Arabic digits pass through; Chinese numerals cover what clocks and
    durations use (十, 十五, 二十三, 两, 〇八). Two different digits side by side
    (两三, 七八) are an estimate, "two or three", not 23: see :func:`zh_range`.

    Examples:
        >>> parse_number("二十三"), parse_number("两"), parse_number("十五"), parse_number("08")
        (23, 2, 15, 8)
        >>> parse_number("两三") is None, parse_number("一百") is None
        (True, True)
    """
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if "十" not in text:
        if len(text) == 1:
            return DIGITS.get(text)
        # Only a leading zero is positional (〇八 = 8); 二三 is a range.
        if len(text) == 2 and text[0] in "零〇" and text[1] in DIGITS:
            return DIGITS[text[1]]
        return None
    tens_text, _, units_text = text.partition("十")
    if "十" in units_text or len(tens_text) > 1 or len(units_text) > 1:
        return None
    tens = 1 if not tens_text else DIGITS.get(tens_text)
    units = 0 if not units_text else DIGITS.get(units_text)
    if tens is None or units is None or tens == 0:
        return None
    return tens * 10 + units


def zh_range(text: str) -> tuple[int, int] | None:
    """Return the two values of an estimate written as adjacent numerals, or None.

    两三点 is "two or three o'clock", 七八个小时 "seven or eight hours".

    Examples:
        >>> zh_range("两三"), zh_range("七八"), zh_range("十一二"), zh_range("二三十")
        ((2, 3), (7, 8), (11, 12), None)
    """
    prefix = ""
    if len(text) == 3 and text[0] == "十":
        prefix, text = "十", text[1:]
    if len(text) != 2 or text[0] not in DIGITS or text[1] not in DIGITS:
        return None
    low, high = DIGITS[text[0]], DIGITS[text[1]]
    if high != low + 1 or low == 0:
        return None
    base = 10 if prefix else 0
    return base + low, base + high


def parse_zh_number(text: str) -> int | None:
    """Return the value of a Chinese numeral of any size, or None.

    Unlike :func:`parse_number`, this reads 百, 千, 万 and 亿 (八百万, 一亿两千万)
    and does not check the numeral's form: counts in notices are written
    plainly, and a figure that reads oddly is still compared, not dropped.

    Examples:
        >>> parse_zh_number("一亿两千万"), parse_zh_number("十二"), parse_zh_number("千万")
        (120000000, 12, None)
        >>> parse_zh_number("八百零五"), parse_zh_number("二〇")
        (805, 20)
    """
    if not any(ch in DIGITS or ch == "十" for ch in text):
        return None
    total = section = number = 0
    for ch in text:
        if ch in DIGITS:
            # 〇 and 零 after a digit shift it (二〇 = 20); elsewhere they hold a place.
            number = number * 10 + DIGITS[ch] if number and ch in "零〇" else DIGITS[ch]
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


def read_number(text: str) -> tuple[Decimal, Decimal] | None:
    """Return (value, unit of the last digit given) of one numeral, or None.

    The unit is the precision the writer gave: ``8.35`` is exact to 0.01.

    Examples:
        >>> read_number("8.35"), read_number("1,200")
        ((Decimal('8.35'), Decimal('0.01')), (Decimal('1200'), Decimal('1')))
        >>> read_number("两"), read_number("twelve")
        ((Decimal('2'), Decimal('1')), (Decimal('12'), Decimal('1')))
        >>> read_number("八百万")
        (Decimal('8000000'), Decimal('1'))
    """
    if not text:
        return None
    word = EN_NUMBERS.get(text.lower())
    if word is not None:
        return Decimal(word), Decimal(1)
    if text[0].isdigit():
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
        if not value.is_finite():
            return None
        return value, Decimal(1).scaleb(int(value.as_tuple().exponent))
    zh = parse_zh_number(text)
    return None if zh is None else (Decimal(zh), Decimal(1))
