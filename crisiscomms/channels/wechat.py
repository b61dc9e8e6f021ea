"""WeChat: per-field limits of subscription notices, template messages and articles.

* 订阅通知 (``subscribeMessage.send``): each field's key names its type (``thing1``,
  ``time2``, ``phrase3``, ``character_string4`` ...). A value over its type's limit or not of
  its type's shape is **rejected** (errcode 47003), so those findings are errors: ``thing``
  up to 20 characters; ``phrase`` up to 5 characters, Chinese only; ``character_string`` up
  to 32 digits, letters or symbols; ``time`` a 24-hour time (a date may precede it);
  ``date`` a date (a time may follow it); a range of either joined by ``~``.
* 模板消息 (service-account template messages since 2023-05-04): a keyword over 20
  characters is cut with … and sent anyway, emoji are not shown -- warnings.
* 图文 (``draft/add``): title up to 32, digest up to 128, body under 20,000 characters and
  under 1 MB -- errors.

Characters are code points.

Examples:
    >>> too_long = {"thing1": "支付服务中断，预计今晚22:00前恢复正常并通知您"}   # 25 characters
    >>> [f.rule for f in check_subscription(too_long).findings]
    ['over-length']
    >>> check_subscription({"phrase2": "已恢复"}).findings
    ()
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wcwidth import iter_graphemes, width

from ..findings import Finding
from .limits import Limits, default_limits
from .push import index_past_bytes
from .report import bad_format, over_length
from .xweight import is_emoji_sequence

_KEY = re.compile(r"^([a-z_]+?)_?\d*$")
_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
_DATE = r"\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2})"
_CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
_TIME_ONE = rf"(?:{_DATE}\s*)?{_CLOCK}"
_DATE_ONE = rf"{_DATE}(?:\s*{_CLOCK})?"
_SHAPES: dict[str, tuple[re.Pattern[str], str, str]] = {
    "phrase": (_HAN, "只能是汉字", "must be Chinese characters only"),
    "character_string": (
        re.compile(r"^[\x21-\x7e]+$"),
        "只能是数字、字母或符号（半角）",
        "must be digits, letters or ASCII symbols only",
    ),
    "number": (re.compile(r"^\d+(?:\.\d+)?$"), "只能是数字", "must be a number"),
    "letter": (re.compile(r"^[A-Za-z]+$"), "只能是字母", "must be letters only"),
    "time": (
        re.compile(rf"^{_TIME_ONE}(?:\s*~\s*{_TIME_ONE})?$"),
        "必须是24小时制时间（如 15:01 或 2026年11月28日 15:01）",
        "must be a 24-hour time (15:01, or 2026年11月28日 15:01)",
    ),
    "date": (
        re.compile(rf"^{_DATE_ONE}(?:\s*~\s*{_DATE_ONE})?$"),
        "必须是日期（如 2026年11月28日，可带时间）",
        "must be a date (2026年11月28日, a time may follow)",
    ),
    "phone_number": (
        re.compile(r"^[0-9+\-() ]+$"),
        "只能是电话号码（数字和符号）",
        "must be a phone number (digits and symbols)",
    ),
}


@dataclass(frozen=True, slots=True)
class FieldsReport:
    """Figures per field and the findings for a group of WeChat fields."""

    figures: dict[str, Any]
    findings: tuple[Finding, ...]


def field_type(key: str) -> str:
    """Return the type a subscription-notice key names: ``thing12`` -> ``thing``.

    Examples:
        >>> field_type("character_string4"), field_type("time12"), field_type("thing")
        ('character_string', 'time', 'thing')
    """
    match = _KEY.match(key)
    return match.group(1) if match else key


def field_value(value: Any) -> str:
    """Return a field's text from ``"..."`` or the API's ``{"value": "..."}``."""
    if isinstance(value, Mapping):
        value = value.get("value", "")
    return "" if value is None else str(value)


def check_subscription(
    fields: Mapping[str, Any], *, lang: str = "zh", limits: Limits | None = None
) -> FieldsReport:
    """Check a subscription notice's ``data`` fields against their types' rules."""
    limits = limits or default_limits()
    severity = limits.severity("wechat.subscription.severity")
    figures: dict[str, Any] = {}
    findings: list[Finding] = []
    for key, raw in fields.items():
        text = field_value(raw)
        kind = field_type(key)
        limit = _subscription_limit(kind, text, limits)
        figures[key] = {"type": kind, "chars": len(text), "limit": limit}
        what = (f"订阅通知字段 {key}", f"Subscription notice field {key}")
        if not text.strip():
            findings.append(
                bad_format(
                    text,
                    messages={
                        "zh": f"订阅通知字段 {key} 为空，微信会拒绝发送。",
                        "en": f"Subscription notice field {key} is empty: WeChat rejects it.",
                    },
                    severity=severity,
                    lang=lang,
                )
            )
            continue
        if limit and len(text) > limit:
            findings.append(
                over_length(
                    text,
                    limit,
                    what=what,
                    count=len(text),
                    limit=limit,
                    unit="chars",
                    consequence="rejected",
                    severity=severity,
                    lang=lang,
                )
            )
        shape = _SHAPES.get(kind)
        if shape is not None and not shape[0].match(text):
            findings.append(
                bad_format(
                    text,
                    messages={
                        "zh": f"订阅通知字段 {key}（{kind}）{shape[1]}，否则微信会拒绝发送。",
                        "en": f"Subscription notice field {key} ({kind}) {shape[2]}; "
                        "otherwise WeChat rejects it.",
                    },
                    severity=severity,
                    lang=lang,
                )
            )
    return FieldsReport(figures, tuple(findings))


def _subscription_limit(kind: str, text: str, limits: Limits) -> int:
    if kind == "name" and not _HAN.match(text):
        return limits.number("wechat.subscription.name_latin")
    try:
        return limits.number(f"wechat.subscription.{kind}")
    except (KeyError, TypeError):
        return 0  # a type we hold no limit for: figures only


def check_template(
    fields: Mapping[str, Any], *, lang: str = "zh", limits: Limits | None = None
) -> FieldsReport:
    """Check a template message's keywords: over 20 is cut with …, emoji are not shown."""
    limits = limits or default_limits()
    severity = limits.severity("wechat.template.severity")
    keyword_limit = limits.number("wechat.template.keyword")
    whole_limit = limits.number("wechat.template.whole")
    figures: dict[str, Any] = {}
    findings: list[Finding] = []
    texts = {key: field_value(raw) for key, raw in fields.items()}
    for key, text in texts.items():
        figures[key] = {"chars": len(text), "limit": keyword_limit}
        if keyword_limit and len(text) > keyword_limit:
            findings.append(
                over_length(
                    text,
                    keyword_limit,
                    what=(f"模板消息字段 {key}", f"Template message keyword {key}"),
                    count=len(text),
                    limit=keyword_limit,
                    unit="chars",
                    consequence="truncated",
                    severity=severity,
                    lang=lang,
                )
            )
        if has_emoji(text):
            findings.append(
                bad_format(
                    text,
                    messages={
                        "zh": f"模板消息字段 {key} 含表情符号，微信模板消息不显示表情。",
                        "en": f"Template message keyword {key} has an emoji, "
                        "which template messages do not show.",
                    },
                    severity=severity,
                    lang=lang,
                )
            )
    whole = sum(len(t) for t in texts.values())
    figures["_whole"] = {"chars": whole, "limit": whole_limit}
    if whole_limit and whole > whole_limit:
        joined = "\n".join(texts.values())
        findings.append(
            over_length(
                joined,
                _index_past(joined, whole_limit, texts),
                what=("模板消息全文", "Template message"),
                count=whole,
                limit=whole_limit,
                unit="chars",
                consequence="truncated",
                severity=severity,
                lang=lang,
            )
        )
    return FieldsReport(figures, tuple(findings))


