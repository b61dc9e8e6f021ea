"""SMS length the way gateways bill it.

International rules (also for Hong Kong and Taiwan numbers): a text made only of GSM-7
characters is sent in GSM-7, where each character is one septet and each character of the
extension table (``^ { } \\ [ ~ ] | €`` and form feed) is two; 160 fit one message, 153 each
part of a longer one. One character outside GSM-7 -- a Chinese comma, a curly quote, an em
dash, an emoji -- sends the *whole* text in UCS-2, counted in UTF-16 code units (an emoji
is 2): 70 fit one message, 67 each part. Parts are filled greedily and an escape pair or
a surrogate pair is never split across two parts, as gateways do.

Mainland China numbers: every character counts 1, full- or half-width, and the signature the
platform prepends counts *with its brackets*; up to 70 is one message, a longer one is billed
per 67 (but delivered as one), and more than 500 is refused.

Examples:
    >>> count_sms("Service restored at 14:05.").encoding
    'GSM-7'
    >>> count_sms("Service restored at 14:05’").encoding   # one curly quote: UCS-2
    'UCS-2'
    >>> c = count_sms("服务已恢复，感谢耐心等待。", region="cn", signature="示例商城")
    >>> c.counted, c.units, c.parts          # 【示例商城】 counts 6, brackets included
    ('【示例商城】服务已恢复，感谢耐心等待。', 19, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any, Literal

from .limits import Limits, default_limits

Region = Literal["cn", "intl"]

# 3GPP TS 23.038 GSM 7-bit default alphabet (basic table, without the escape itself).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)

_MAX_REPORTED = 10


@dataclass(frozen=True, slots=True)
class SmsCount:
    """How an SMS is counted and billed.

    Attributes:
        region: ``cn`` (mainland China numbers) or ``intl`` (international, HK, TW).
        encoding: ``GSM-7`` or ``UCS-2`` (mainland messages travel as UCS-2).
        counted: the text as counted: signature with brackets, then the message.
        prefix: length of the signature prefix in ``counted`` (0 without a signature).
        units: septets (GSM-7), UTF-16 code units (UCS-2) or characters (mainland).
        unit: ``septets``, ``utf16`` or ``chars``.
        characters: code points in ``counted``.
        parts: billed parts (0 for an empty message).
        single: capacity of a one-part message, in ``unit``.
        per_part: capacity of each part of a longer message.
        part_starts: code-point index in ``counted`` where each part starts.
        ucs2_because: up to ten ``(index, character)`` in ``counted`` outside GSM-7.
        max_total: refused above this many units (0 = no such limit).
        weights: units each code point of ``counted`` takes.
    """

    region: Region
    encoding: Literal["GSM-7", "UCS-2"]
    counted: str
    prefix: int
    units: int
    unit: Literal["septets", "utf16", "chars"]
    characters: int
    parts: int
    single: int
    per_part: int
    part_starts: tuple[int, ...]
    ucs2_because: tuple[tuple[int, str], ...]
    max_total: int
    weights: tuple[int, ...] = field(default=(), repr=False)

    def overflow_index(self, max_parts: int) -> int | None:
        """Return the index in ``counted`` of the first character past ``max_parts`` parts."""
        if self.parts <= max_parts:
            return None
        if max_parts <= 1:
            return _first_over(self.counted, self.weights, self.single)
        return self.part_starts[max_parts]

    def figures(self) -> dict[str, Any]:
        """Return the JSON-ready figures."""
        return {
            "region": self.region,
            "encoding": self.encoding,
            "units": self.units,
            "unit": self.unit,
            "characters": self.characters,
            "parts": self.parts,
            "single": self.single,
            "per_part": self.per_part,
            "signature": self.counted[: self.prefix],
            "ucs2_because": [{"index": i, "char": c} for i, c in self.ucs2_because],
        }


def is_gsm7(text: str, limits: Limits | None = None) -> bool:
    """Return True when every character of ``text`` is in GSM-7 (basic or extension table).

    Examples:
        >>> is_gsm7("Price: €5 {approx}"), is_gsm7("Fixed — thanks"), is_gsm7("修复")
        (True, False, False)
    """
    alphabet = _alphabet(_extension(limits or default_limits()))
    return all(ch in alphabet for ch in text)


def bracket_signature(signature: str, region: Region, limits: Limits | None = None) -> str:
    """Return the signature as the platform prepends it: ``【签名】`` (or ``[Brand]``).

    A signature already in brackets is kept as given. For international numbers a pure
    GSM-7 signature gets ``[...]`` and any other ``【...】`` (Alibaba Cloud's rule).

    Examples:
        >>> bracket_signature("示例商城", "cn"), bracket_signature("Acme", "intl")
        ('【示例商城】', '[Acme]')
    """
    limits = limits or default_limits()
    signature = signature.strip()
    if not signature or signature[0] in "【[":
        return signature
    brackets = limits.string("sms.cn.signature_brackets")
    if region == "intl" and is_gsm7(signature, limits):
        brackets = limits.string("sms.cn.intl_signature_brackets")
    return f"{brackets[0]}{signature}{brackets[-1]}"


def count_sms(
    text: str,
    *,
    region: Region = "intl",
    signature: str | None = None,
    limits: Limits | None = None,
) -> SmsCount:
    """Count ``text`` (after ``signature``, bracketed) as an SMS to ``region`` numbers.

    Never raises for any string; never changes the text.
    """
    limits = limits or default_limits()
    prefix = bracket_signature(signature, region, limits) if signature else ""
    counted = prefix + text
    alphabet = _alphabet(_extension(limits))
    because = tuple(
        islice(((i, ch) for i, ch in enumerate(counted) if ch not in alphabet), _MAX_REPORTED)
    )
    if region == "cn":
        return _count_cn(counted, len(prefix), because, limits)
    encoding: Literal["GSM-7", "UCS-2"] = "UCS-2" if because else "GSM-7"
    section = "sms.gsm7" if encoding == "GSM-7" else "sms.ucs2"
    single = limits.number(f"{section}.single")
    per_part = limits.number(f"{section}.per_part")
    weights = _unit_weights(counted, encoding, region, limits)
    units = sum(weights)
    starts = _pack(weights, single, per_part)
    return SmsCount(
        region=region,
        encoding=encoding,
        counted=counted,
        prefix=len(prefix),
        units=units,
        unit="septets" if encoding == "GSM-7" else "utf16",
        characters=len(counted),
        parts=len(starts),
        single=single,
        per_part=per_part,
        part_starts=tuple(starts),
        ucs2_because=because,
        max_total=0,
        weights=tuple(weights),
    )


def _count_cn(
    counted: str, prefix: int, because: tuple[tuple[int, str], ...], limits: Limits
) -> SmsCount:
    single = limits.number("sms.cn.single")
    per_part = limits.number("sms.cn.per_part")
    weights = _unit_weights(counted, "UCS-2", "cn", limits)
    units = sum(weights)
    if units == 0:
        parts = 0
    elif units <= single:
        parts = 1
    else:
        parts = -(-units // per_part)  # billed per 67, delivered as one long message
    starts = [0] + [_first_over(counted, weights, per_part * k) for k in range(1, parts)]
    return SmsCount(
        region="cn",
        encoding="UCS-2",
        counted=counted,
        prefix=prefix,
        units=units,
        unit="chars",
        characters=len(counted),
        parts=parts,
        single=single,
        per_part=per_part,
        part_starts=tuple(starts[:parts]),
        ucs2_because=because,
        max_total=limits.number("sms.cn.max_total"),
        weights=tuple(weights),
    )


def _extension(limits: Limits) -> str:
    return limits.string("sms.gsm7.extension_chars")


@lru_cache(maxsize=8)
def _alphabet(extension: str) -> frozenset[str]:
    return GSM7_BASIC | frozenset(extension)


def _unit_weights(text: str, encoding: str, region: Region, limits: Limits) -> list[int]:
    if encoding == "GSM-7":
        extension = _extension(limits)
        return [2 if ch in extension else 1 for ch in text]
    astral = limits.number("sms.cn.astral_counts") if region == "cn" else 2
    if astral == 1 or text.isascii() or max(text, default="a") <= "\uffff":
        return [1] * len(text)
    return [astral if ord(ch) > 0xFFFF else 1 for ch in text]


def _pack(weights: Sequence[int], single: int, per_part: int) -> list[int]:
    """Return where each part starts; indivisible units stay in one part."""
    total = sum(weights)
    if total == 0:
        return []
    if total <= single:
        return [0]
    starts = [0]
    used = 0
    for i, w in enumerate(weights):
        if used + w > per_part and used > 0:
            starts.append(i)
            used = 0
        used += w
    return starts


def _first_over(text: str, weights: Sequence[int], limit: int) -> int:
    """Return the first index whose unit takes the running total past ``limit``."""
    used = 0
    for i, w in enumerate(weights):
        used += w
        if used > limit:
            return i
    return len(text)