def _index_past(joined: str, limit: int, texts: Mapping[str, str]) -> int:
    used = 0
    offset = 0
    for text in texts.values():
        if used + len(text) > limit:
            return offset + (limit - used)
        used += len(text)
        offset += len(text) + 1
    return len(joined)


def has_emoji(text: str) -> bool:
    """Return True when ``text`` holds an emoji (a pictographic sequence or a wide symbol).

    Examples:
        >>> has_emoji("已恢复👍"), has_emoji("已恢复"), has_emoji("©2026")
        (True, False, False)
    """
    for cluster in iter_graphemes(text):
        if is_emoji_sequence(cluster):
            return True
        code = ord(cluster[0])
        if code >= 0x1F000 or (0x2300 <= code <= 0x2BFF and width(cluster) == 2):
            return True
    return False


def check_article(
    article: Mapping[str, Any], *, lang: str = "zh", limits: Limits | None = None
) -> FieldsReport:
    """Check an article's ``title``, ``digest`` and ``content`` (HTML) for ``draft/add``."""
    limits = limits or default_limits()
    severity = limits.severity("wechat.article.severity")
    figures: dict[str, Any] = {}
    findings: list[Finding] = []
    names = {"title": ("标题", "Article title"), "digest": ("摘要", "Article digest")}
    for key, (zh, en) in names.items():
        if key not in article:
            continue
        text = field_value(article[key])
        limit = limits.number(f"wechat.article.{key}")
        figures[key] = {"chars": len(text), "limit": limit}
        if limit and len(text) > limit:
            findings.append(
                over_length(
                    text,
                    limit,
                    what=(f"图文{zh}", en),
                    count=len(text),
                    limit=limit,
                    unit="chars",
                    consequence="rejected",
                    severity=severity,
                    lang=lang,
                )
            )
    if "content" in article:
        text = field_value(article["content"])
        size = len(text.encode("utf-8", "surrogatepass"))
        char_limit = limits.number("wechat.article.content_chars")
        byte_limit = limits.number("wechat.article.content_bytes")
        figures["content"] = {
            "chars": len(text),
            "chars_limit": char_limit,
            "bytes": size,
            "bytes_limit": byte_limit,
        }
        if char_limit and len(text) > char_limit:
            findings.append(
                over_length(
                    text,
                    char_limit,
                    what=("图文正文", "Article body"),
                    count=len(text),
                    limit=char_limit,
                    unit="chars",
                    consequence="rejected",
                    severity=severity,
                    lang=lang,
                )
            )
        if byte_limit and size > byte_limit:
            findings.append(
                over_length(
                    text,
                    index_past_bytes(text, byte_limit),
                    what=("图文正文", "Article body"),
                    count=size,
                    limit=byte_limit,
                    unit="bytes",
                    consequence="rejected",
                    severity=severity,
                    lang=lang,
                )
            )
    return FieldsReport(figures, tuple(findings))
